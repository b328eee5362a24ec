package dev.latchkey.tmdb.model;

import java.net.URI;
import java.util.Objects;

/**
 * A v4 request token: the user approves it on TMDb's website ({@link #approvalUrl()}), then it becomes an access
 * token. It expires after 15 minutes and works once. {@code toString()} hides it.
 *
 * @param value the token (a JWT; secret)
 */
public record V4RequestToken(String value) {

    /**
     * Creates a {@code V4RequestToken}, checking and normalizing its components.
     *
     * @param value the token (a JWT; secret)
     */
    public V4RequestToken {
        Objects.requireNonNull(value, "value");
    }

    /** @return where the user approves it */
    public URI approvalUrl() {
        return URI.create("https://www.themoviedb.org/auth/access?request_token=" + value);
    }

    @Override
    public String toString() {
        return "V4RequestToken{***}";
    }
}
