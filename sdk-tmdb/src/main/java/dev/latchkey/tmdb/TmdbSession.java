package dev.latchkey.tmdb;

import dev.latchkey.core.error.InvalidInputException;

/**
 * A v3 user session: what {@code session/new} gives after the user approved a request token. Pass it to
 * {@link TmdbClient#account}. {@code toString()} hides the id.
 *
 * @param sessionId the session id (secret)
 */
public record TmdbSession(String sessionId) {

    public TmdbSession {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("session id is blank");
        }
    }

    @Override
    public String toString() {
        return "TmdbSession{***}";
    }
}
