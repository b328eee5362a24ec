package dev.latchkey.tmdb;

import dev.latchkey.core.ClientBuilder;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.tmdb.internal.TmdbApi;
import dev.latchkey.tmdb.internal.TmdbErrors;
import dev.latchkey.tmdb.model.AccountDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A client of TMDb's authentication and account APIs (v3, and v4 authentication).
 *
 * <pre>{@code
 * try (TmdbClient tmdb = TmdbClient.builder().apiKey(key).build()) {   // or .readAccessToken(v4Token)
 *     RequestToken token = tmdb.auth().createRequestToken();
 *     URI approve = token.approvalUrl(redirectTo);                      // the user approves on TMDb's site
 *     TmdbAccount me = tmdb.account(tmdb.auth().createSession(token));
 *     me.favoriteMovies().stream().limit(100).forEach(...);             // auto-paged, lazy
 *     me.rateMovie(550, 8.5);
 * }
 * }</pre>
 *
 * The API key, read access token, request tokens and session ids travel as query parameters or headers; they are
 * redacted from logs and never appear in messages or {@code toString()}.
 */
public final class TmdbClient implements AutoCloseable {
    /** TMDb's API root; paths start with {@code /3} and {@code /4}. */
    public static final String DEFAULT_BASE_URL = "https://api.themoviedb.org";

    static final ProviderSpec SPEC = new ProviderSpec("tmdb", DEFAULT_BASE_URL, TmdbErrors.PROVIDER,
            Map.of("Accept", "application/json"), null)
            // TMDb's credentials travel in the query: masked by name wherever a caller puts them (the escape hatch).
            .withSecretQueryNames("api_key", "session_id", "guest_session_id", "request_token");

    final HttpPipeline pipeline;
    final TmdbApi api;

    private TmdbClient(HttpPipeline pipeline, TmdbApi api) {
        this.pipeline = pipeline;
        this.api = api;
    }

    /** @return a builder: TMDb's public API, default options; an API key or read access token is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the authentication calls: request tokens, sessions, guest sessions, v4 tokens */
    public TmdbAuth auth() {
        return new TmdbAuth(this);
    }

    /**
     * The account a session belongs to: one call ({@code GET /3/account}) learns its id; the session is then saved in
     * the session store under the user name.
     *
     * @param session a session from {@link TmdbAuth#createSession} or {@link TmdbAuth#login}
     * @return the account
     * @throws dev.latchkey.core.error.UnauthorizedException if TMDb does not accept the session
     */
    public TmdbAccount account(TmdbSession session) {
        AccountDetails details = api.accountDetails(InvalidInputException.require(session, "session").sessionId(), null)
                .execute(pipeline);
        return account(session, details);
    }

    /**
     * The account's session, with one login among everyone sharing the session store (the threads of a process, the
     * processes of a machine, a fleet on Redis): if the store holds a session for the user, it is used and nothing is
     * sent; otherwise one worker logs in with the password flow ({@link TmdbAuth#login}) and the others take its
     * session. N workers starting at once with a wrong password make one attempt, not N (the refusal is not
     * remembered after: a worker starting later tries again).
     *
     * @param username the user name (the session is stored under it)
     * @param password the password, used only if a login is needed
     * @return the account
     * @throws dev.latchkey.core.error.InvalidCredentialsException if a login was needed and TMDb refused it
     * @throws InvalidInputException if either is blank
     */
    public TmdbAccount resumeOrLogin(String username, String password) {
        dev.latchkey.core.auth.Credentials c = dev.latchkey.core.auth.Credentials.of(username, password);
        String key = storeKey(c.username());
        Session s = store().renew(key, null, () -> {
            TmdbSession session = auth().login(c.username(), c.password().reveal());
            return sessionOf(session, api.accountDetails(session.sessionId(), null).execute(pipeline), c.username());
        });
        return new TmdbAccount(this, new SessionHolder(key, store(), s, null));
    }

    /**
     * @param username the user name an earlier {@link #account} saved the session under
     * @return the account, without a call, or empty if the store has no session for it
     */
    public Optional<TmdbAccount> resume(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is blank");
        }
        String key = storeKey(username);
        return store().load(key).map(s -> SessionStoreException.readBack(key, "TMDb",
                () -> new TmdbAccount(this, new SessionHolder(key, store(), s, null))));
    }

    /** @return the guest session saved by the last {@link TmdbAuth#createGuestSession()}, if any */
    public Optional<GuestSession> resumeGuest() {
        String key = storeKey(GuestSession.STORE_NAME);
        return store().load(key).map(s -> SessionStoreException.readBack(key, "TMDb",
                () -> new GuestSession(this, s.token(GuestSession.TOKEN).orElseThrow(), s.expiresAt().orElse(null))));
    }

    /**
     * @param guestSessionId the guest session id createGuestSession returned
     * @param expiresAt when the session stops working, or {@code null} for unknown
     * @return a guest session known by its id (from elsewhere)
     */
    public GuestSession guest(String guestSessionId, Instant expiresAt) {
        if (guestSessionId == null || guestSessionId.isBlank()) {
            throw new InvalidInputException("guest session id is blank");
        }
        return new GuestSession(this, guestSessionId, expiresAt);
    }

    /**
     * This client with per-call options: a timeout, retries, extra headers, an idempotency key. Everything else is
     * shared (connections, options, session store, rate budget); accounts it logs in or resumes make their calls with
     * the options too, and closing it closes nothing.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this client for calls with those options
     */
    public TmdbClient withRequestOptions(RequestOptions options) {
        return on(pipeline.withRequestOptions(InvalidInputException.require(options, "options")));
    }

    /**
     * Makes calls and returns their value with the HTTP answer it came from (status, headers, request id), as
     * Retrofit's {@code Response<T>} gives it: {@code tmdb.withResponse(c -> c.auth().createRequestToken())}.
     *
     * @param call makes the calls on the client it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     */
    public <T> WithResponse<T> withResponse(Function<TmdbClient, T> call) {
        InvalidInputException.require(call, "call");
        return pipeline.withResponse(p -> call.apply(on(p)));
    }

    /** @return this client on another pipeline (a view of this one's) */
    TmdbClient on(HttpPipeline p) {
        return new TmdbClient(p, api);
    }

    /** @return the same calls, returning {@code CompletableFuture}s; they never block a thread */
    public TmdbClientAsync async() {
        return new TmdbClientAsync(this);
    }

    /**
     * The escape hatch for TMDb endpoints this module does not model: any path, with the application's credentials,
     * retries, errors and redaction.
     *
     * @param method the HTTP method
     * @param path for example {@code /3/movie/550}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @param <T> the answer
     * @return the answer
     */
    public <T> T request(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        return api.raw(method, path, query, body, type).execute(pipeline);
    }

    /**
     * @param change changes to this client's options
     * @return a client with changed options, sharing this one's connection pool; closing it releases nothing
     */
    public TmdbClient withOptions(Consumer<ClientOptions.Builder> change) {
        InvalidInputException.require(change, "change");
        ClientOptions.Builder b = pipeline.options().toBuilder();
        change.accept(b);
        return new TmdbClient(pipeline.withOptions(b.build()), api);
    }

    /** @return the base URL in use */
    public HttpUrl baseUrl() {
        return pipeline.baseUrl();
    }

    /** Releases what this client created; a caller's OkHttp client is left alone. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "TmdbClient{" + pipeline.baseUrl() + '}';
    }

    SessionStore store() {
        return pipeline.sessionStore();
    }

    String storeKey(String name) {
        return pipeline.storeKey(name);
    }

    TmdbAccount account(TmdbSession session, AccountDetails details) {
        String key = storeKey(details.username());
        Session s = sessionOf(session, details, details.username());
        SessionHolder holder = new SessionHolder(key, store(), s, null);
        holder.replace(s);
        return new TmdbAccount(this, holder);
    }

    /**
     * @param asked the user name logged in with: the account the session belongs to must be that one (a login
     *     answered for another user is refused, as every provider's is)
     * @return the session to store for an account
     */
    Session sessionOf(TmdbSession session, AccountDetails details, String asked) {
        if (!details.username().equalsIgnoreCase(asked)) {
            throw new dev.latchkey.core.error.InvalidResponseException("GET", "/3/account", 200, null,
                    "the session belongs to another account than the one that logged in", "username", null, null);
        }
        return Session.builder("tmdb").token(Session.SESSION_ID, session.sessionId())
                .attribute(TmdbAccount.ATTR_ID, String.valueOf(details.id()))
                .attribute(TmdbAccount.ATTR_USERNAME, details.username())
                .createdAt(pipeline.options().clock().instant()).build();
    }

    GuestSession saveGuest(TmdbApi.Guest g) {
        store().save(storeKey(GuestSession.STORE_NAME), Session.builder("tmdb").token(GuestSession.TOKEN, g.id())
                .expiresAt(g.expiresAt()).createdAt(pipeline.options().clock().instant()).build());
        return new GuestSession(this, g.id(), g.expiresAt());
    }

    /** Builds a {@link TmdbClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Secret apiKey;
        private Secret readAccessToken;

        private Builder() {
        }

        /**
         * @param apiKey the v3 API key, sent as {@code api_key} (redacted everywhere)
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Secret.of(apiKey);
            ApiRequest.checkHeaderValue("API key", apiKey);
            return this;
        }

        /**
         * @param token the API read access token (a JWT), sent as a bearer token; needed for v4 authentication
         * @return this builder
         */
        public Builder readAccessToken(String token) {
            this.readAccessToken = Secret.of(token);
            ApiRequest.checkHeaderValue("read access token", token);
            return this;
        }

        /**
         * @return the client
         * @throws InvalidInputException if neither an API key nor a read access token was given
         */
        public TmdbClient build() {
            TmdbApi api = new TmdbApi(apiKey, readAccessToken);
            return new TmdbClient(HttpPipeline.create(withoutVersion(clientOptions()), SPEC), api);
        }

        /**
         * asynctmdb's {@code api_base_url} ends in {@code /3} ({@code https://api.themoviedb.org/3}); ours is the root
         * that v3 and v4 paths hang from. Either form works: a last path segment {@code 3} is dropped.
         */
        static ClientOptions withoutVersion(ClientOptions options) {
            return options.baseUrl().filter(u -> {
                List<String> segments = u.pathSegments();
                String last = segments.get(segments.size() - 1);
                return last.equals("3") || last.isEmpty() && segments.size() > 1
                        && segments.get(segments.size() - 2).equals("3");
            }).map(u -> {
                HttpUrl.Builder b = u.newBuilder();
                int size = u.pathSegments().size();
                if (u.pathSegments().get(size - 1).isEmpty()) {
                    b.removePathSegment(size - 1);
                    size--;
                }
                return options.toBuilder().baseUrl(b.removePathSegment(size - 1).build().toString()).build();
            }).orElse(options);
        }
    }
}
