package dev.latchkey.tmdb;

import dev.latchkey.core.page.AutoPager;
import dev.latchkey.core.page.NumberedPages;
import dev.latchkey.tmdb.internal.TmdbApi;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import java.time.Instant;
import java.util.Optional;

/**
 * A TMDb guest session: rates movies and shows without an account. TMDb deletes a guest session not used within 24
 * hours of its creation; a call with such a session fails with an {@code UnauthorizedException} that says so.
 * {@code toString()} hides the id.
 */
public final class GuestSession {
    static final String STORE_NAME = "guest";
    static final String TOKEN = "guest_session_id";

    private final TmdbClient client;
    private final String id;
    private final Instant expiresAt;

    GuestSession(TmdbClient client, String id, Instant expiresAt) {
        this.client = client;
        this.id = id;
        this.expiresAt = expiresAt;
    }

    /** @return when TMDb deletes it if it was never used */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return the guest session id (secret: send it nowhere but TMDb) */
    public String id() {
        return id;
    }

    /**
     * Rates a movie (0.5 to 10 in steps of 0.5, checked first).
     *
     * @param movieId TMDb's movie id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     */
    public void rateMovie(int movieId, double value) {
        client.api.rate(actor(), MediaType.MOVIE, movieId, value).execute(client.pipeline);
    }

    /**
     * Rates a TV show.
     *
     * @param seriesId TMDb's TV series id
     * @param value the rating, 0.5 to 10 in steps of 0.5
     */
    public void rateTv(int seriesId, double value) {
        client.api.rate(actor(), MediaType.TV, seriesId, value).execute(client.pipeline);
    }

    /**
     * Deletes a movie's rating.
     *
     * @param movieId TMDb's movie id
     */
    public void deleteMovieRating(int movieId) {
        client.api.deleteRating(actor(), MediaType.MOVIE, movieId).execute(client.pipeline);
    }

    /**
     * Deletes a TV show's rating.
     *
     * @param seriesId TMDb's TV series id
     */
    public void deleteTvRating(int seriesId) {
        client.api.deleteRating(actor(), MediaType.TV, seriesId).execute(client.pipeline);
    }

    /** @return the rated movies, page by page as consumed */
    public AutoPager<RatedMovie> ratedMovies() {
        return NumberedPages.fetch(client.pipeline, n -> client.api.guestRatedMovies(id, n), 1, TmdbApi.MAX_PAGE)
                .autoPager();
    }

    /** @return the rated TV shows */
    public AutoPager<RatedTvShow> ratedTv() {
        return NumberedPages.fetch(client.pipeline, n -> client.api.guestRatedShows(id, n), 1, TmdbApi.MAX_PAGE)
                .autoPager();
    }

    /**
     * @param movieId TMDb's movie id
     * @return a movie's rating by this guest session
     */
    public AccountStates movieStates(int movieId) {
        return client.api.movieStates(actor(), movieId).execute(client.pipeline);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public GuestSessionAsync async() {
        return new GuestSessionAsync(client, this);
    }

    TmdbApi.Actor actor() {
        return TmdbApi.Actor.guest(id);
    }

    @Override
    public String toString() {
        return "GuestSession{id=***, expiresAt=" + expiresAt + '}';
    }
}
