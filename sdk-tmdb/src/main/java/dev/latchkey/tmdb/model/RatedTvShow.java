package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A TV show with the rating the account (or guest session) gave it.
 *
 * @param show the show
 * @param rating the rating, 0.5 to 10 in steps of 0.5; 0 if TMDb leaves it out (no rating is 0)
 */
public record RatedTvShow(@JsonUnwrapped TvShow show, @JsonProperty("rating") double rating) {
}
