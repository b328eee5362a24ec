package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A movie with the rating the account (or guest session) gave it.
 *
 * @param movie the movie
 * @param rating the rating, 0.5 to 10 in steps of 0.5; 0 if TMDb leaves it out (no rating is 0)
 */
public record RatedMovie(@JsonUnwrapped Movie movie, @JsonProperty("rating") double rating) {
}
