package dev.latchkey.kemono;

import dev.latchkey.core.Async;
import dev.latchkey.core.ClientBuilder;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Cookies;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.kemono.internal.KemonoApi;
import dev.latchkey.kemono.internal.KemonoErrors;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import dev.latchkey.kemono.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A client of Kemono's account API ({@code kemono.cr} by default; {@code coomer.st} and mirrors by base URL).
 *
 * <pre>{@code
 * try (KemonoClient kemono = KemonoClient.builder().build()) {
 *     KemonoAccount me = kemono.login("alice", password);
 *     List<FavoriteCreator> creators = me.favoriteCreators();
 *     Optional<Creator> c = kemono.creator(Service.FANBOX, "49494721");   // empty on 404
 *     me.logout();
 * }
 * }</pre>
 *
 * Immutable and thread-safe; {@link #async()} gives the same calls without blocking. Every call sends
 * {@code Accept: text/css} (DDoS-Guard refuses JSON requests) and reads JSON whatever the content type says.
 */
public final class KemonoClient implements AutoCloseable {
    /** Kemono's API. */
    public static final String DEFAULT_BASE_URL = "https://kemono.cr/api";
    /** Coomer's API (the same software). */
    public static final String COOMER_BASE_URL = "https://coomer.st/api";

    static final ProviderSpec SPEC = new ProviderSpec("kemono", DEFAULT_BASE_URL, KemonoErrors.PROVIDER,
            Map.of("Accept", "text/css"), null);

    final HttpPipeline pipeline;
    final KemonoApi api;
    private final Map<String, String> cookies;
    private final boolean reloginOnExpiry;

    private KemonoClient(HttpPipeline pipeline, Map<String, String> cookies, boolean reloginOnExpiry) {
        this.pipeline = pipeline;
        this.cookies = Map.copyOf(cookies);
        this.reloginOnExpiry = reloginOnExpiry;
        this.api = new KemonoApi(this.cookies, pipeline.options().clock());
    }

    /** @return a builder: Kemono's public API, default options */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Logs in (pykemo's {@code Account.login}). Never retried. The session is saved in the session store.
     *
     * @param username the user name
     * @param password the password
     * @return the logged-in account
     * @throws dev.latchkey.core.error.InvalidCredentialsException if Kemono refused the name or password
     * @throws AlreadyLoggedInException if Kemono says this client is already logged in
     * @throws InvalidInputException if either is blank
     */
    public KemonoAccount login(String username, String password) {
        return login(Credentials.of(username, password));
    }

    /**
     * @param credentials the user name and password
     * @return the logged-in account
     * @see #login(String, String)
     */
    public KemonoAccount login(Credentials credentials) {
        InvalidInputException.require(credentials, "credentials");
        KemonoApi.Login login = api.login(credentials.username(), credentials.password()).execute(pipeline);
        return account(login, credentials);
    }

    /**
     * Resumes the session stored for this user, or logs in when there is none, with one login among everyone sharing
     * the session store: the threads of this process, the processes of a machine ({@link
     * SessionStore#file}), a fleet on Redis ({@code sdk-redis}). The others wait for that login
     * and use its session. With {@link Builder#reloginOnExpiry}, a session Kemono ends later is renewed the same way.
     *
     * @param username the user name
     * @param password the password, used only if a login is needed
     * @return the account
     * @throws dev.latchkey.core.error.InvalidCredentialsException if a login was needed and Kemono refused it
     * @throws InvalidInputException if either is blank
     */
    public KemonoAccount resumeOrLogin(String username, String password) {
        return resumeOrLogin(Credentials.of(username, password));
    }

    /**
     * @param credentials the user name and password
     * @return the account, logged in
     * @see #resumeOrLogin(String, String)
     */
    public KemonoAccount resumeOrLogin(Credentials credentials) {
        Credentials c = InvalidInputException.require(credentials, "credentials");
        String key = storeKey(c.username());
        Session s = pipeline.sessionStore().renew(key, null,
                () -> api.login(c.username(), c.password()).execute(pipeline).session());
        return resumed(key, s, c);
    }

    /**
     * Registers an account, then logs in to it (pykemo's {@code Account.register}). When Kemono's answer sets the new
     * account's session (Kemono2 logs it in as it registers it), that session is used; otherwise one login follows.
     * Either way Kemono counts one login attempt of the account's 10 in 5 minutes.
     *
     * @param username the user name
     * @param password the password
     * @return the new, logged-in account
     * @throws dev.latchkey.core.error.ValidationException if Kemono refused the name or password
     *     ({@code failedRules()} says which, when Kemono did)
     * @throws dev.latchkey.core.error.ConflictException if the name is taken
     */
    public KemonoAccount register(String username, String password) {
        Credentials credentials = Credentials.of(username, password);
        Optional<String> session = api.register(credentials.username(), credentials.password()).execute(pipeline);
        KemonoApi.Login login = session.isPresent()
                ? api.sessionCookie(session.get(), credentials.username()).execute(pipeline)
                : api.login(credentials.username(), credentials.password()).execute(pipeline);
        return account(login, credentials);
    }

    /**
     * Resumes a session saved by an earlier login, without a call. Its validity shows on first use
     * ({@link dev.latchkey.core.error.UnauthorizedException} if Kemono ended it).
     *
     * @param username the user name it was saved under
     * @return the account, or empty if the store holds no session for it
     */
    public Optional<KemonoAccount> resume(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is blank");
        }
        String key = storeKey(username);
        return pipeline.sessionStore().load(key).map(s -> new KemonoAccount(this,
                new SessionHolder(key, pipeline.sessionStore(), s, null), KemonoApi.infoOf(key, s)));
    }

    /**
     * Uses a session cookie taken elsewhere (a browser export; pykemo's {@code with_token}). One call
     * ({@code GET /v1/account}) checks it and learns who it belongs to; the session is then saved.
     *
     * @param sessionCookie the value of the {@code session} cookie
     * @return the account
     * @throws dev.latchkey.core.error.UnauthorizedException if Kemono does not accept the cookie
     */
    public KemonoAccount withSessionCookie(String sessionCookie) {
        return account(api.sessionCookie(Secret.of(sessionCookie).reveal(), null).execute(pipeline), null);
    }

    /**
     * @param service the creator's service
     * @param creatorId the creator's id on it
     * @return the creator's profile, or empty if Kemono has none (404)
     */
    public Optional<Creator> creator(Service service, String creatorId) {
        return api.creator(null, service, creatorId).executeOptional(pipeline);
    }

    /** @return where a random creator is, or empty if Kemono has none */
    public Optional<RandomCreator> randomCreator() {
        return api.randomCreator(null).executeOptional(pipeline);
    }

    /** @return where a random post is, or empty if Kemono has none */
    public Optional<RandomPost> randomPost() {
        return api.randomPost(null).executeOptional(pipeline);
    }

    /**
     * A random creator's profile, as pykemo's {@code random_creator()} returns it: {@link #randomCreator()}, then
     * {@link #creator} (two calls).
     *
     * @return the creator, or empty if Kemono has none, or the one picked is gone
     */
    public Optional<Creator> fetchRandomCreator() {
        return randomCreator().flatMap(where -> creator(where.service(), where.creatorId()));
    }

    /**
     * A random post, as pykemo's {@code random_post()} returns it: {@link #randomPost()}, then {@link #post(RandomPost)}
     * (two calls).
     *
     * @return the post, or empty if Kemono has none, or the one picked is gone
     */
    public Optional<Post> fetchRandomPost() {
        return randomPost().flatMap(this::post);
    }

    /**
     * @param service the service
     * @param creatorId the creator's id
     * @param postId the post's id
     * @return the post, or empty if it does not exist
     */
    public Optional<Post> post(Service service, String creatorId, String postId) {
        return api.post(null, service, creatorId, postId).executeOptional(pipeline);
    }

    /**
     * @param where the post a random pick pointed to
     * @return the post a {@link #randomPost()} pointed at, or empty if it is gone
     */
    public Optional<Post> post(RandomPost where) {
        InvalidInputException.require(where, "where");
        return post(where.service(), where.creatorId(), where.postId());
    }

    /**
     * This client with per-call options: a timeout, retries, extra headers, an idempotency key. Everything else is
     * shared (connections, options, session store, rate budget); accounts it logs in or resumes make their calls with
     * the options too, and closing it closes nothing.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this client for calls with those options
     */
    public KemonoClient withRequestOptions(RequestOptions options) {
        return on(pipeline.withRequestOptions(InvalidInputException.require(options, "options")));
    }

    /**
     * Makes calls and returns their value with the HTTP answer it came from (status, headers, request id), as
     * Retrofit's {@code Response<T>} gives it: {@code kemono.withResponse(c -> c.creator(Service.FANBOX, "49494721"))}.
     *
     * @param call makes the calls on the client it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     */
    public <T> WithResponse<T> withResponse(Function<KemonoClient, T> call) {
        InvalidInputException.require(call, "call");
        return pipeline.withResponse(p -> call.apply(on(p)));
    }

    /** @return this client on another pipeline (a view of this one's) */
    KemonoClient on(HttpPipeline p) {
        return new KemonoClient(p, cookies, reloginOnExpiry);
    }

    /** @return the same calls, returning {@code CompletableFuture}s; they never block a thread */
    public KemonoClientAsync async() {
        return new KemonoClientAsync(this);
    }

    /**
     * The escape hatch for endpoints this module does not model yet, with the client's retries, errors and
     * redaction (no session: use {@link KemonoAccount#request} for that).
     *
     * @param method the HTTP method
     * @param path the path below the base URL, for example {@code /v1/creators}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @param <T> the answer
     * @return the answer
     */
    public <T> T request(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        // The extra cookies (DDoS-Guard's) go with this call too, as with every other Kemono call.
        return api.raw(null, method, path, query, body, type).execute(pipeline);
    }

    /**
     * @param change changes to this client's options
     * @return a client with them, sharing this one's connection pool; closing it releases nothing
     */
    public KemonoClient withOptions(Consumer<ClientOptions.Builder> change) {
        InvalidInputException.require(change, "change");
        ClientOptions.Builder b = pipeline.options().toBuilder();
        change.accept(b);
        return new KemonoClient(pipeline.withOptions(b.build()), cookies, reloginOnExpiry);
    }

    /**
     * @return where calls go now: the configured base URL, or the mirror the site moved to (Kemono's and Coomer's
     *     other domains are mirrors by default; {@code options(b -> b.mirrors(...))} gives others)
     */
    public HttpUrl currentBaseUrl() {
        return pipeline.currentBaseUrl();
    }

    /** @return the base URL it was built with (where its sessions are stored, whichever mirror serves now) */
    public HttpUrl baseUrl() {
        return pipeline.baseUrl();
    }

    /** Releases the connection pool and threads this client created; a caller's OkHttp client is left alone. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "KemonoClient{" + pipeline.baseUrl() + '}';
    }

    // --- shared with the async view and the account ------------------------------------------------------------

    String storeKey(String username) {
        return pipeline.storeKey(username);
    }

    KemonoAccount account(KemonoApi.Login login, Credentials credentials) {
        String key = storeKey(login.info().username());
        SessionHolder holder = holder(key, login.session(), credentials);
        holder.replace(login.session());
        return new KemonoAccount(this, holder, login.info());
    }

    /** An account on a session another login (this process's or a sharer's) stored. */
    KemonoAccount resumed(String key, Session session, Credentials credentials) {
        return new KemonoAccount(this, holder(key, session, credentials), KemonoApi.infoOf(key, session));
    }

    private SessionHolder holder(String key, Session session, Credentials credentials) {
        boolean relogin = reloginOnExpiry && credentials != null;
        return new SessionHolder(key, pipeline.sessionStore(), session,
                relogin ? () -> api.login(credentials.username(), credentials.password()).execute(pipeline).session()
                        : null,
                relogin ? () -> loginAsync(credentials) : null);
    }

    CompletableFuture<Session> loginAsync(Credentials credentials) {
        return Async.map(api.login(credentials.username(), credentials.password()).executeAsync(pipeline),
                KemonoApi.Login::session);
    }

    /** Builds a {@link KemonoClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final java.util.List<dev.latchkey.core.auth.Cookie> browserCookies = new java.util.ArrayList<>();
        private boolean reloginOnExpiry;

        private Builder() {
        }

        /**
         * Adds a cookie sent with every call, beside the session: DDoS-Guard's {@code __ddg*} cookies from a browser
         * when the site insists on a challenge. Treated as a secret.
         *
         * @param name the cookie name
         * @param value the value
         * @return this builder
         */
        public Builder cookie(String name, String value) {
            cookies.put(Cookies.checkName(name), Cookies.checkValue(name, value));
            return this;
        }

        /**
         * Sends a browser's cookies with every call: those for the client's host and its parent domains, unexpired
         * (judged when the client is built, by its clock), DDoS-Guard's {@code __ddg*} among them, as gallery-dl's
         * {@code --cookies cookies.txt} does. A {@code session} cookie among them is left out: resume a browser's login
         * with {@link KemonoClient#withSessionCookie}. Secrets, like every cookie.
         *
         * <pre>{@code
         * KemonoClient kemono = KemonoClient.builder()
         *         .cookies(Cookies.fromNetscape(Path.of("cookies.txt")))
         *         .build();
         * }</pre>
         *
         * @param cookies cookies, as {@link Cookies#fromNetscape(java.nio.file.Path)} reads a browser's export
         * @return this builder
         */
        public Builder cookies(java.util.Collection<dev.latchkey.core.auth.Cookie> cookies) {
            cookies.forEach(c -> browserCookies.add(java.util.Objects.requireNonNull(c, "cookie")));
            return this;
        }

        /**
         * Keeps the password of a {@link KemonoClient#login} in memory so that a session Kemono rejects is renewed by
         * one automatic re-login (never a loop). Off by default.
         *
         * @param relogin whether a rejected session is renewed by one re-login with the kept password
         * @return this builder
         */
        public Builder reloginOnExpiry(boolean relogin) {
            this.reloginOnExpiry = relogin;
            return this;
        }

        /** @return the client */
        public KemonoClient build() {
            ClientOptions options = clientOptions();
            if (options.mirrors().isEmpty()) {
                // On one of Kemono's or Coomer's domains: the others are where the site may have moved.
                HttpUrl base = options.baseUrl().orElse(HttpUrl.get(DEFAULT_BASE_URL));
                List<String> mirrors = dev.latchkey.kemono.internal.KemonoSites.mirrorsOf(base);
                if (!mirrors.isEmpty()) {
                    options = options.toBuilder().mirrors(mirrors.toArray(String[]::new)).build();
                }
            }
            HttpPipeline pipeline = HttpPipeline.create(options, SPEC);
            Map<String, String> sent = new LinkedHashMap<>(Cookies.forHost(browserCookies, pipeline.baseUrl().host(),
                    pipeline.options().clock().instant()));
            sent.remove(KemonoApi.SESSION_COOKIE); // the session travels as the account's, never twice
            sent.putAll(cookies);
            return new KemonoClient(pipeline, sent, reloginOnExpiry);
        }
    }
}
