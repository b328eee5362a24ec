package dev.latchkey.eternaltwin.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The start of a login (eternaltwin-py's {@code start_authorization} pair): send the user's browser to {@link #url()},
 * and keep {@link #state()} with the user's own session (a cookie, a server-side session) to hand back as the
 * expected state when the browser returns. {@code toString()} hides the state.
 *
 * @param state the signed state: single-use, bound to this login
 * @param url the authorization URL, carrying the state and the PKCE challenge
 * @param expiresAt when the state stops being accepted
 */
public record Authorization(String state, URI url, Instant expiresAt) {

    /**
     * Creates an {@code Authorization}, checking and normalizing its components.
     *
     * @param state the signed state: single-use, bound to this login
     * @param url the authorization URL, carrying the state and the PKCE challenge
     * @param expiresAt when the state stops being accepted
     */
    public Authorization {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Authorization{state=***, url=" + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()
                + "?..., expiresAt=" + expiresAt + '}';
    }
}
