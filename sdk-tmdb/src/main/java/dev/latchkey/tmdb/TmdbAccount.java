package dev.latchkey.tmdb;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.page.AutoPager;
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
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A TMDb account with a session: details, favorites, watchlist and ratings. Lists are paged by TMDb (20 a page, at
 * most 500 pages) and auto-paged here, lazily: {@code favoriteMovies().stream().limit(30)} fetches two pages.
 * Thread-safe.
 */
public final class TmdbAccount implements AutoCloseable {
    static final String ATTR_ID = "account_id";
    static final String ATTR_USERNAME = "username";

    private final TmdbClient client;
    private final SessionHolder holder;
    private final int id;
    private final String username;

    TmdbAccount(TmdbClient client, SessionHolder holder) {
        this.client = client;
        this.holder = holder;
        Session s = holder.require();
        this.id = Integer.parseInt(s.attribute(ATTR_ID).orElseThrow(() -> new IllegalStateException(
                "stored TMDb session has no account id")));
        this.username = s.attribute(ATTR_USERNAME).orElseThrow(() -> new IllegalStateException(
                "stored TMDb session has no user name"));
    }

    /** @return the account id */
    public int id() {
        return id;
    }

    /** @return the user name */
    public String username() {
        return username;
    }

    /** @return the session (its {@code toString()} hides the id) */
    public TmdbSession session() {
        return new TmdbSession(sessionId(holder.require()));
    }

    /** @return the key the session is saved under */
    public String storeKey() {
        return holder.key();
    }

    /** @return the account's details ({@code GET /3/account/{id}}) */
    public AccountDetails details() {
        return holder.call(s -> client.api.accountDetails(sessionId(s), id()).execute(client.pipeline));
    }

    /** @return the favorite movies, oldest favorite first, fetched page by page as consumed */
    public AutoPager<Movie> favoriteMovies() {
        return pages(n -> client.api.movies("favorite", id(), sid(), n, false)).autoPager();
    }

    /** @return the favorite TV shows */
    public AutoPager<TvShow> favoriteTv() {
        return pages(n -> client.api.shows("favorite", id(), sid(), n, false)).autoPager();
    }

    /** @return the rated movies, with their ratings */
    public AutoPager<RatedMovie> ratedMovies() {
        return pages(n -> client.api.ratedMovies(id(), sid(), n, false)).autoPager();
    }

    /** @return the rated TV shows, with their ratings */
    public AutoPager<RatedTvShow> ratedTv() {
        return pages(n -> client.api.ratedShows(id(), sid(), n, false)).autoPager();
    }

    /** @return the movies on the watchlist */
    public AutoPager<Movie> watchlistMovies() {
        return pages(n -> client.api.movies("watchlist", id(), sid(), n, false)).autoPager();
    }

    /** @return the TV shows on the watchlist */
    public AutoPager<TvShow> watchlistTv() {
        return pages(n -> client.api.shows("watchlist", id(), sid(), n, false)).autoPager();
    }

    /**
     * @param newestFirst order by when each was added, newest first
     * @return the first page of favorite movies, to walk page by page with {@link Page#next()}
     */
    public Page<Movie> favoriteMoviesPage(boolean newestFirst) {
        return pages(n -> client.api.movies("favorite", id(), sid(), n, newestFirst));
    }

    /**
     * Adds or removes a favorite (idempotent).
     *
     * @param type movie or TV
     * @param mediaId the movie or TV series id
     * @param favorite whether it is a favorite
     */
    public void markFavorite(MediaType type, int mediaId, boolean favorite) {
        holder.call(s -> client.api.mark("favorite", id(), sessionId(s), type, mediaId, favorite)
                .execute(client.pipeline));
    }

    /**
     * Adds to or removes from the watchlist (idempotent).
     *
     * @param type movie or TV
     * @param mediaId the movie or TV series id
     * @param onWatchlist whether it goes on the watchlist (or comes off it)
     */
    public void markWatchlist(MediaType type, int mediaId, boolean onWatchlist) {
        holder.call(s -> client.api.mark("watchlist", id(), sessionId(s), type, mediaId, onWatchlist)
                .execute(client.pipeline));
    }

    /**
     * Rates a movie; the value is checked first (0.5 to 10, in steps of 0.5).
     *
     * @param movieId TMDb's movie id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     * @throws InvalidInputException if the value is out of range, before any call
     */
    public void rateMovie(int movieId, double value) {
        holder.call(s -> client.api.rate(actor(s), MediaType.MOVIE, movieId, value).execute(client.pipeline));
    }

    /**
     * Rates a TV show, as {@link #rateMovie}.
     *
     * @param seriesId TMDb's TV series id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     */
    public void rateTv(int seriesId, double value) {
        holder.call(s -> client.api.rate(actor(s), MediaType.TV, seriesId, value).execute(client.pipeline));
    }

    /**
     * Deletes a movie's rating ({@code NotFoundException} if there was none).
     *
     * @param movieId TMDb's movie id
     */
    public void deleteMovieRating(int movieId) {
        holder.call(s -> client.api.deleteRating(actor(s), MediaType.MOVIE, movieId).execute(client.pipeline));
    }

    /**
     * Deletes a TV show's rating.
     *
     * @param seriesId TMDb's TV series id
     */
    public void deleteTvRating(int seriesId) {
        holder.call(s -> client.api.deleteRating(actor(s), MediaType.TV, seriesId).execute(client.pipeline));
    }

    /**
     * @param movieId TMDb's movie id
     * @return whether a movie is a favorite, on the watchlist, and its rating
     */
    public AccountStates movieStates(int movieId) {
        return holder.call(s -> client.api.movieStates(actor(s), movieId).execute(client.pipeline));
    }

    /**
     * Closes this account object: the session is dropped here, so later calls on this object throw {@link
     * IllegalStateException}. The session store keeps it (a later {@code resume} picks it up) and TMDb still honours
     * it; to end it there, {@link #logout()}. Idempotent; the client stays open. (The three ways to let go, the same on
     * every provider: {@code close()} here only, {@code forget()} here and in the store, {@code logout()} at the
     * provider too, where it has one.)
     */
    @Override
    public void close() {
        holder.forget();
    }

    /**
     * Forgets the session here and in the session store, without telling TMDb: the session stays valid there
     * (until TMDb deletes it). To end it at TMDb too, {@link #logout()}.
     */
    public void forget() {
        holder.clear();
    }

    /** Ends the session on TMDb and removes it here and from the store. If the call fails, the session is kept. */
    public void logout() {
        client.api.deleteSession(sessionId(holder.require())).execute(client.pipeline);
        holder.clear();
    }

    /**
     * This account with per-call options (a timeout, retries, extra headers, an idempotency key) on its calls; the
     * session is the same.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this account for calls with those options
     * @see TmdbClient#withRequestOptions
     */
    public TmdbAccount withRequestOptions(RequestOptions options) {
        return on(client.withRequestOptions(options));
    }

    /**
     * @param call makes the calls on the account it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     * @see TmdbClient#withResponse
     */
    public <T> WithResponse<T> withResponse(Function<TmdbAccount, T> call) {
        InvalidInputException.require(call, "call");
        return client.pipeline.withResponse(p -> call.apply(on(client.on(p))));
    }

    /** @return this account, its session shared, making its calls through another client */
    TmdbAccount on(TmdbClient c) {
        return new TmdbAccount(c, holder);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public TmdbAccountAsync async() {
        return new TmdbAccountAsync(client, holder, this);
    }

    @Override
    public String toString() {
        return holder.current().map(s -> "TmdbAccount{id=" + s.attribute(ATTR_ID).orElse("?") + ", username="
                + s.attribute(ATTR_USERNAME).orElse("?") + '}').orElse("TmdbAccount{logged out}");
    }

    String sid() {
        return sessionId(holder.require());
    }

    static String sessionId(Session s) {
        return s.token(Session.SESSION_ID).orElseThrow(() -> new IllegalStateException("not a TMDb session"));
    }

    static TmdbApi.Actor actor(Session s) {
        return TmdbApi.Actor.session(sessionId(s));
    }

    private <T> Page<T> pages(IntFunction<dev.latchkey.core.http.ApiCall<NumberedPages.Slice<T>>> call) {
        return holder.call(s -> NumberedPages.fetch(client.pipeline, call, 1, TmdbApi.MAX_PAGE));
    }
}
