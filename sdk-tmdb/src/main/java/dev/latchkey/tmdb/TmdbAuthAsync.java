package dev.latchkey.tmdb;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** {@link TmdbAuth}'s calls, returning {@code CompletableFuture}s, on the same code path. */
public final class TmdbAuthAsync {
    private final TmdbClient client;

    TmdbAuthAsync(TmdbClient client) {
        this.client = client;
    }

    /** @see TmdbAuth#validateApiKey() */
    public CompletableFuture<Void> validateApiKey() {
        return Async.start(() -> client.api.validateKey().executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#createRequestToken() */
    public CompletableFuture<RequestToken> createRequestToken() {
        return Async.start(() -> client.api.createRequestToken().executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#validateWithLogin */
    public CompletableFuture<RequestToken> validateWithLogin(RequestToken token, String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            return client.api.validateWithLogin(token, c.username(), c.password()).executeAsync(client.pipeline);
        });
    }

    /** @see TmdbAuth#createSession */
    public CompletableFuture<TmdbSession> createSession(RequestToken approved) {
        return Async.start(() -> client.api.createSession(approved).executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#login */
    public CompletableFuture<TmdbSession> login(String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            CompletableFuture<RequestToken> approved = Async.compose(
                    client.api.createRequestToken().executeAsync(client.pipeline),
                    t -> client.api.validateWithLogin(t, c.username(), c.password()).executeAsync(client.pipeline));
            return Async.compose(approved, t -> client.api.createSession(t).executeAsync(client.pipeline));
        });
    }

    /** @see TmdbAuth#createGuestSession() */
    public CompletableFuture<GuestSession> createGuestSession() {
        return Async.start(() -> Async.map(client.api.createGuestSession().executeAsync(client.pipeline),
                client::saveGuest));
    }

    /** @see TmdbAuth#convertV4 */
    public CompletableFuture<TmdbSession> convertV4(V4AccessToken accessToken) {
        return Async.start(() -> client.api.convertV4(accessToken).executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#deleteSession */
    public CompletableFuture<Void> deleteSession(TmdbSession session) {
        return Async.start(() -> client.api.deleteSession(InvalidInputException.require(session, "session")
                .sessionId()).executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#createV4RequestToken */
    public CompletableFuture<V4RequestToken> createV4RequestToken(URI redirectTo) {
        return Async.start(() -> client.api.createV4RequestToken(redirectTo == null ? null : redirectTo.toString())
                .executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#createAccessToken */
    public CompletableFuture<V4AccessToken> createAccessToken(V4RequestToken approved) {
        return Async.start(() -> client.api.createAccessToken(approved).executeAsync(client.pipeline));
    }

    /** @see TmdbAuth#deleteAccessToken */
    public CompletableFuture<Void> deleteAccessToken(V4AccessToken token) {
        return Async.start(() -> client.api.deleteAccessToken(token).executeAsync(client.pipeline));
    }
}
