package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A TMDb account's details.
 *
 * @param id the account id (used in {@code /3/account/{id}/...})
 * @param username the user name
 * @param name the display name (may be empty)
 * @param language ISO 639-1 code ({@code iso_639_1})
 * @param country ISO 3166-1 code ({@code iso_3166_1})
 * @param includeAdult whether adult content is included in the account's results
 */
public record AccountDetails(
        @JsonProperty(value = "id", required = true) int id,
        @JsonProperty(value = "username", required = true) String username,
        @JsonProperty("name") String name,
        @JsonProperty("iso_639_1") String language,
        @JsonProperty("iso_3166_1") String country,
        @JsonProperty("include_adult") boolean includeAdult) {

    /**
     * Creates an {@code AccountDetails}, checking and normalizing its components.
     *
     * @param id the account id (used in {@code /3/account/{id}/...})
     * @param username the user name
     * @param name the display name (may be empty)
     * @param language ISO 639-1 code ({@code iso_639_1})
     * @param country ISO 3166-1 code ({@code iso_3166_1})
     * @param includeAdult whether adult content is included in the account's results
     */
    public AccountDetails {
        name = name == null ? "" : name;
    }
}
