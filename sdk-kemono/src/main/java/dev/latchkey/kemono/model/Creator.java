package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A creator's profile. Times are Kemono's, without a zone (UTC).
 *
 * @param id the creator's id on the service
 * @param service the service
 * @param name the display name
 * @param publicId the public handle, if any
 * @param relationId Kemono's link to the same person on another service, if any
 * @param indexed when Kemono first indexed the creator
 * @param updated when the creator last had new content
 * @param postCount how many posts Kemono has, when it says (a live client reads it as optional)
 */
public record Creator(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "service", required = true) Service service,
        @JsonProperty("name") String name,
        @JsonProperty("public_id") Optional<String> publicId,
        @JsonProperty("relation_id") Optional<String> relationId,
        @JsonProperty("indexed") Optional<LocalDateTime> indexed,
        @JsonProperty("updated") Optional<LocalDateTime> updated,
        @JsonProperty("post_count") OptionalInt postCount) {

    /**
     * Creates a {@code Creator}, checking and normalizing its components.
     *
     * @param id the creator's id on the service
     * @param service the service
     * @param name the display name
     * @param publicId the public handle, if any
     * @param relationId Kemono's link to the same person on another service, if any
     * @param indexed when Kemono first indexed the creator
     * @param updated when the creator last had new content
     * @param postCount how many posts Kemono has
     */
    public Creator {
        name = name == null ? id : name;
        publicId = publicId == null ? Optional.empty() : publicId;
        relationId = relationId == null ? Optional.empty() : relationId;
        indexed = indexed == null ? Optional.empty() : indexed;
        updated = updated == null ? Optional.empty() : updated;
        postCount = postCount == null ? OptionalInt.empty() : postCount;
    }
}
