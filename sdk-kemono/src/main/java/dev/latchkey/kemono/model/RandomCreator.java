package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a random creator is: fetch the profile with {@code kemono.creator(service, creatorId)}.
 *
 * @param service the service
 * @param creatorId the creator's id ({@code artist_id} on the wire)
 */
public record RandomCreator(
        @JsonProperty(value = "service", required = true) Service service,
        @JsonProperty(value = "artist_id", required = true) String creatorId) {
}
