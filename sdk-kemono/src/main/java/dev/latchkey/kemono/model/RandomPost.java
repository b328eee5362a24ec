package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a random post is: fetch it with {@code kemono.post(service, creatorId, postId)}.
 *
 * @param service the service
 * @param creatorId the creator's id ({@code artist_id} on the wire)
 * @param postId the post id
 */
public record RandomPost(
        @JsonProperty(value = "service", required = true) Service service,
        @JsonProperty(value = "artist_id", required = true) String creatorId,
        @JsonProperty(value = "post_id", required = true) String postId) {
}
