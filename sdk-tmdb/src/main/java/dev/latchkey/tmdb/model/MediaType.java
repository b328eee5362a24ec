package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a favorite, watchlist entry or rating is about. */
public enum MediaType {
    /** A movie. */
    MOVIE("movie"),
    /** A TV show. */
    TV("tv");

    private final String wire;

    MediaType(String wire) {
        this.wire = wire;
    }

    /** @return the value TMDb uses: {@code movie} or {@code tv} */
    @JsonValue
    public String wire() {
        return wire;
    }
}
