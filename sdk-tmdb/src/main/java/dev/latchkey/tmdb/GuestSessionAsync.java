package dev.latchkey.tmdb;

import dev.latchkey.core.Async;
import dev.latchkey.core.page.AsyncAutoPager;
import dev.latchkey.core.page.NumberedPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.tmdb.internal.TmdbApi;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import java.util.concurrent.CompletableFuture;

/** {@link GuestSession}'s calls, returning {@code CompletableFuture}s, on the same code path. */
public final class GuestSessionAsync {
    private final TmdbClient client;
    private final GuestSession guest;

    GuestSessionAsync(TmdbClient client, GuestSession guest) {
        this.client = client;
        this.guest = guest;
    }

    /**
     * @param movieId TMDb's movie id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see GuestSession#rateMovie
     */
    public CompletableFuture<Void> rateMovie(int movieId, double value) {
        return Async.start(() -> client.api.rate(guest.actor(), MediaType.MOVIE, movieId, value)
                .executeAsync(client.pipeline));
    }

    /**
     * @param seriesId TMDb's TV series id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see GuestSession#rateTv
     */
    public CompletableFuture<Void> rateTv(int seriesId, double value) {
        return Async.start(() -> client.api.rate(guest.actor(), MediaType.TV, seriesId, value)
                .executeAsync(client.pipeline));
    }

    /**
     * @param movieId TMDb's movie id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see GuestSession#deleteMovieRating
     */
    public CompletableFuture<Void> deleteMovieRating(int movieId) {
        return Async.start(() -> client.api.deleteRating(guest.actor(), MediaType.MOVIE, movieId)
                .executeAsync(client.pipeline));
    }

    /**
     * @param seriesId TMDb's TV series id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see GuestSession#deleteTvRating
     */
    public CompletableFuture<Void> deleteTvRating(int seriesId) {
        return Async.start(() -> client.api.deleteRating(guest.actor(), MediaType.TV, seriesId)
                .executeAsync(client.pipeline));
    }

    /**
     * @return the rated movies, fetched page by page
     * @see GuestSession#ratedMovies()
     */
    public AsyncAutoPager<RatedMovie> ratedMovies() {
        return new AsyncAutoPager<>(Async.start(() -> NumberedPages.fetchAsync(client.pipeline,
                n -> client.api.guestRatedMovies(guest.id(), n), 1, TmdbApi.MAX_PAGE)));
    }

    /**
     * @return the rated TV series, fetched page by page
     * @see GuestSession#ratedTv()
     */
    public AsyncAutoPager<RatedTvShow> ratedTv() {
        return new AsyncAutoPager<>(Async.start(() -> NumberedPages.fetchAsync(client.pipeline,
                n -> client.api.guestRatedShows(guest.id(), n), 1, TmdbApi.MAX_PAGE)));
    }

    /**
     * @param movieId TMDb's movie id
     * @return a future of a movie's rating by this guest session
     * @see GuestSession#movieStates
     */
    public CompletableFuture<AccountStates> movieStates(int movieId) {
        return Async.start(() -> client.api.movieStates(guest.actor(), movieId).executeAsync(client.pipeline));
    }
}
