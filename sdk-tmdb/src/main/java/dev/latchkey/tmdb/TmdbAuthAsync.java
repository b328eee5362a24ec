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

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAuth#validateApiKey()
     */
    public CompletableFuture<Void> validateApiKey() {
        return Async.start(() -> client.api.validateKey().executeAsync(client.pipeline));
    }

    /**
     * @return a future of a new request token, to be approved by the user
     * @see TmdbAuth#createRequestToken()
     */
    public CompletableFuture<RequestToken> createRequestToken() {
        return Async.start(() -> client.api.createRequestToken().executeAsync(client.pipeline));
    }

    /**
     * @param token the request token to approve (from {@link TmdbAuth#createRequestToken()}), sent with the user's name and
     *     password to {@code POST /3/authentication/token/validate_with_login}
     * @param username the user name
     * @param password the password
     * @return a future of the same token, now approved
     * @see TmdbAuth#validateWithLogin
     */
    public CompletableFuture<RequestToken> validateWithLogin(RequestToken token, String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            return client.api.validateWithLogin(token, c.username(), c.password()).executeAsync(client.pipeline);
        });
    }

    /**
     * @param approved a request token the user approved
     * @return a future of a session, from a request token the user approved
     * @see TmdbAuth#createSession
     */
    public CompletableFuture<TmdbSession> createSession(RequestToken approved) {
        return Async.start(() -> client.api.createSession(approved).executeAsync(client.pipeline));
    }

    /**
     * @param approvedToken the request token's value, approved by the user
     * @return a future of a session
     * @see TmdbAuth#createSession(String)
     */
    public CompletableFuture<TmdbSession> createSession(String approvedToken) {
        return Async.start(() -> client.api.createSession(approvedToken).executeAsync(client.pipeline));
    }

    /**
     * @param username the user name
     * @param password the password
     * @return a future of the session
     * @see TmdbAuth#login
     */
    public CompletableFuture<TmdbSession> login(String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            CompletableFuture<RequestToken> approved = Async.compose(
                    client.api.createRequestToken().executeAsync(client.pipeline),
                    t -> client.api.validateWithLogin(t, c.username(), c.password()).executeAsync(client.pipeline));
            return Async.compose(approved, t -> client.api.createSession(t).executeAsync(client.pipeline));
        });
    }

    /**
     * @return a future of a new guest session (saved in the session store): it may rate movies and shows; TMDb deletes it if it is not used within 24 hours
     * @see TmdbAuth#createGuestSession()
     */
    public CompletableFuture<GuestSession> createGuestSession() {
        return Async.start(() -> Async.map(client.api.createGuestSession().executeAsync(client.pipeline),
                client::saveGuest));
    }

    /**
     * @param accessToken a v4 access token
     * @return a future of a v3 session from a v4 user access token
     * @see TmdbAuth#convertV4
     */
    public CompletableFuture<TmdbSession> convertV4(V4AccessToken accessToken) {
        return Async.start(() -> client.api.convertV4(accessToken).executeAsync(client.pipeline));
    }

    /**
     * @param session the session to end
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAuth#deleteSession
     */
    public CompletableFuture<Void> deleteSession(TmdbSession session) {
        return Async.start(() -> client.api.deleteSession(InvalidInputException.require(session, "session")
                .sessionId()).executeAsync(client.pipeline));
    }

    /**
     * @param redirectTo where TMDb sends the user after approval
     * @return a future of a v4 request token (15 minutes, single use); needs the read access token
     * @see TmdbAuth#createV4RequestToken
     */
    public CompletableFuture<V4RequestToken> createV4RequestToken(URI redirectTo) {
        return Async.start(() -> client.api.createV4RequestToken(redirectTo == null ? null : redirectTo.toString())
                .executeAsync(client.pipeline));
    }

    /**
     * @param approved a request token the user approved
     * @return a future of the user's v4 access token, from a request token the user approved
     * @see TmdbAuth#createAccessToken
     */
    public CompletableFuture<V4AccessToken> createAccessToken(V4RequestToken approved) {
        return Async.start(() -> client.api.createAccessToken(approved).executeAsync(client.pipeline));
    }

    /**
     * @param token the user's v4 access token to revoke, sent in the body of {@code DELETE /4/auth/access_token} (the
     *     call itself is authorized by the client's read access token)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see TmdbAuth#deleteAccessToken
     */
    public CompletableFuture<Void> deleteAccessToken(V4AccessToken token) {
        return Async.start(() -> client.api.deleteAccessToken(token).executeAsync(client.pipeline));
    }
}
