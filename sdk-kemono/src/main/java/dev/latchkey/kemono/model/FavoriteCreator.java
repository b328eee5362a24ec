package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A creator in the account's favorites. Times are Kemono's, without a zone (UTC).
 *
 * @param id the creator's id on the service
 * @param service the service
 * @param name the display name
 * @param publicId the creator's public handle, if any
 * @param relationId Kemono's link to the same person on another service, if any
 * @param favedSeq the favorite's sequence number: higher is more recent
 * @param indexed when Kemono first indexed the creator
 * @param updated when the creator last had new content
 * @param lastImported when Kemono last imported the creator, if known
 */
public record FavoriteCreator(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "service", required = true) Service service,
        @JsonProperty("name") String name,
        @JsonProperty("public_id") Optional<String> publicId,
        @JsonProperty("relation_id") Optional<String> relationId,
        @JsonProperty("faved_seq") long favedSeq,
        @JsonProperty("indexed") Optional<LocalDateTime> indexed,
        @JsonProperty("updated") Optional<LocalDateTime> updated,
        @JsonProperty("last_imported") Optional<LocalDateTime> lastImported) {

    /**
     * Creates a {@code FavoriteCreator}, checking and normalizing its components.
     *
     * @param id the creator's id on the service
     * @param service the service
     * @param name the display name
     * @param publicId the creator's public handle, if any
     * @param relationId Kemono's link to the same person on another service, if any
     * @param favedSeq the favorite's sequence number: higher is more recent
     * @param indexed when Kemono first indexed the creator
     * @param updated when the creator last had new content
     * @param lastImported when Kemono last imported the creator, if known
     */
    public FavoriteCreator {
        name = name == null ? id : name;
        publicId = publicId == null ? Optional.empty() : publicId;
        relationId = relationId == null ? Optional.empty() : relationId;
        indexed = indexed == null ? Optional.empty() : indexed;
        updated = updated == null ? Optional.empty() : updated;
        lastImported = lastImported == null ? Optional.empty() : lastImported;
    }
}
