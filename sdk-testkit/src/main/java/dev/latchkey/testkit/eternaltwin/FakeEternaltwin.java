package dev.latchkey.testkit.eternaltwin;

import static dev.latchkey.testkit.eternaltwin.EtwinWire.error;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Admin;
import dev.latchkey.testkit.internal.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;
import okhttp3.HttpUrl;

/**
 * A stateful fake of Eternaltwin's OAuth 2 server and users API, following the server's own source
 * (eternaltwin/etwin @ 1241847, 2021-11, the newest readable server; v0.4.0 was run for real and agrees where noted),
 * not any client's code. Its README's provenance table cites each behaviour.
 *
 * <ul>
 *   <li>{@link #baseUrl()} is the origin {@code http://127.0.0.1:PORT}; paths are {@code /oauth/...} and
 *   {@code /api/v1/...}.</li>
 *   <li>Clients are registered with {@link #registerClient}; {@code client_id} is the client's UUID or its key
 *   {@code <key>@clients}; a {@code redirect_uri}, when sent, must equal the registered one.</li>
 *   <li>A browser's approval is {@link #authorize(String, String)}: given the authorization URL and a user, the
 *   callback URL with {@code code} and {@code state}. Over HTTP, {@code GET /oauth/authorize} needs the {@code sid}
 *   cookie of {@code PUT /api/v1/auth/self?method=Etwin}, else it redirects to {@code /login}.</li>
 *   <li>As on the server, every refusal but an expired code is a bare 500: a bad authorization request, a wrong
 *   client secret, a missing or malformed code, a code of another client; an expired code is 401
 *   {@code CodeExpiredError}. Codes are HS256 JWTs that expire after 10 minutes on the injected clock, checked
 *   statelessly: a used code is accepted again, and PKCE is not read.</li>
 *   <li>{@code /api/v1/auth/self} answers a guest (200) without credentials; an access token the server does not
 *   know makes every API call a bare 500.</li>
 *   <li>{@code GET /api/v1/users} (search, count) is 405 unless the builder models today's server
 *   ({@link Builder#asGitlabMaster2026()}).</li>
 * </ul>
 *
 * The route table below is the fake's index: {@link EtwinOAuthRoutes} answers the OAuth endpoints,
 * {@link EtwinUserRoutes} the users API, both on one {@link EtwinState}, in the wire format of {@link EtwinWire}.
 * Each request runs holding the state's monitor, so handlers take no locks of their own.
 */
public final class FakeEternaltwin extends FakeServer<FakeEternaltwin> {
    /** The seeded demo client's key. */
    public static final String DEMO_CLIENT = "latchkey_demo@clients";
    /** The seeded demo client's secret. */
    public static final String DEMO_CLIENT_SECRET = "dev_secret";
    /** The seeded demo client's callback, unless the builder says otherwise: a loopback receiver's. */
    public static final String DEMO_CALLBACK = "http://127.0.0.1:50321/oauth/callback";
    /** The seeded demo user. */
    public static final String DEMO_USER = "alice";
    /** The seeded demo user's password. */
    public static final String DEMO_PASSWORD = "alice-demo-pass";

    /** The rate limit counts requests per second of it. */
    private final java.time.Clock clock;
    private final boolean seeded;
    private final String demoCallback;
    private final AccountStore accounts;
    private final EtwinState state;
    private final EtwinOAuthRoutes oauth;
    private final Router router;
    private final EtwinUserRoutes users;
    private final Admin admin;

    private FakeEternaltwin(Builder b) {
        this.seeded = b.seeded();
        this.demoCallback = b.demoCallback;
        this.accounts = AccountStore.builder().passwordPolicy(PasswordPolicy.minLength(8)).clock(b.clock())
                .hashIterations(b.hashIterations()).build();
        this.state = new EtwinState(b.clock(), accounts);
        this.clock = b.clock();
        this.oauth = new EtwinOAuthRoutes(state, b.codeLifetime, b.tokenLifetime.toSeconds(), b.refreshTokens);
        EtwinUserRoutes users = new EtwinUserRoutes(state);
        this.router = new Router(r -> EtwinWire.plain(404, "Not Found"),
                r -> EtwinWire.plain(405, "Method Not Allowed"))
                .add("GET", "/oauth/authorize", oauth::authorize)
                .add("POST", "/oauth/token", oauth::token)
                .add("GET", "/api/v1/auth/self", users::self)
                .add("PUT", "/api/v1/auth/self", users::login)
                .add("GET", "/api/v1/users", b.userSearch ? users::search
                        // koa-router's allowedMethods: only POST / is routed (rest-server users.mts:69)
                        : (r, p) -> EtwinWire.plain(405, "Method Not Allowed").newBuilder()
                                .setHeader("Allow", "POST").build())
                .add("GET", "/api/v1/users/{id}", users::user);
        this.users = users;
        this.admin = new Admin("eternaltwin")
                .kind("clients", "an OAuth client: its key (<name>@clients), secret and one callback URI",
                        "key, secret, callback_uri, display_name?", e -> {
                            String key = e.text("key");
                            return Map.of("id", registerClient(key, e.text("display_name", key),
                                    e.text("callback_uri"), e.text("secret")), "key", key);
                        })
                .kind("users", "a user (password of 8 characters or more)",
                        "username, password, display_name?, administrator:bool?", e -> {
                            String username = e.text("username");
                            return Map.of("id", addUser(username, e.text("password"),
                                    e.text("display_name", username), e.bool("administrator", false)));
                        });
        serve(router, admin);
        resetState();
    }

    /** @return a seeded fake with default settings (not started) */
    public static FakeEternaltwin create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "FakeEternaltwin";
    }

    @Override
    public String baseUrl() {
        return origin();
    }

    /** @return the account store behind the fake */
    public AccountStore accounts() {
        return accounts;
    }

    /**
     * Registers an OAuth client, as the operator does in the server's configuration.
     *
     * @param key the key, {@code <name>@clients}
     * @param displayName the name users see
     * @param callbackUri the one redirect URI the client may use
     * @param secret the client secret
     * @return the client's UUID (also accepted as {@code client_id})
     */
    public String registerClient(String key, String displayName, String callbackUri, String secret) {
        if (!EtwinWire.CLIENT_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a client key is <name>@clients: " + key);
        }
        HttpUrl.get(callbackUri); // an absolute http(s) URL, or IllegalArgumentException
        synchronized (state) {
            EtwinState.Client c = new EtwinState.Client(EtwinState.newId(), key, displayName, callbackUri, secret);
            state.clientsById.put(c.id(), c);
            state.clientsByKey.put(key, c);
            credential("OAuth client " + key + " / " + secret + " (id " + c.id() + "), callback " + callbackUri);
            return c.id();
        }
    }

    /**
     * Adds a user.
     *
     * @param username the login (letters and digits, 3 to 128, the account store's rule)
     * @param password the password
     * @param displayName the display name
     * @param administrator whether the user is an administrator
     * @return the user's UUID
     */
    public String addUser(String username, String password, String displayName, boolean administrator) {
        UserRecord u = accounts.createAccount(password, null, username);
        synchronized (state) {
            EtwinState.User user = new EtwinState.User(EtwinState.newId(), u.userId(), displayName, administrator,
                    u.createdAt());
            state.usersById.put(user.id, user);
            credential("user " + username + " / " + password + (administrator ? " (administrator)" : ""));
            return user.id;
        }
    }

    /**
     * @param username the user name
     * @return the UUID of a user, by login
     */
    public String userId(String username) {
        String storeId = accounts.toUser(username).userId();
        synchronized (state) {
            return state.userOfStoreId(storeId).orElseThrow().id;
        }
    }

    /**
     * The user, logged in on Eternaltwin in a browser, opens the authorization URL and approves.
     *
     * @param authorizationUrl the URL the client built
     * @param username who approves
     * @return the callback URL the browser is sent to: {@code code} and {@code state}, or RFC 6749's {@code error}
     * @throws IllegalArgumentException naming the server's error (for example {@code RedirectUriMismatch}) when the
     *     server would answer 500 instead of redirecting
     */
    public String authorize(String authorizationUrl, String username) {
        String userId = userId(username);
        HttpUrl url = HttpUrl.get(authorizationUrl);
        synchronized (state) {
            return redirectOrThrow(oauth.grant(name -> Optional.ofNullable(url.queryParameter(name)), userId));
        }
    }

    /**
     * The user opens the authorization URL and refuses.
     *
     * @param authorizationUrl the URL the client built
     * @return the callback URL with {@code error=access_denied} and the state
     */
    public String deny(String authorizationUrl) {
        HttpUrl url = HttpUrl.get(authorizationUrl);
        synchronized (state) {
            return redirectOrThrow(oauth.deny(name -> Optional.ofNullable(url.queryParameter(name))));
        }
    }

    private static String redirectOrThrow(EtwinOAuthRoutes.Outcome o) {
        if (o.location() == null) {
            throw new IllegalArgumentException(o.error());
        }
        return o.location();
    }

    /**
     * Revokes an access token: from now on the server does not know it, and every API call with it is a bare 500, as
     * an unknown token's is. Eternaltwin has no revocation endpoint: this hook stands for a token its store lost.
     *
     * @param accessToken the access token to revoke
     */
    public void revokeToken(String accessToken) {
        synchronized (state) {
            state.liveToken(accessToken).orElseThrow(() -> new IllegalArgumentException("unknown token")).revoked = true;
        }
    }

    /**
     * Revokes every live access token at once (the shape every fake has; Eternaltwin itself has no revocation: this
     * stands for a server whose token store was wiped): every API call with one of them is then a bare 500.
     *
     * @return how many tokens were live
     */
    public int revokeSessions() {
        synchronized (state) {
            int n = 0;
            for (EtwinState.Token t : state.tokens.values()) {
                if (!t.revoked) {
                    t.revoked = true;
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Adds a user whose display name is the login, not an administrator (the shape every fake has).
     *
     * @param username the login
     * @param password the password
     * @return the user's UUID
     */
    public String addUser(String username, String password) {
        return addUser(username, password, username, false);
    }

    /** @return how many access tokens are live (issued and not revoked) */
    public int activeTokens() {
        synchronized (state) {
            return (int) state.tokens.values().stream().filter(t -> !t.revoked).count();
        }
    }

    @Override
    protected void resetState() {
        synchronized (state) {
            state.clear();
            if (seeded) {
                registerClient(DEMO_CLIENT, "Latchkey demo", demoCallback, DEMO_CLIENT_SECRET);
                addUser(DEMO_USER, DEMO_PASSWORD, "Alice", false);
                addUser("bob", "bob-demo-pass", "Bob", false);
                addUser("user1", "user1-demo-pass", "user1", false);
                addUser("user2", "user2-demo-pass", "user2", false);
                addUser("demurgos", "demurgos-demo-pass", "Demurgos", true);
            }
        }
    }

    @Override
    protected java.time.Instant now() {
        return clock.instant();
    }

    @Override
    protected FakeResponse handle(FakeRequest request) {
        synchronized (state) {
            if (request.path().startsWith("/api/") && users.unknownBearer(request)) {
                return EtwinWire.internalError(); // koaAuth.auth throws before any API route runs
            }
            return router.route(request);
        }
    }

    /** Builds a {@link FakeEternaltwin}. */
    public static final class Builder extends dev.latchkey.testkit.FakeBuilder<Builder, FakeEternaltwin> {
        private String demoCallback = DEMO_CALLBACK;
        private Duration codeLifetime = Duration.ofMinutes(10);
        private Duration tokenLifetime = Duration.ofSeconds(1_000_000_000L);
        private boolean refreshTokens;
        private boolean userSearch;

        private Builder() {
        }

        /**
         * The server as eternaltwin.org runs it today (GitLab master, 2026), as far as it can be known: with the user
         * search and count ({@code GET /api/v1/users}) that eternaltwin-py's 2026 tests exercise. By default the fake
         * is the newest readable server (eternaltwin/etwin @ 1241847, 2021-11), which has no search: that route
         * answers 405 {@code Allow: POST}.
         *
         * @return this builder
         */
        public Builder asGitlabMaster2026() {
            this.userSearch = true;
            return this;
        }



        /**
         * @param callbackUri the demo client's registered callback ({@link #DEMO_CALLBACK} by default)
         * @return this builder
         */
        public Builder demoCallback(String callbackUri) {
            this.demoCallback = Objects.requireNonNull(callbackUri, "callbackUri");
            return this;
        }

        /**
         * @param lifetime how long a code may be exchanged (10 minutes, as the 2021 server)
         * @return this builder
         */
        public Builder codeLifetime(Duration lifetime) {
            this.codeLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param lifetime the {@code expires_in} of access tokens (1,000,000,000 s, as the 2021 server)
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param issue add a {@code refresh_token} to token answers, as the documentation shows (default false)
         * @return this builder
         */
        public Builder refreshTokens(boolean issue) {
            this.refreshTokens = issue;
            return this;
        }


        @Override
        public FakeEternaltwin build() {
            return new FakeEternaltwin(this);
        }
    }
}
