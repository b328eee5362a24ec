package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/**
 * Who an account is, as Kemono answers a login or {@code GET /v1/account}.
 *
 * @param id the account id
 * @param username the user name
 * @param createdAt when the account was created (Kemono's time, without a zone: UTC)
 * @param role the account's rank
 */
public record AccountInfo(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "username", required = true) String username,
        @JsonProperty("created_at") LocalDateTime createdAt,
        @JsonProperty("role") Role role) {

    /**
     * Creates an {@code AccountInfo}, checking and normalizing its components.
     *
     * @param id the account id
     * @param username the user name
     * @param createdAt when the account was created (Kemono's time, without a zone: UTC)
     * @param role the account's rank
     */
    public AccountInfo {
        role = role == null ? Role.CONSUMER : role;
    }
}
