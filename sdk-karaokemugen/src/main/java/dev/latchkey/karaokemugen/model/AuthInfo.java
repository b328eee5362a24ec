package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * What {@code checkAuth} says of a token: the token's own claims and, for an online account, whether its instance
 * answered ({@code {...req.token, onlineAvailable}}, {@code app:src/controllers/auth.ts:104}).
 *
 * @param username the login it belongs to
 * @param role {@code admin}, {@code user} or {@code guest}; {@code null} if the token does not say
 * @param onlineAvailable for an online account ({@code name@instance}), whether its instance checked the online token;
 *     empty for a local account, for which the app leaves the field out ({@code auth.ts:72-73})
 */
public record AuthInfo(@JsonProperty(value = "username", required = true) String username,
        @JsonProperty("role") String role,
        @JsonProperty("onlineAvailable") Optional<Boolean> onlineAvailable) {

    /**
     * Creates an {@code AuthInfo}; an absent {@code onlineAvailable} is empty, never {@code null}.
     *
     * @param username the login it belongs to
     * @param role {@code admin}, {@code user} or {@code guest}; {@code null} if the token does not say
     * @param onlineAvailable whether the instance checked the online token; empty for a local account
     */
    public AuthInfo {
        onlineAvailable = onlineAvailable == null ? Optional.empty() : onlineAvailable;
    }
}
