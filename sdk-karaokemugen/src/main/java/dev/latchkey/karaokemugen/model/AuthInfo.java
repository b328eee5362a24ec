package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code checkAuth} says of a token.
 *
 * @param username the login it belongs to
 * @param role {@code admin}, {@code user} or {@code guest}
 * @param onlineAvailable whether its online account is reachable
 */
public record AuthInfo(@JsonProperty(value = "username", required = true) String username,
        @JsonProperty(value = "role", required = true) String role,
        @JsonProperty("onlineAvailable") boolean onlineAvailable) {
}
