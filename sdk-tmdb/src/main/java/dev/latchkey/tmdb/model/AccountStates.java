package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where a movie stands for the account: favorite, watchlist, and its rating. TMDb sends {@code "rated": false} when
 * there is no rating and {@code {"value": 8.5}} when there is.
 *
 * @param id the movie id
 * @param favorite whether it is a favorite
 * @param rating the rating, if rated
 * @param watchlist whether it is on the watchlist
 */
public record AccountStates(int id, boolean favorite, Optional<Double> rating, boolean watchlist) {

    @JsonCreator
    static AccountStates of(@JsonProperty(value = "id", required = true) int id,
            @JsonProperty("favorite") boolean favorite, @JsonProperty("rated") JsonNode rated,
            @JsonProperty("watchlist") boolean watchlist) {
        Optional<Double> rating = rated != null && rated.isObject() && rated.path("value").isNumber()
                ? Optional.of(rated.path("value").asDouble()) : Optional.empty();
        return new AccountStates(id, favorite, rating, watchlist);
    }
}
