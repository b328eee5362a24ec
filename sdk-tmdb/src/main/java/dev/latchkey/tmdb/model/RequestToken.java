package dev.latchkey.tmdb.model;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A v3 request token: the user approves it on TMDb's website ({@link #approvalUrl}), then it becomes a session. It
 * expires after 60 minutes and works once. {@code toString()} hides the token.
 *
 * @param value the token itself (secret)
 * @param expiresAt when it stops working
 */
public record RequestToken(String value, Instant expiresAt) {

    /**
     * Creates a {@code RequestToken}, checking and normalizing its components.
     *
     * @param value the token itself (secret)
     * @param expiresAt when it stops working
     */
    public RequestToken {
        if (value == null || value.isBlank()) {
            throw new dev.latchkey.core.error.InvalidInputException("request token is blank");
        }
        dev.latchkey.core.error.InvalidInputException.require(expiresAt, "expiresAt");
    }

    /**
     * @param redirectTo where TMDb sends the user after approval
     * @return where the user approves the token, then comes back to {@code redirectTo} (or TMDb's page if null)
     */
    public URI approvalUrl(URI redirectTo) {
        String base = "https://www.themoviedb.org/authenticate/" + value;
        return URI.create(redirectTo == null ? base
                : base + "?redirect_to=" + URLEncoder.encode(redirectTo.toString(), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RequestToken{value=***, expiresAt=" + expiresAt + '}';
    }
}
