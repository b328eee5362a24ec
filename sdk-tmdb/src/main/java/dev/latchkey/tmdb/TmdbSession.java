package dev.latchkey.tmdb;

import dev.latchkey.core.error.InvalidInputException;

/**
 * A v3 user session: what {@code session/new} gives after the user approved a request token. Pass it to
 * {@link TmdbClient#account}. {@code toString()} hides the id.
 *
 * @param sessionId the session id (secret)
 */
public record TmdbSession(String sessionId) {

    /**
     * Creates a {@code TmdbSession}, checking and normalizing its components.
     *
     * @param sessionId the session id (secret)
     */
    public TmdbSession {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("session id is blank");
        }
        for (int i = 0; i < sessionId.length(); i++) {
            char c = sessionId.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidInputException("session id holds white space, a control or a non-ASCII character");
            }
        }
    }

    @Override
    public String toString() {
        return "TmdbSession{***}";
    }
}
