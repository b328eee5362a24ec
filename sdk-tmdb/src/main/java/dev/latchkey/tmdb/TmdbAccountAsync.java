package dev.latchkey.tmdb;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.http.ApiCall;
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
import java.util.function.IntFunction;

/**
 * {@link TmdbAccount}'s calls, returning {@code CompletableFuture}s, on the same code path. Lists complete with their
 * first page; walk on with {@code page.nextAsync()} or {@code page.autoPagerAsync().collect(n)}.
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

    /** @see TmdbAccount#details() */
    public CompletableFuture<AccountDetails> details() {
        return holder.callAsync(s -> client.api.accountDetails(TmdbAccount.sessionId(s), account.id())
                .executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#favoriteMovies() */
    public CompletableFuture<Page<Movie>> favoriteMovies() {
        return pages(n -> client.api.movies("favorite", account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#favoriteTv() */
    public CompletableFuture<Page<TvShow>> favoriteTv() {
        return pages(n -> client.api.shows("favorite", account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#ratedMovies() */
    public CompletableFuture<Page<RatedMovie>> ratedMovies() {
        return pages(n -> client.api.ratedMovies(account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#ratedTv() */
    public CompletableFuture<Page<RatedTvShow>> ratedTv() {
        return pages(n -> client.api.ratedShows(account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#watchlistMovies() */
    public CompletableFuture<Page<Movie>> watchlistMovies() {
        return pages(n -> client.api.movies("watchlist", account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#watchlistTv() */
    public CompletableFuture<Page<TvShow>> watchlistTv() {
        return pages(n -> client.api.shows("watchlist", account.id(), account.sid(), n, false));
    }

    /** @see TmdbAccount#markFavorite */
    public CompletableFuture<Void> markFavorite(MediaType type, int mediaId, boolean favorite) {
        return holder.callAsync(s -> client.api.mark("favorite", account.id(),
                TmdbAccount.sessionId(s), type, mediaId, favorite).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#markWatchlist */
    public CompletableFuture<Void> markWatchlist(MediaType type, int mediaId, boolean onWatchlist) {
        return holder.callAsync(s -> client.api.mark("watchlist", account.id(),
                TmdbAccount.sessionId(s), type, mediaId, onWatchlist).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#rateMovie */
    public CompletableFuture<Void> rateMovie(int movieId, double value) {
        return holder.callAsync(s -> client.api.rate(TmdbAccount.actor(s), MediaType.MOVIE,
                movieId, value).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#rateTv */
    public CompletableFuture<Void> rateTv(int seriesId, double value) {
        return holder.callAsync(s -> client.api.rate(TmdbAccount.actor(s), MediaType.TV, seriesId,
                value).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#deleteMovieRating */
    public CompletableFuture<Void> deleteMovieRating(int movieId) {
        return holder.callAsync(s -> client.api.deleteRating(TmdbAccount.actor(s), MediaType.MOVIE,
                movieId).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#deleteTvRating */
    public CompletableFuture<Void> deleteTvRating(int seriesId) {
        return holder.callAsync(s -> client.api.deleteRating(TmdbAccount.actor(s), MediaType.TV,
                seriesId).executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#movieStates */
    public CompletableFuture<AccountStates> movieStates(int movieId) {
        return holder.callAsync(s -> client.api.movieStates(TmdbAccount.actor(s), movieId)
                .executeAsync(client.pipeline));
    }

    /** @see TmdbAccount#logout() */
    public CompletableFuture<Void> logout() {
        return Async.map(Async.start(() -> client.api.deleteSession(TmdbAccount.sessionId(holder.require()))
                .executeAsync(client.pipeline)), v -> {
                    holder.clear();
                    return null;
                });
    }

    private <T> CompletableFuture<Page<T>> pages(IntFunction<ApiCall<NumberedPages.Slice<T>>> call) {
        return holder.callAsync(s -> NumberedPages.fetchAsync(client.pipeline, call, 1, TmdbApi.MAX_PAGE));
    }
}
