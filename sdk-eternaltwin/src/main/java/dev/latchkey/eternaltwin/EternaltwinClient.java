package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.core.ClientBuilder;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.AuthorizationDeniedException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.Pkce;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.eternaltwin.internal.EternaltwinApi;
import dev.latchkey.eternaltwin.internal.EternaltwinErrors;
import dev.latchkey.eternaltwin.model.User;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A client of Eternaltwin: the OAuth 2 login of a registered client (authorization code, signed single-use state,
 * PKCE), the logged-in user, and the public users API (by id, search, count).
 *
 * <pre>{@code
 * try (EternaltwinClient etwin = EternaltwinClient.builder()
 *         .clientId("myapp@clients").clientSecret(secret)
 *         .redirectUri("https://myapp.example/oauth/callback").stateKey(key).build()) {
 *     Authorization start = etwin.startAuthorization();        // keep start.state() in the user's session
 *     // ... the browser goes to start.url() and comes back with ?code=...&state=...
 *     EternaltwinAccount me = etwin.fromAuthorizationCode(code, callbackState, start.state());
 *     Optional<User> demurgos = etwin.user("9f310484-963b-446b-af69-797feec6813f");   // empty on 404
 *     long users = etwin.count("user");
 * }
 * }</pre>
 *
 * Immutable and thread-safe; {@link #async()} gives the same calls without blocking. The client secret, codes, states,
 * PKCE verifiers and access tokens never appear in logs, messages or {@code toString()}. Several configured clients by
 * name (eternaltwin-py's {@code using}) are {@link EternaltwinConnections}.
 */
public final class EternaltwinClient implements AutoCloseable {
    /** Eternaltwin's production origin. */
    public static final String DEFAULT_BASE_URL = "https://eternaltwin.org";
    /** How long a state stays valid unless said otherwise: eternaltwin-py's 600 s. */
    public static final Duration DEFAULT_STATE_LIFETIME = Duration.ofMinutes(10);
    /** The longest state lifetime accepted: a state is for one interactive login. */
    public static final Duration LONGEST_STATE_LIFETIME = Duration.ofDays(1);
    /** The page size of a search unless said otherwise: eternaltwin-py's 20. */
    public static final int DEFAULT_LIMIT = 20;

    static final ProviderSpec SPEC = new ProviderSpec("eternaltwin", DEFAULT_BASE_URL, EternaltwinErrors.PROVIDER,
            Map.of("Accept", "application/json"), null);
    final HttpPipeline pipeline;
    final EternaltwinApi api;
    /** The code flow; {@code null} on a client that only reads users. */
    private final OAuthFlow oauth;

    private EternaltwinClient(HttpPipeline pipeline, OAuthFlow oauth) {
        this.pipeline = pipeline;
        this.api = new EternaltwinApi(pipeline.options().clock());
        this.oauth = oauth == null ? null : oauth.on(pipeline.baseUrl(), pipeline.sessionStore());
    }

    /** @return a builder: Eternaltwin's production origin, default options, no OAuth client */
    public static Builder builder() {
        return new Builder();
    }

    // --- the login -----------------------------------------------------------------------------------------------

    /** @return {@link #startAuthorization(Duration, String)} with a 10-minute state and a random nonce */
    public Authorization startAuthorization() {
        return startAuthorization(DEFAULT_STATE_LIFETIME, null);
    }

    /**
     * Starts a login (eternaltwin-py's {@code start_authorization}): a new signed state and the authorization URL with
     * the six parameters Eternaltwin's own clients send ({@code response_type=code}, {@code access_type=offline},
     * {@code client_id}, {@code scope=base}, {@code state}, {@code redirect_uri}) and a PKCE S256 challenge. No call is
     * made.
     *
     * <p>The state is an HS256 JWT with eternaltwin-py's claims ({@code a}, {@code as}, {@code iat}, {@code rfp},
     * {@code exp}, {@code nonce}); {@code rfp} holds 256 random bits. It is accepted once, by a client with the same
     * state key and origin.
     *
     * @param expiration how long the state is accepted, up to a day
     * @param nonce a value making the state unique, or {@code null} for 256 random bits; a state with a nonce already
     *     redeemed is refused as used
     * @return the state to keep and the URL to send the browser to
     * @throws InvalidInputException if the client has no OAuth settings, or the arguments are out of range
     */
    public Authorization startAuthorization(Duration expiration, String nonce) {
        return requireOAuth().start(pipeline.baseUrl(), expiration, nonce);
    }

    /**
     * Finishes a login (eternaltwin-py's {@code from_authorization_code}): checks the state first (nothing is sent for
     * a bad one), redeems the code once (never retried), then asks who the token is. The token is saved in the
     * session store under the user's id.
     *
     * @param code the {@code code} of the redirect
     * @param callbackState the {@code state} of the redirect
     * @param expectedState the state {@link #startAuthorization} gave for this user's login: required, since a
     *     signed state alone does not prove it was this browser that started the login (login CSRF)
     * @return the logged-in account
     * @throws InvalidStateException if the state is not the expected one, is forged, altered, expired, already used,
     *     or was issued for another server or client
     * @throws dev.latchkey.core.error.InvalidCodeException if the code expired: start the login again
     * @throws dev.latchkey.core.error.ServerException if the token endpoint answered a bare 500: Eternaltwin's answer
     *     to a wrong client id or secret, and to a malformed or another client's code (the message says so)
     */
    public EternaltwinAccount fromAuthorizationCode(String code, String callbackState, String expectedState) {
        Pkce pkce = acceptState(code, callbackState, expectedState);
        return account(api.self(redeem(code, pkce), oauth.clientId()).execute(pipeline));
    }

    /**
     * Finishes a login from the redirect's parameters (a {@link dev.latchkey.core.oauth.LoopbackRedirectReceiver}'s,
     * or a web framework's): the state is checked first, then a refusal is reported, then the code is redeemed.
     *
     * @param callback the redirect's query parameters
     * @param expectedState the state {@link #startAuthorization} gave for this login
     * @return the logged-in account
     * @throws AuthorizationDeniedException if the user or the server refused (after the state was checked)
     * @see #fromAuthorizationCode
     */
    public EternaltwinAccount fromCallback(AuthorizationCallback callback, String expectedState) {
        String code = checkCallback(callback, expectedState);
        Pkce pkce = acceptState(code, callback.state().orElse(""), expectedState);
        return account(api.self(redeem(code, pkce), oauth.clientId()).execute(pipeline));
    }

    /**
     * Uses an access token obtained elsewhere (eternaltwin-py's {@code from_token}): one call
     * ({@code GET /api/v1/auth/self}) checks it and learns whose it is; it is then saved.
     *
     * @param accessToken an access token from an earlier code exchange
     * @return the account
     * @throws dev.latchkey.core.error.ServerException if Eternaltwin does not know the token: it answers a bare 500
     *     (the message says so, and to log in again)
     * @throws dev.latchkey.core.error.UnauthorizedException if it answers as to a guest
     */
    public EternaltwinAccount fromToken(String accessToken) {
        return account(api.self(tokenSession(accessToken)).execute(pipeline));
    }

    /**
     * Resumes a login saved earlier, without a call. Whether the token still works shows on first use
     * ({@link EternaltwinAccount#self()}).
     *
     * @param userId the user's id the session was saved under
     * @return the account, or empty if the store holds no session for it
     */
    public Optional<EternaltwinAccount> resume(String userId) {
        String key = storeKey(EternaltwinApi.requireId(userId));
        return pipeline.sessionStore().load(key).map(s -> new EternaltwinAccount(this,
                new SessionHolder(key, pipeline.sessionStore(), s, null), EternaltwinApi.userOf(key, s)));
    }

    // --- users ---------------------------------------------------------------------------------------------------

    /**
     * @param id the user's UUID
     * @return the user (eternaltwin-py's {@code get}), or empty if Eternaltwin has none (404)
     * @throws InvalidInputException if the id is not a UUID (no call is made)
     */
    public Optional<User> user(String id) {
        return api.user(id).executeOptional(pipeline);
    }

    /**
     * @param query the text to look for in display names, or {@code null} or empty for every user
     * @return {@link #search(String, int, int)} from the first match, {@value #DEFAULT_LIMIT} a page
     */
    public Page<User> search(String query) {
        return search(query, DEFAULT_LIMIT, 0);
    }

    /**
     * Users whose display name contains the query (eternaltwin-py's {@code search}). The page fetches the next ones
     * on demand ({@link Page#autoPager()}), never past the total the first page reported.
     *
     * @param query the text to look for, or {@code null} or empty for every user
     * @param limit the page size, 1 or more
     * @param offset how many matches to skip
     * @return the first page
     * @throws SearchNotSupportedException if the server has no search (every readable server version up to 2021-11)
     */
    public Page<User> search(String query, int limit, int offset) {
        return OffsetPages.fetch(pipeline, (l, o) -> api.search(query, l, o), limit, offset);
    }

    /**
     * @param query the text to look for, or {@code null} or empty for every user
     * @return how many users match (eternaltwin-py's {@code count}), in one call
     * @throws SearchNotSupportedException if the server has no search (every readable server version up to 2021-11)
     */
    public long count(String query) {
        return api.count(query).execute(pipeline);
    }

    /** @return how many users Eternaltwin has */
    public long count() {
        return count(null);
    }

    // --- the rest ------------------------------------------------------------------------------------------------

    /**
     * This client with per-call options: a timeout, retries, extra headers, an idempotency key. Everything else is
     * shared (connections, options, session store, rate budget); accounts it logs in or resumes make their calls with
     * the options too, and closing it closes nothing.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this client for calls with those options
     */
    public EternaltwinClient withRequestOptions(RequestOptions options) {
        return on(pipeline.withRequestOptions(InvalidInputException.require(options, "options")));
    }

    /**
     * Makes calls and returns their value with the HTTP answer it came from (status, headers, request id), as
     * Retrofit's {@code Response<T>} gives it: {@code etwin.withResponse(c -> c.count("user"))}.
     *
     * @param call makes the calls on the client it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     */
    public <T> WithResponse<T> withResponse(Function<EternaltwinClient, T> call) {
        InvalidInputException.require(call, "call");
        return pipeline.withResponse(p -> call.apply(on(p)));
    }

    /** @return this client on another pipeline (a view of this one's) */
    EternaltwinClient on(HttpPipeline p) {
        return new EternaltwinClient(p, oauth);
    }

    /** @return the same calls, returning {@code CompletableFuture}s; they never block a thread */
    public EternaltwinClientAsync async() {
        return new EternaltwinClientAsync(this);
    }

    /**
     * The escape hatch for endpoints this module does not model, with the client's retries, errors and redaction
     * (without a token: use {@link EternaltwinAccount#request} for that).
     *
     * @param method the HTTP method
     * @param path the path below the origin, for example {@code /api/v1/archive/...}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @param <T> the answer
     * @return the answer
     */
    public <T> T request(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        return api.raw(null, method, path, query, body, type).execute(pipeline);
    }

    /**
     * @param change changes to this client's options
     * @return a client with them, sharing this one's connection pool and state key; closing it releases nothing
     */
    public EternaltwinClient withOptions(Consumer<ClientOptions.Builder> change) {
        InvalidInputException.require(change, "change");
        ClientOptions.Builder b = pipeline.options().toBuilder();
        change.accept(b);
        return new EternaltwinClient(pipeline.withOptions(b.build()), oauth);
    }

    /** @return the origin in use */
    public HttpUrl baseUrl() {
        return pipeline.baseUrl();
    }

    /** @return the OAuth client id, if this client has OAuth settings */
    public Optional<String> clientId() {
        return Optional.ofNullable(oauth).map(OAuthFlow::clientId);
    }

    /** Releases the connection pool and threads this client created; a caller's OkHttp client is left alone. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "EternaltwinClient{" + pipeline.baseUrl() + (oauth == null ? "" : ", clientId=" + oauth.clientId())
                + '}';
    }

    // --- shared with the async view and the account --------------------------------------------------------------

    String storeKey(String userId) {
        return pipeline.storeKey(userId);
    }

    EternaltwinAccount account(EternaltwinApi.Grant grant) {
        String key = storeKey(grant.user().id());
        SessionHolder holder = new SessionHolder(key, pipeline.sessionStore(), grant.session(), null);
        holder.replace(grant.session());
        return new EternaltwinAccount(this, holder, grant.user());
    }

    OAuthFlow requireOAuth() {
        if (oauth == null) {
            throw new InvalidInputException("this client has no OAuth settings: set clientId, clientSecret and "
                    + "redirectUri on EternaltwinClient.builder()");
        }
        return oauth;
    }

    Pkce acceptState(String code, String callbackState, String expectedState) {
        return requireOAuth().acceptState(code, callbackState, expectedState);
    }

    String checkCallback(AuthorizationCallback callback, String expectedState) {
        return requireOAuth().checkCallback(callback, expectedState);
    }

    /** The code exchange, once; the session it gives holds only the token until {@code self} names its user. */
    Session redeem(String code, Pkce pkce) {
        return requireOAuth().exchange(api, code, pkce).execute(pipeline);
    }

    static Session tokenSession(String accessToken) {
        String token = Secret.of(accessToken).reveal();
        if (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("access token must be printable ASCII without spaces");
        }
        return Session.builder("eternaltwin").token(EternaltwinApi.TOKEN, token).build();
    }

    /** Builds an {@link EternaltwinClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private String clientId;
        private Secret clientSecret;
        private String redirectUri;
        private byte[] stateKey;

        private Builder() {
        }

        /**
         * @param clientId the registered client: its key {@code <name>@clients} (stable, recommended) or its UUID
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * @param clientSecret the client's secret (kept as a {@link Secret})
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret == null ? null : Secret.of(clientSecret);
            return this;
        }

        /**
         * @param clientSecret the client's secret
         * @return this builder
         */
        public Builder clientSecret(Secret clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param redirectUri the callback registered with Eternaltwin, exactly (absolute, no fragment); it is never
         *     taken from a request
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * @param key the HMAC key states are signed with, at least 32 bytes. Give every worker and every restart the
         *     same key so that a login started on one finishes on another; without it a random key is drawn, and
         *     only this client can finish the logins it starts
         * @return this builder
         */
        public Builder stateKey(byte[] key) {
            this.stateKey = key == null ? null : key.clone();
            return this;
        }

        /**
         * @return the client
         * @throws InvalidInputException if the OAuth settings are partly given or malformed (client id, secret and
         *     redirect URI go together), or the state key is shorter than 32 bytes
         */
        public EternaltwinClient build() {
            ClientOptions options = clientOptions();
            return new EternaltwinClient(HttpPipeline.create(options, SPEC), OAuthFlow.of(clientId, clientSecret,
                    redirectUri, stateKey, options.clock()));
        }
    }
}
