package dev.latchkey.testkit.tmdb;

import static dev.latchkey.testkit.tmdb.TmdbWire.envelope;
import static dev.latchkey.testkit.tmdb.TmdbWire.error;
import static dev.latchkey.testkit.tmdb.TmdbWire.status;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.NameRule;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Admin;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.latchkey.testkit.FakeResponse;

/**
 * A stateful fake of TMDb's v3 and v4 authentication and account APIs, built from the documented wire format
 * (Latchkey's research notes on TMDb, sections 2 to 8, and the official OpenAPI export), not from any client code.
 *
 * <ul>
 *   <li>Base URL {@link #baseUrl()} is {@code http://127.0.0.1:PORT}; paths are {@code /3/...} and {@code /4/...}.</li>
 *   <li>Every call needs the API key ({@code ?api_key=}) or a bearer token (the read access token, or a v4 user access
 *   token); otherwise 401 with code 7.</li>
 *   <li>Errors are {@code {"success": false, "status_code": N, "status_message": "..."}} with TMDb's codes and HTTP
 *   statuses; a page past 500 answers 422 {@code {"errors": [...]}}, as the real API does.</li>
 *   <li>Request tokens expire after 60 minutes (v4: 15), guest sessions never used within 24 hours vanish, all on the
 *   injected clock. A request token is approved as if the user clicked on the website with
 *   {@link #approveRequestToken} (or {@code POST /_testkit/approve}).</li>
 *   <li>An optional rate limit answers 429 with code 25 and {@code Retry-After: 1}.</li>
 * </ul>
 *
 * <p>The route table below is the fake's index: {@link TmdbAuthRoutes} answers the authentication endpoints,
 * {@link TmdbAccountRoutes} the account ones, both on the one {@link TmdbState}, in TMDb's wire format
 * ({@link TmdbWire}). Each request runs holding the state's monitor, so handlers take no locks of their own.
 */
public final class FakeTmdb extends FakeServer<FakeTmdb> {
    /** The v3 API key the fake accepts. */
    public static final String API_KEY = "0123456789abcdef0123456789abcdef";
    /** The seeded demo user. */
    public static final String DEMO_USER = "alice";
    /** The seeded demo user's password. */
    public static final String DEMO_PASSWORD = "alice-demo-pass";
    /** A seeded user whose email is not verified (validate_with_login answers code 32). */
    public static final String UNVERIFIED_USER = "carol";
    /** Items per page, as TMDb. */
    public static final int PAGE_SIZE = 20;
    /** How many movies the demo user has as favorites: three pages. */
    public static final int DEMO_FAVORITE_MOVIES = 45;

    private final Clock clock;
    private final boolean seeded;
    private final String readAccessToken;
    private final AccountStore accounts;
    private final TmdbState state;
    private final TmdbAuthRoutes auth;
    private final Router router;
    private final Admin admin;

    private FakeTmdb(Builder b) {
        this.clock = b.clock();
        this.seeded = b.seeded();
        rateLimitPerSecond(b.rateLimitPerSecond);
        this.readAccessToken = TmdbWire.jwt(Map.of("aud", API_KEY, "sub", "5f0c3c2e1f3a4b00357d2a11", "scopes",
                List.of("api_read"), "version", 1));
        this.accounts = AccountStore.builder().nameRule(NameRule.TMDB).passwordPolicy(PasswordPolicy.minLength(4))
                .clock(clock).requireEmailConfirmation(true).hashIterations(b.hashIterations()).build();
        this.state = new TmdbState(clock, accounts);
        this.auth = new TmdbAuthRoutes(state, b.unapprovedIs422);
        TmdbAccountRoutes account = new TmdbAccountRoutes(state);
        TmdbCatalogRoutes catalog = new TmdbCatalogRoutes(state);
        this.router = new Router(r -> error(34), r -> error(4))
                .add("GET", "/3/authentication", (r, p) -> status(200, 1))
                .add("GET", "/3/authentication/token/new", auth::newRequestToken)
                .add("POST", "/3/authentication/token/validate_with_login", auth::validateWithLogin)
                .add("POST", "/3/authentication/session/new", auth::newSession)
                .add("GET", "/3/authentication/guest_session/new", auth::newGuestSession)
                .add("POST", "/3/authentication/session/convert/4", auth::convertV4)
                .add("DELETE", "/3/authentication/session", auth::deleteSession)
                .add("POST", "/4/auth/request_token", auth::v4RequestToken)
                .add("POST", "/4/auth/access_token", auth::v4AccessToken)
                .add("DELETE", "/4/auth/access_token", auth::v4DeleteAccessToken)
                .add("GET", "/3/account", account::details)
                .add("GET", "/3/account/{account_id}", account::details)
                .add("GET", "/3/account/{account_id}/favorite/movies", (r, p) -> account.list(r, p, "favorite", "movie"))
                .add("GET", "/3/account/{account_id}/favorite/tv", (r, p) -> account.list(r, p, "favorite", "tv"))
                .add("GET", "/3/account/{account_id}/rated/movies", (r, p) -> account.list(r, p, "rated", "movie"))
                .add("GET", "/3/account/{account_id}/rated/tv", (r, p) -> account.list(r, p, "rated", "tv"))
                .add("GET", "/3/account/{account_id}/watchlist/movies", (r, p) -> account.list(r, p, "watchlist", "movie"))
                .add("GET", "/3/account/{account_id}/watchlist/tv", (r, p) -> account.list(r, p, "watchlist", "tv"))
                .add("POST", "/3/account/{account_id}/favorite", (r, p) -> account.mark(r, p, "favorite"))
                .add("POST", "/3/account/{account_id}/watchlist", (r, p) -> account.mark(r, p, "watchlist"))
                .add("POST", "/3/movie/{id}/rating", (r, p) -> account.rate(r, p, "movie"))
                .add("DELETE", "/3/movie/{id}/rating", (r, p) -> account.deleteRating(r, p, "movie"))
                .add("POST", "/3/tv/{id}/rating", (r, p) -> account.rate(r, p, "tv"))
                .add("DELETE", "/3/tv/{id}/rating", (r, p) -> account.deleteRating(r, p, "tv"))
                .add("GET", "/3/movie/{id}/account_states", account::accountStates)
                .add("GET", "/3/genre/movie/list", catalog::genres)
                .add("GET", "/3/movie/latest", catalog::latest)
                .add("GET", "/3/movie/now_playing", catalog::nowPlaying)
                .add("GET", "/3/movie/popular", catalog::popular)
                .add("GET", "/3/movie/top_rated", catalog::topRated)
                .add("GET", "/3/movie/upcoming", catalog::upcoming)
                .add("GET", "/3/movie/{id}", catalog::movie)
                .add("GET", "/3/guest_session/{guest_session_id}/rated/movies", (r, p) -> account.guestRated(r, p, "movie"))
                .add("GET", "/3/guest_session/{guest_session_id}/rated/tv", (r, p) -> account.guestRated(r, p, "tv"));
        this.admin = new Admin("tmdb")
                .kind("api_keys", "a v3 API key the fake accepts, beside FakeTmdb.API_KEY", "key", e -> {
                    addApiKey(e.text("key"));
                    return Map.of();
                })
                .kind("users", "a user with a verified email", "username, password", e -> {
                    String username = e.text("username");
                    int id = Integer.parseInt(addUser(username, e.text("password")));
                    return Map.of("id", id, "object_id", accountObjectId(username));
                })
                .kind("movies", "a movie: a list item, and its details at GET /3/movie/{id}",
                        "id:int, title, release_date?, overview?, genre_ids:ints?, vote_average:number?, "
                                + "vote_count:int?, popularity:number?, runtime:int?, imdb_id?, tagline?, budget:int?, revenue:int?", e -> {
                            addMovie(e);
                            return Map.of("id", e.integer("id"));
                        })
                .kind("tv", "a TV show (a list item)", "id:int, name, first_air_date?, vote_average:number?, vote_count:int?", e -> {
                    int id = e.integer("id");
                    synchronized (state) {
                        state.catalog.addShow(id, e.text("name"), e.text("first_air_date", "2020-01-01"),
                                e.decimal("vote_average", 0), e.integer("vote_count", 0));
                    }
                    return Map.of("id", id);
                })
                .kind("favorites", "a movie or show among a user's favorites (media_type movie or tv)",
                        "username, media_type, media_id:int", e -> {
                            addFavorite(e.text("username"), e.text("media_type"), e.integer("media_id"));
                            return Map.of();
                        })
                .kind("approve", "approves a v3 request token as the user would on the website",
                        "request_token, username", e -> {
                            approveRequestToken(e.text("request_token"), e.text("username"));
                            return Map.of("success", true);
                        });
        serve(router, admin);
        resetState();
    }

    /** @return a seeded fake with default settings (not started) */
    public static FakeTmdb create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "FakeTmdb";
    }

    @Override
    public String baseUrl() {
        return origin();
    }

    /** @return the v4 API read access token the fake accepts as a bearer token */
    public String readAccessToken() {
        return readAccessToken;
    }

    /** @return the account store behind the fake */
    public AccountStore accounts() {
        return accounts;
    }

    /**
     * Adds a user with a verified email.
     *
     * @param username the name
     * @param password the password
     * @return the TMDb account id (a number, as text: the shape every fake has)
     */
    public String addUser(String username, String password) {
        UserRecord u = accounts.createAccount(password, username + "@example.org", username);
        accounts.confirmEmail(username + "@example.org", accounts.lastConfirmationCode(username + "@example.org")
                .orElseThrow());
        credential("user " + username + " / " + password);
        synchronized (state) {
            return String.valueOf(state.register(u).id);
        }
    }

    /**
     * Accepts another v3 API key (query {@code api_key}), as a test suite that brings its own would need.
     *
     * @param key the key
     */
    public void addApiKey(String key) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("an API key is not blank");
        }
        synchronized (state) {
            state.apiKeys.add(key);
        }
        credential("API key " + key + " (query api_key)");
    }

    /**
     * Adds a movie to the catalogue (or replaces one), the newest: {@code GET /3/movie/latest} answers it.
     *
     * @param id its TMDb id
     * @param title its title
     * @param releaseDate its release date, {@code yyyy-MM-dd}
     */
    public void addMovie(int id, String title, String releaseDate) {
        admin("movies", Map.of("id", id, "title", title, "release_date", releaseDate));
    }

    private void addMovie(Admin.Entry e) {
        int id = e.integer("id");
        String date = e.text("release_date", "2020-01-01");
        LocalDate.parse(date); // a date TMDb could send; the admin names the entry when it is not
        double voteAverage = e.decimal("vote_average", 0);
        int voteCount = e.integer("vote_count", 0);
        List<Integer> genres = e.integers("genre_ids", List.of(18));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runtime", e.integer("runtime", 0));
        details.put("imdb_id", e.text("imdb_id", null));
        details.put("tagline", e.text("tagline", ""));
        details.put("budget", e.integer("budget", 0));
        details.put("revenue", e.integer("revenue", 0));
        synchronized (state) {
            var m = state.catalog.addMovie(id, e.text("title"), date, voteAverage, voteCount);
            if (e.has("overview")) {
                m.put("overview", e.text("overview"));
            }
            if (e.has("popularity")) {
                m.put("popularity", e.decimal("popularity", 0));
            }
            var ids = m.putArray("genre_ids");
            genres.forEach(ids::add);
            state.catalog.details(id).setAll((com.fasterxml.jackson.databind.node.ObjectNode)
                    Responses.JSON.valueToTree(details));
        }
    }

    /**
     * Puts a movie or show among a user's favorites, as if they had marked it.
     *
     * @param username the user
     * @param mediaType {@code movie} or {@code tv}
     * @param mediaId the catalogue id
     */
    public void addFavorite(String username, String mediaType, int mediaId) {
        synchronized (state) {
            if (state.catalog.find(mediaType, mediaId) == null) {
                throw new IllegalArgumentException("no " + mediaType + " " + mediaId + " in the catalogue ("
                        + "media_type is movie or tv; add it first)");
            }
            state.requireAccount(username).favorites.put(mediaType + ":" + mediaId, state.next());
        }
    }

    /**
     * @param username the user name
     * @return the TMDb account id of a user
     */
    public int accountId(String username) {
        synchronized (state) {
            return state.requireAccount(username).id;
        }
    }

    /**
     * @param username the user name
     * @return the v4 account object id (24 hex characters) of a user
     */
    public String accountObjectId(String username) {
        synchronized (state) {
            return state.requireAccount(username).objectId;
        }
    }

    /**
     * Approves a v3 request token as if the user had clicked "Approve" on the website.
     *
     * @param requestToken the request token's value ({@code request_token})
     * @param username the user approving it
     */
    public void approveRequestToken(String requestToken, String username) {
        synchronized (state) {
            auth.approve(state.requestTokens, requestToken, username);
        }
    }

    /**
     * Denies a v3 request token as if the user had clicked "Deny".
     *
     * @param requestToken the request token's value ({@code request_token})
     */
    public void denyRequestToken(String requestToken) {
        synchronized (state) {
            TmdbState.requireToken(state.requestTokens, requestToken).denied = true;
        }
    }

    /**
     * Approves a v4 request token for a user.
     *
     * @param requestToken the request token's value ({@code request_token})
     * @param username the user name
     */
    public void approveV4RequestToken(String requestToken, String username) {
        synchronized (state) {
            auth.approve(state.v4RequestTokens, requestToken, username);
        }
    }

    /**
     * Ends every live v3 session at once: the next call with any of them is answered 401 (code 3).
     *
     * @return how many sessions ended
     */
    public int revokeSessions() {
        synchronized (state) {
            int n = state.sessions.size();
            state.sessions.clear();
            return n;
        }
    }

    /** @return the live v3 sessions (for tests that check deletion) */
    public int activeSessions() {
        synchronized (state) {
            return state.sessions.size();
        }
    }

    @Override
    protected void resetState() {
        synchronized (state) {
            state.clear(seeded ? TmdbCatalog.seeded(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                    : new TmdbCatalog());
            credential("API key " + API_KEY + " (query api_key)");
            credential("read access token " + readAccessToken + " (Authorization: Bearer)");
            if (seeded) {
                seed();
            }
        }
    }

    /** The demo users; alice with three pages of favorite movies, two shows, a watchlist entry and ratings. */
    private void seed() {
        addUser(DEMO_USER, DEMO_PASSWORD);
        state.register(accounts.createAccount("carol-demo-pass", "carol@example.org", UNVERIFIED_USER));
        credential("user " + UNVERIFIED_USER + " / carol-demo-pass (email not verified: login answers code 32)");
        TmdbState.Account alice = state.requireAccount(DEMO_USER);
        int n = 0;
        for (Integer id : state.catalog.movies.keySet()) {
            if (n++ < DEMO_FAVORITE_MOVIES) {
                alice.favorites.put("movie:" + id, state.next());
            }
        }
        alice.favorites.put("tv:1399", state.next());
        alice.favorites.put("tv:1396", state.next());
        alice.watchlist.put("movie:603", state.next());
        alice.ratings.put("movie:550", new TmdbState.Rating(8.5, state.next()));
        alice.ratings.put("movie:680", new TmdbState.Rating(9.0, state.next()));
        alice.ratings.put("tv:1396", new TmdbState.Rating(10.0, state.next()));
    }

    @Override
    protected java.time.Instant now() {
        return clock.instant();
    }

    /** TMDb's code 25, in its envelope (its error table). */
    @Override
    protected FakeResponse rateLimited(FakeRequest request, int count) {
        return Responses.json(429, envelope(false, 25, "Your request count (" + count
                + ") is over the allowed limit of (" + rateLimitPerSecond() + ")."), TmdbWire.JSON_TYPE)
                .newBuilder().setHeader("Retry-After", "1").build();
    }

    @Override
    protected FakeResponse handle(FakeRequest request) {
        synchronized (state) {
            if (!auth.authorized(request, readAccessToken)) {
                return error(7);
            }
            return router.route(request);
        }
    }

    /** Builds a {@link FakeTmdb}. */
    public static final class Builder extends dev.latchkey.testkit.FakeBuilder<Builder, FakeTmdb> {
        private int rateLimitPerSecond;
        private boolean unapprovedIs422;

        private Builder() {
        }



        /**
         * @param perSecond answer 429 (code 25) beyond this many requests per clock second; 0 for no limit
         * @return this builder
         */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /**
         * @param use answer an unapproved request token with 422 / code 41 instead of 401 / code 17 (TMDb documents
         *     both; which one it sends today is not known)
         * @return this builder
         */
        public Builder unapprovedTokenIs422(boolean use) {
            this.unapprovedIs422 = use;
            return this;
        }


        @Override
        public FakeTmdb build() {
            return new FakeTmdb(this);
        }
    }
}
