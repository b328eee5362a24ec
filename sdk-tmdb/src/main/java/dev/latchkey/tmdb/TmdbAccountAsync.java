package dev.latchkey.tmdb;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.page.AsyncAutoPager;
import dev.latchkey.core.page.NumberedPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.tmdb.internal.TmdbApi;
import dev.latchkey.tmdb.model.AccountDetails;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import dev.latchkey.tmdb.model.TvShow;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@link TmdbAccount}'s calls, returning {@code CompletableFuture}s, on the same code path. Lists are
 * {@link AsyncAutoPager}s, as the sync ones are {@code AutoPager}s: {@code collect(n)}, {@code forEach}, or
 * {@code firstPage()} to walk page by page with {@code nextAsync()}.
 */
public final class TmdbAccountAsync {
    private final TmdbClient client;
    private final SessionHolder holder;
    private final TmdbAccount account;

    TmdbAccountAsync(TmdbClient client, SessionHolder holder, TmdbAccount account) {
        this.client = client;
        this.holder = holder;
        this.account = account;
    }

    /**
     * @return a future of the account's details
     * @see TmdbAccount#details()
     */
    public CompletableFuture<AccountDetails> details() {
        return holder.callAsync(s -> client.api.accountDetails(TmdbAccount.sessionId(s), account.id())
                .executeAsync(client.pipeline));
    }

    /**
     * @return the favorite movies, fetched page by page
     * @see TmdbAccount#favoriteMovies()
     */
    public AsyncAutoPager<Movie> favoriteMovies() {
        return pager(n -> client.api.movies("favorite", account.id(), account.sid(), n, false));
    }

    /**
     * @return the favorite TV series, fetched page by page
     * @see TmdbAccount#favoriteTv()
     */
    public AsyncAutoPager<TvShow> favoriteTv() {
        return pager(n -> client.api.shows("favorite", account.id(), account.sid(), n, false));
    }

    /**
     * @return the rated movies, fetched page by page
     * @see TmdbAccount#ratedMovies()
     */
    public AsyncAutoPager<RatedMovie> ratedMovies() {
        return pager(n -> client.api.ratedMovies(account.id(), account.sid(), n, false));
    }

    /**
     * @return the rated TV series, fetched page by page
     * @see TmdbAccount#ratedTv()
     */
    public AsyncAutoPager<RatedTvShow> ratedTv() {
        return pager(n -> client.api.ratedShows(account.id(), account.sid(), n, false));
    }

    /**
     * @return the movies on the watchlist, fetched page by page
     * @see TmdbAccount#watchlistMovies()
     */
    public AsyncAutoPager<Movie> watchlistMovies() {
        return pager(n -> client.api.movies("watchlist", account.id(), account.sid(), n, false));
    }

    /**
     * @return the TV series on the watchlist, fetched page by page
     * @see TmdbAccount#watchlistTv()
     */
    public AsyncAutoPager<TvShow> watchlistTv() {
        return pager(n -> client.api.shows("watchlist", account.id(), account.sid(), n, false));
    }

    /**
     * @param type movie or TV
     * @param mediaId the movie or TV series id
     * @param favorite whether it is a favorite
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#markFavorite
     */
    public CompletableFuture<Void> markFavorite(MediaType type, int mediaId, boolean favorite) {
        return holder.callAsync(s -> client.api.mark("favorite", account.id(),
                TmdbAccount.sessionId(s), type, mediaId, favorite).executeAsync(client.pipeline));
    }

    /**
     * @param type movie or TV
     * @param mediaId the movie or TV series id
     * @param onWatchlist whether it goes on the watchlist (or comes off it)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#markWatchlist
     */
    public CompletableFuture<Void> markWatchlist(MediaType type, int mediaId, boolean onWatchlist) {
        return holder.callAsync(s -> client.api.mark("watchlist", account.id(),
                TmdbAccount.sessionId(s), type, mediaId, onWatchlist).executeAsync(client.pipeline));
    }

    /**
     * @param movieId TMDb's movie id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#rateMovie
     */
    public CompletableFuture<Void> rateMovie(int movieId, double value) {
        return holder.callAsync(s -> client.api.rate(TmdbAccount.actor(s), MediaType.MOVIE,
                movieId, value).executeAsync(client.pipeline));
    }

    /**
     * @param seriesId TMDb's TV series id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#rateTv
     */
    public CompletableFuture<Void> rateTv(int seriesId, double value) {
        return holder.callAsync(s -> client.api.rate(TmdbAccount.actor(s), MediaType.TV, seriesId,
                value).executeAsync(client.pipeline));
    }

    /**
     * @param movieId TMDb's movie id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#deleteMovieRating
     */
    public CompletableFuture<Void> deleteMovieRating(int movieId) {
        return holder.callAsync(s -> client.api.deleteRating(TmdbAccount.actor(s), MediaType.MOVIE,
                movieId).executeAsync(client.pipeline));
    }

    /**
     * @param seriesId TMDb's TV series id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#deleteTvRating
     */
    public CompletableFuture<Void> deleteTvRating(int seriesId) {
        return holder.callAsync(s -> client.api.deleteRating(TmdbAccount.actor(s), MediaType.TV,
                seriesId).executeAsync(client.pipeline));
    }

    /**
     * @param movieId TMDb's movie id
     * @return a future of whether a movie is a favorite, on the watchlist, and its rating
     * @see TmdbAccount#movieStates
     */
    public CompletableFuture<AccountStates> movieStates(int movieId) {
        return holder.callAsync(s -> client.api.movieStates(TmdbAccount.actor(s), movieId)
                .executeAsync(client.pipeline));
    }

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAccount#logout()
     */
    public CompletableFuture<Void> logout() {
        return Async.map(Async.start(() -> client.api.deleteSession(TmdbAccount.sessionId(holder.require()))
                .executeAsync(client.pipeline)), v -> {
                    holder.clear();
                    return null;
                });
    }

    /**
     * @param newestFirst order by when each was added, newest first
     * @return a future of the first page of favorite movies, to walk page by page with {@link Page#next()}
     * @see TmdbAccount#favoriteMoviesPage(boolean)
     */
    public CompletableFuture<Page<Movie>> favoriteMoviesPage(boolean newestFirst) {
        return pages(n -> client.api.movies("favorite", account.id(), account.sid(), n, newestFirst));
    }

    private <T> AsyncAutoPager<T> pager(IntFunction<ApiCall<NumberedPages.Slice<T>>> call) {
        return new AsyncAutoPager<>(pages(call));
    }

    private <T> CompletableFuture<Page<T>> pages(IntFunction<ApiCall<NumberedPages.Slice<T>>> call) {
        return holder.callAsync(s -> NumberedPages.fetchAsync(client.pipeline, call, 1, TmdbApi.MAX_PAGE));
    }

    /**
     * @param call starts calls on the async account it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see TmdbAccount#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<TmdbAccountAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(account.on(client.on(p)).async()));
    }
}
