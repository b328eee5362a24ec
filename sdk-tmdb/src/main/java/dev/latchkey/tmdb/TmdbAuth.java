package dev.latchkey.tmdb;

import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import java.net.URI;

/**
 * TMDb's authentication calls. None of the token, validation or session creation calls is ever retried. Failures are
 * typed by TMDb's code: 30 bad login ({@code InvalidCredentialsException}), 33 expired or used token
 * ({@code InvalidCodeException}), 17 unapproved token ({@code UnauthorizedException}), 7 bad key
 * ({@link InvalidApiKeyException}).
 */
public final class TmdbAuth {
    private final TmdbClient client;

    TmdbAuth(TmdbClient client) {
        this.client = client;
    }

    /** Checks the API key or read access token ({@code GET /3/authentication}). */
    public void validateApiKey() {
        client.api.validateKey().execute(client.pipeline);
    }

    /** @return a new request token, valid 60 minutes, for the user to approve ({@link RequestToken#approvalUrl}) */
    public RequestToken createRequestToken() {
        return client.api.createRequestToken().execute(client.pipeline);
    }

    /**
     * Approves a request token with the user's name and password. TMDb discourages this: prefer the user approving
     * it on TMDb's website.
     *
     * @param token the request token to approve (from {@link #createRequestToken()}), sent with the user's name and
     *     password to {@code POST /3/authentication/token/validate_with_login}
     * @param username the user name
     * @param password the password
     * @return the same token, now approved
     */
    public RequestToken validateWithLogin(RequestToken token, String username, String password) {
        InvalidInputException.require(token, "token");
        Credentials c = Credentials.of(username, password);
        return client.api.validateWithLogin(token, c.username(), c.password()).execute(client.pipeline);
    }

    /**
     * @param approved a request token the user approved
     * @return a session, from a request token the user approved
     */
    public TmdbSession createSession(RequestToken approved) {
        return client.api.createSession(approved).execute(client.pipeline);
    }

    /**
     * A session from the token a web callback delivers ({@code ?request_token=...&approved=true} on the page TMDb sent
     * the user back to), when the {@link RequestToken} record is no longer at hand.
     *
     * @param approvedToken the request token's value, approved by the user
     * @return a session
     * @throws InvalidInputException if it is blank
     */
    public TmdbSession createSession(String approvedToken) {
        return client.api.createSession(approvedToken).execute(client.pipeline);
    }

    /**
     * The whole password flow in one call (as asynctmdb does it): request token, validate with login, session.
     * Discouraged by TMDb but supported.
     *
     * @param username the user name
     * @param password the password
     * @return the session
     */
    public TmdbSession login(String username, String password) {
        Credentials c = Credentials.of(username, password);
        RequestToken token = createRequestToken();
        client.api.validateWithLogin(token, c.username(), c.password()).execute(client.pipeline);
        return createSession(token);
    }

    /**
     * @return a new guest session (saved in the session store): it may rate movies and shows; TMDb deletes it if
     *     it is not used within 24 hours
     */
    public GuestSession createGuestSession() {
        return client.saveGuest(client.api.createGuestSession().execute(client.pipeline));
    }

    /**
     * @param accessToken a v4 access token
     * @return a v3 session from a v4 user access token
     */
    public TmdbSession convertV4(V4AccessToken accessToken) {
        return client.api.convertV4(accessToken).execute(client.pipeline);
    }

    /**
     * Ends a v3 session on TMDb ({@code DELETE /3/authentication/session}).
     *
     * @param session the session to end
     */
    public void deleteSession(TmdbSession session) {
        client.api.deleteSession(InvalidInputException.require(session, "session").sessionId())
                .execute(client.pipeline);
    }

    /**
     * @param redirectTo where TMDb sends the user after approval
     * @return a v4 request token (15 minutes, single use); needs the read access token
     */
    public V4RequestToken createV4RequestToken(URI redirectTo) {
        return client.api.createV4RequestToken(redirectTo == null ? null : redirectTo.toString())
                .execute(client.pipeline);
    }

    /**
     * @param approved a request token the user approved
     * @return the user's v4 access token, from a request token the user approved
     */
    public V4AccessToken createAccessToken(V4RequestToken approved) {
        return client.api.createAccessToken(approved).execute(client.pipeline);
    }

    /**
     * Revokes a v4 access token.
     *
     * @param token the user's v4 access token to revoke, sent in the body of {@code DELETE /4/auth/access_token} (the
     *     call itself is authorized by the client's read access token)
     */
    public void deleteAccessToken(V4AccessToken token) {
        client.api.deleteAccessToken(token).execute(client.pipeline);
    }
}
