package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;

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

    static final String JSON_TYPE = "application/json;charset=utf-8";
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final boolean seeded;
    private final int rateLimitPerSecond;
    private final boolean unapprovedIs422;
    private final String readAccessToken;
    private final AccountStore accounts;
    private final Router router;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();

    private final Object lock = new Object();
    private TmdbCatalog catalog;
    private final Map<String, Account> accountsByUser = new LinkedHashMap<>();
    private final Map<Integer, Account> accountsById = new LinkedHashMap<>();
    private final Map<String, RequestToken> requestTokens = new LinkedHashMap<>();
    private final Map<String, Integer> sessions = new LinkedHashMap<>();
    private final Map<String, GuestSession> guestSessions = new LinkedHashMap<>();
    private final Map<String, RequestToken> v4RequestTokens = new LinkedHashMap<>();
    private final Map<String, Integer> v4AccessTokens = new LinkedHashMap<>();
    private long windowSecond = Long.MIN_VALUE;
    private int windowCount;
    private int nextAccountId;

    private static final class Account {
        final int id;
        final String objectId;
        final String userId;
        final String username;
        final Map<String, Long> favorites = new LinkedHashMap<>();
        final Map<String, Long> watchlist = new LinkedHashMap<>();
        final Map<String, Rating> ratings = new LinkedHashMap<>();

        Account(int id, String objectId, String userId, String username) {
            this.id = id;
            this.objectId = objectId;
            this.userId = userId;
            this.username = username;
        }
    }

    private record Rating(double value, long seq) {
    }

    private static final class RequestToken {
        final Instant expiresAt;
        final String redirectTo;
        Integer approvedFor;
        boolean denied;
        boolean used;

        RequestToken(Instant expiresAt, String redirectTo) {
            this.expiresAt = expiresAt;
            this.redirectTo = redirectTo;
        }
    }

    private static final class GuestSession {
        final Instant createdAt;
        Instant firstUsedAt;
        final Map<String, Rating> ratings = new LinkedHashMap<>();

        GuestSession(Instant createdAt) {
            this.createdAt = createdAt;
        }
    }

    private FakeTmdb(Builder b) {
        this.clock = b.clock;
        this.seeded = b.seeded;
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.unapprovedIs422 = b.unapprovedIs422;
        this.readAccessToken = jwt(Map.of("aud", API_KEY, "sub", "5f0c3c2e1f3a4b00357d2a11", "scopes",
                List.of("api_read"), "version", 1));
        this.accounts = AccountStore.builder().passwordPolicy(PasswordPolicy.minLength(4)).clock(clock)
                .requireEmailConfirmation(true).hashIterations(b.hashIterations).build();
        this.router = new Router(r -> error(34), r -> error(4))
                .add("GET", "/3/authentication", (r, p) -> status(200, 1))
                .add("GET", "/3/authentication/token/new", (r, p) -> newRequestToken())
                .add("POST", "/3/authentication/token/validate_with_login", (r, p) -> validateWithLogin(r))
                .add("POST", "/3/authentication/session/new", (r, p) -> newSession(r))
                .add("GET", "/3/authentication/guest_session/new", (r, p) -> newGuestSession())
                .add("POST", "/3/authentication/session/convert/4", (r, p) -> convertV4(r))
                .add("DELETE", "/3/authentication/session", (r, p) -> deleteSession(r))
                .add("POST", "/4/auth/request_token", (r, p) -> v4RequestToken(r))
                .add("POST", "/4/auth/access_token", (r, p) -> v4AccessToken(r))
                .add("DELETE", "/4/auth/access_token", (r, p) -> v4DeleteAccessToken(r))
                .add("GET", "/3/account", (r, p) -> accountDetails(r, null))
                .add("GET", "/3/account/{account_id}", (r, p) -> accountDetails(r, p.get("account_id")))
                .add("GET", "/3/account/{account_id}/favorite/movies", (r, p) -> list(r, p, "favorite", "movie"))
                .add("GET", "/3/account/{account_id}/favorite/tv", (r, p) -> list(r, p, "favorite", "tv"))
                .add("GET", "/3/account/{account_id}/rated/movies", (r, p) -> list(r, p, "rated", "movie"))
                .add("GET", "/3/account/{account_id}/rated/tv", (r, p) -> list(r, p, "rated", "tv"))
                .add("GET", "/3/account/{account_id}/watchlist/movies", (r, p) -> list(r, p, "watchlist", "movie"))
                .add("GET", "/3/account/{account_id}/watchlist/tv", (r, p) -> list(r, p, "watchlist", "tv"))
                .add("POST", "/3/account/{account_id}/favorite", (r, p) -> mark(r, p, "favorite"))
                .add("POST", "/3/account/{account_id}/watchlist", (r, p) -> mark(r, p, "watchlist"))
                .add("POST", "/3/movie/{id}/rating", (r, p) -> rate(r, "movie", p.get("id")))
                .add("DELETE", "/3/movie/{id}/rating", (r, p) -> deleteRating(r, "movie", p.get("id")))
                .add("POST", "/3/tv/{id}/rating", (r, p) -> rate(r, "tv", p.get("id")))
                .add("DELETE", "/3/tv/{id}/rating", (r, p) -> deleteRating(r, "tv", p.get("id")))
                .add("GET", "/3/movie/{id}/account_states", (r, p) -> accountStates(r, p.get("id")))
                .add("GET", "/3/movie/{id}", (r, p) -> movie(p.get("id")))
                .add("GET", "/3/guest_session/{guest_session_id}/rated/movies", (r, p) -> guestRated(r, p, "movie"))
                .add("GET", "/3/guest_session/{guest_session_id}/rated/tv", (r, p) -> guestRated(r, p, "tv"))
                .add("POST", "/_testkit/approve", (r, p) -> approveOverHttp(r));
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
        String root = rootUrl().toString();
        return root.substring(0, root.length() - 1);
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
     * @return the TMDb account id
     */
    public int addUser(String username, String password) {
        UserRecord u = accounts.createAccount(password, username + "@example.org", username);
        accounts.confirmEmail(username + "@example.org", accounts.lastConfirmationCode(username + "@example.org")
                .orElseThrow());
        return register(u).id;
    }

    /** @return the TMDb account id of a user */
    public int accountId(String username) {
        synchronized (lock) {
            return requireAccount(username).id;
        }
    }

    /** @return the v4 account object id (24 hex characters) of a user */
    public String accountObjectId(String username) {
        synchronized (lock) {
            return requireAccount(username).objectId;
        }
    }

    /**
     * Approves a v3 request token as if the user had clicked "Approve" on the website.
     *
     * @param requestToken the token
     * @param username the user approving it
     */
    public void approveRequestToken(String requestToken, String username) {
        synchronized (lock) {
            RequestToken t = requestTokens.get(requestToken);
            if (t == null) {
                throw new IllegalArgumentException("unknown request token");
            }
            t.approvedFor = requireAccount(username).id;
        }
    }

    /** Denies a v3 request token as if the user had clicked "Deny". */
    public void denyRequestToken(String requestToken) {
        synchronized (lock) {
            RequestToken t = requestTokens.get(requestToken);
            if (t == null) {
                throw new IllegalArgumentException("unknown request token");
            }
            t.denied = true;
        }
    }

    /** Approves a v4 request token for a user. */
    public void approveV4RequestToken(String requestToken, String username) {
        synchronized (lock) {
            RequestToken t = v4RequestTokens.get(requestToken);
            if (t == null) {
                throw new IllegalArgumentException("unknown v4 request token");
            }
            t.approvedFor = requireAccount(username).id;
        }
    }

    /** @return the live v3 sessions (for tests that check deletion) */
    public int activeSessions() {
        synchronized (lock) {
            return sessions.size();
        }
    }

    @Override
    protected void resetState() {
        synchronized (lock) {
            accounts.clear();
            accountsByUser.clear();
            accountsById.clear();
            requestTokens.clear();
            sessions.clear();
            guestSessions.clear();
            v4RequestTokens.clear();
            v4AccessTokens.clear();
            windowSecond = Long.MIN_VALUE;
            windowCount = 0;
            nextAccountId = 547;
            catalog = seeded ? TmdbCatalog.seeded() : new TmdbCatalog();
        }
        if (seeded) {
            addUser(DEMO_USER, DEMO_PASSWORD);
            UserRecord carol = accounts.createAccount("carol-demo-pass", "carol@example.org", UNVERIFIED_USER);
            synchronized (lock) {
                register(carol);
                Account alice = requireAccount(DEMO_USER);
                int n = 0;
                for (Integer id : catalog.movies.keySet()) {
                    if (n++ < DEMO_FAVORITE_MOVIES) {
                        alice.favorites.put("movie:" + id, sequence.incrementAndGet());
                    }
                }
                alice.favorites.put("tv:1399", sequence.incrementAndGet());
                alice.favorites.put("tv:1396", sequence.incrementAndGet());
                alice.watchlist.put("movie:603", sequence.incrementAndGet());
                alice.ratings.put("movie:550", new Rating(8.5, sequence.incrementAndGet()));
                alice.ratings.put("movie:680", new Rating(9.0, sequence.incrementAndGet()));
                alice.ratings.put("tv:1396", new Rating(10.0, sequence.incrementAndGet()));
            }
        }
    }

    @Override
    protected MockResponse handle(FakeRequest request) {
        if (request.path().startsWith("/_testkit/")) {
            return router.route(request);
        }
        if (!authorized(request)) {
            return error(7);
        }
        if (rateLimitPerSecond > 0) {
            long second = clock.instant().getEpochSecond();
            synchronized (lock) {
                if (second != windowSecond) {
                    windowSecond = second;
                    windowCount = 0;
                }
                if (++windowCount > rateLimitPerSecond) {
                    return Responses.json(429, envelope(false, 25, "Your request count (" + windowCount
                            + ") is over the allowed limit of (" + rateLimitPerSecond + ")."), JSON_TYPE)
                            .newBuilder().setHeader("Retry-After", "1").build();
                }
            }
        }
        return router.route(request);
    }

    // --- authentication ----------------------------------------------------------------------------------------

    private boolean authorized(FakeRequest r) {
        if (r.query("api_key").map(API_KEY::equals).orElse(false)) {
            // "For GET based calls on v4, you can still use your v3 api_key"; writes on v4 need a bearer token.
            return !r.path().startsWith("/4/") || r.method().equals("GET");
        }
        Optional<String> bearer = r.header("Authorization").filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7).strip());
        if (bearer.isEmpty()) {
            return false;
        }
        if (bearer.get().equals(readAccessToken)) {
            return true;
        }
        synchronized (lock) {
            return v4AccessTokens.containsKey(bearer.get()) && !r.path().startsWith("/4/auth/request_token");
        }
    }

    private MockResponse newRequestToken() {
        String token = hex(20);
        Instant expires = clock.instant().plus(Duration.ofMinutes(60));
        synchronized (lock) {
            requestTokens.put(token, new RequestToken(expires, null));
        }
        ObjectNode o = Responses.object().put("success", true).put("expires_at", EXPIRES.format(expires))
                .put("request_token", token);
        return Responses.json(200, o, JSON_TYPE);
    }

    private MockResponse validateWithLogin(FakeRequest r) {
        Optional<String> username = r.jsonText("username").filter(s -> !s.isBlank());
        Optional<String> password = r.jsonText("password").filter(s -> !s.isEmpty());
        Optional<String> token = r.jsonText("request_token");
        if (username.isEmpty() || password.isEmpty()) {
            return error(26);
        }
        synchronized (lock) {
            RequestToken t = token.map(requestTokens::get).orElse(null);
            if (t == null || t.used || !clock.instant().isBefore(t.expiresAt)) {
                return error(33);
            }
        }
        UserRecord user;
        try {
            user = accounts.login(username.get(), password.get(), false);
        } catch (AccountException e) {
            return error(30);
        }
        if (Boolean.FALSE.equals(user.emailConfirmed())) {
            return error(32);
        }
        synchronized (lock) {
            RequestToken t = requestTokens.get(token.get());
            t.approvedFor = accountsByUser.get(user.userId()).id;
            ObjectNode o = Responses.object().put("success", true).put("expires_at", EXPIRES.format(t.expiresAt))
                    .put("request_token", token.get());
            return Responses.json(200, o, JSON_TYPE);
        }
    }

    private MockResponse newSession(FakeRequest r) {
        Optional<String> token = r.jsonText("request_token");
        synchronized (lock) {
            RequestToken t = token.map(requestTokens::get).orElse(null);
            if (t == null || t.used || !clock.instant().isBefore(t.expiresAt)) {
                return error(33);
            }
            if (t.approvedFor == null || t.denied) {
                return unapprovedIs422 ? error(41) : error(17);
            }
            t.used = true;
            String sessionId = hex(20);
            sessions.put(sessionId, t.approvedFor);
            return Responses.json(200, Responses.object().put("success", true).put("session_id", sessionId),
                    JSON_TYPE);
        }
    }

    private MockResponse newGuestSession() {
        String id = hex(16);
        Instant now = clock.instant();
        synchronized (lock) {
            guestSessions.put(id, new GuestSession(now));
        }
        ObjectNode o = Responses.object().put("success", true).put("guest_session_id", id)
                .put("expires_at", EXPIRES.format(now.plus(Duration.ofHours(24))));
        return Responses.json(200, o, JSON_TYPE);
    }

    private MockResponse convertV4(FakeRequest r) {
        Optional<String> access = r.jsonText("access_token");
        synchronized (lock) {
            Integer account = access.map(v4AccessTokens::get).orElse(null);
            if (account == null) {
                return error(35);
            }
            String sessionId = hex(20);
            sessions.put(sessionId, account);
            return Responses.json(200, Responses.object().put("success", true).put("session_id", sessionId),
                    JSON_TYPE);
        }
    }

    private MockResponse deleteSession(FakeRequest r) {
        Optional<String> sessionId = r.jsonText("session_id");
        if (sessionId.isEmpty()) {
            return error(5);
        }
        synchronized (lock) {
            if (sessions.remove(sessionId.get()) == null) {
                return error(37);
            }
        }
        return Responses.json(200, Responses.object().put("success", true), JSON_TYPE);
    }

    private MockResponse v4RequestToken(FakeRequest r) {
        String redirectTo = r.jsonText("redirect_to").orElse(null);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(15));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", API_KEY);
        claims.put("jti", sequence.incrementAndGet());
        claims.put("scopes", List.of("pending_request_token"));
        claims.put("exp", expires.getEpochSecond());
        claims.put("redirect_to", redirectTo);
        claims.put("version", 1);
        claims.put("nbf", now.getEpochSecond());
        String token = jwt(claims);
        synchronized (lock) {
            v4RequestTokens.put(token, new RequestToken(expires, redirectTo));
        }
        ObjectNode o = envelope(true, 1, "Success.");
        o.put("request_token", token);
        return Responses.json(200, o, JSON_TYPE);
    }

    private MockResponse v4AccessToken(FakeRequest r) {
        Optional<String> token = r.jsonText("request_token");
        synchronized (lock) {
            RequestToken t = token.map(v4RequestTokens::get).orElse(null);
            if (t == null || t.used || !clock.instant().isBefore(t.expiresAt)) {
                return error(33);
            }
            if (t.approvedFor == null) {
                return error(41);
            }
            t.used = true;
            Account a = accountsById.get(t.approvedFor);
            String access = jwt(Map.of("aud", API_KEY, "sub", a.objectId, "scopes", List.of("api_read", "api_write"),
                    "version", 1, "jti", sequence.incrementAndGet()));
            v4AccessTokens.put(access, a.id);
            ObjectNode o = envelope(true, 1, "Success.");
            o.put("access_token", access).put("account_id", a.objectId);
            return Responses.json(200, o, JSON_TYPE);
        }
    }

    private MockResponse v4DeleteAccessToken(FakeRequest r) {
        Optional<String> access = r.jsonText("access_token");
        synchronized (lock) {
            if (access.isEmpty() || v4AccessTokens.remove(access.get()) == null) {
                return error(35);
            }
        }
        return Responses.json(200, envelope(true, 1, "Success."), JSON_TYPE);
    }

    private MockResponse approveOverHttp(FakeRequest r) {
        try {
            approveRequestToken(r.jsonText("request_token").orElse(""), r.jsonText("username").orElse(""));
            return Responses.json(200, Responses.object().put("success", true), JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return error(34);
        }
    }

    // --- account -----------------------------------------------------------------------------------------------

    private MockResponse accountDetails(FakeRequest r, String accountId) {
        synchronized (lock) {
            Account a = sessionAccount(r, accountId);
            if (a == null) {
                return error(3);
            }
            ObjectNode o = Responses.object();
            ObjectNode avatar = o.putObject("avatar");
            avatar.putObject("gravatar").put("hash", hex(16));
            avatar.putObject("tmdb").putNull("avatar_path");
            o.put("id", a.id).put("iso_639_1", "en").put("iso_3166_1", "US")
                    .put("name", Character.toUpperCase(a.username.charAt(0)) + a.username.substring(1))
                    .put("include_adult", false).put("username", a.username);
            return Responses.json(200, o, JSON_TYPE);
        }
    }

    private MockResponse list(FakeRequest r, Map<String, String> p, String kind, String mediaType) {
        synchronized (lock) {
            Account a = sessionAccount(r, p.get("account_id"));
            if (a == null) {
                return error(3);
            }
            List<ObjectNode> items = new ArrayList<>();
            if (kind.equals("rated")) {
                a.ratings.entrySet().stream().filter(e -> e.getKey().startsWith(mediaType + ':'))
                        .sorted((x, y) -> Long.compare(x.getValue().seq(), y.getValue().seq()))
                        .forEach(e -> withRating(item(e.getKey()), e.getValue()).ifPresent(items::add));
            } else {
                Map<String, Long> source = kind.equals("favorite") ? a.favorites : a.watchlist;
                source.entrySet().stream().filter(e -> e.getKey().startsWith(mediaType + ':'))
                        .sorted(Map.Entry.comparingByValue())
                        .forEach(e -> Optional.ofNullable(item(e.getKey())).map(ObjectNode::deepCopy)
                                .ifPresent(items::add));
            }
            return page(r, items);
        }
    }

    private MockResponse mark(FakeRequest r, Map<String, String> p, String kind) {
        synchronized (lock) {
            Account a = sessionAccount(r, p.get("account_id"));
            if (a == null) {
                return error(3);
            }
            Optional<JsonNode> body = r.json();
            JsonNode type = body.map(b -> b.get("media_type")).orElse(null);
            JsonNode id = body.map(b -> b.get("media_id")).orElse(null);
            JsonNode flag = body.map(b -> b.get(kind)).orElse(null);
            if (type == null || !type.isTextual() || id == null || !id.canConvertToInt() || flag == null
                    || !flag.isBoolean()) {
                return error(18);
            }
            if (!type.asText().equals("movie") && !type.asText().equals("tv")) {
                return error(18);
            }
            String key = type.asText() + ':' + id.asInt();
            if (catalog.find(type.asText(), id.asInt()) == null) {
                return error(34);
            }
            Map<String, Long> target = kind.equals("favorite") ? a.favorites : a.watchlist;
            if (!flag.asBoolean()) {
                target.remove(key);
                return status(200, 13);
            }
            return target.putIfAbsent(key, sequence.incrementAndGet()) == null ? status(201, 1) : status(201, 12);
        }
    }

    private MockResponse rate(FakeRequest r, String mediaType, String idText) {
        synchronized (lock) {
            Map<String, Rating> target = ratingTarget(r);
            if (target == null) {
                return error(3);
            }
            Integer id = parseId(idText);
            if (id == null || catalog.find(mediaType, id) == null) {
                return error(34);
            }
            JsonNode value = r.json().map(b -> b.get("value")).orElse(null);
            if (value == null || !value.isNumber()) {
                return error(18, "Value invalid: Values must be a multiple of 0.50.");
            }
            BigDecimal v = value.decimalValue();
            if (v.signum() <= 0) {
                return error(18, "Value too low: Value must be greater than 0.0.");
            }
            if (v.compareTo(BigDecimal.TEN) > 0) {
                return error(18, "Value too high: Value must be less than, or equal to 10.0.");
            }
            if (v.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
                return error(18, "Value invalid: Values must be a multiple of 0.50.");
            }
            Rating previous = target.put(mediaType + ':' + id, new Rating(v.doubleValue(), sequence.incrementAndGet()));
            return previous == null ? status(201, 1) : status(201, 12);
        }
    }

    private MockResponse deleteRating(FakeRequest r, String mediaType, String idText) {
        synchronized (lock) {
            Map<String, Rating> target = ratingTarget(r);
            if (target == null) {
                return error(3);
            }
            Integer id = parseId(idText);
            if (id == null || target.remove(mediaType + ':' + id) == null) {
                return error(34);
            }
            return status(200, 13);
        }
    }

    private MockResponse accountStates(FakeRequest r, String idText) {
        synchronized (lock) {
            Integer id = parseId(idText);
            if (id == null || catalog.find("movie", id) == null) {
                return error(34);
            }
            String key = "movie:" + id;
            Account a = sessionAccount(r, null);
            Map<String, Rating> ratings = a != null ? a.ratings : ratingTarget(r);
            if (ratings == null) {
                return error(3);
            }
            ObjectNode o = Responses.object().put("id", id).put("favorite", a != null && a.favorites.containsKey(key));
            Rating rating = ratings.get(key);
            if (rating == null) {
                o.put("rated", false);
            } else {
                o.putObject("rated").put("value", rating.value());
            }
            o.put("watchlist", a != null && a.watchlist.containsKey(key));
            return Responses.json(200, o, JSON_TYPE);
        }
    }

    private MockResponse movie(String idText) {
        synchronized (lock) {
            Integer id = parseId(idText);
            ObjectNode m = id == null ? null : catalog.movies.get(id);
            return m == null ? error(34) : Responses.json(200, m, JSON_TYPE);
        }
    }

    private MockResponse guestRated(FakeRequest r, Map<String, String> p, String mediaType) {
        synchronized (lock) {
            GuestSession g = liveGuestSession(p.get("guest_session_id"));
            if (g == null) {
                return error(3);
            }
            List<ObjectNode> items = new ArrayList<>();
            g.ratings.entrySet().stream().filter(e -> e.getKey().startsWith(mediaType + ':'))
                    .sorted((x, y) -> Long.compare(x.getValue().seq(), y.getValue().seq()))
                    .forEach(e -> withRating(item(e.getKey()), e.getValue()).ifPresent(items::add));
            return page(r, items);
        }
    }

    // --- helpers (callers hold the lock) -----------------------------------------------------------------------

    private MockResponse page(FakeRequest r, List<ObjectNode> items) {
        String pageText = r.query("page").orElse("1");
        int page;
        try {
            page = Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            return error(22);
        }
        if (page < 1) {
            return error(22);
        }
        if (page > 500) {
            ObjectNode o = Responses.object();
            o.putArray("errors").add("page must be less than or equal to 500");
            return Responses.json(422, o, JSON_TYPE);
        }
        String sort = r.query("sort_by").orElse("created_at.asc");
        if (sort.equals("created_at.desc")) {
            java.util.Collections.reverse(items);
        } else if (!sort.equals("created_at.asc")) {
            return error(5);
        }
        int total = items.size();
        int from = Math.min(total, (page - 1) * PAGE_SIZE);
        int to = Math.min(total, from + PAGE_SIZE);
        ObjectNode o = Responses.object().put("page", page);
        ArrayNode results = o.putArray("results");
        items.subList(from, to).forEach(results::add);
        o.put("total_pages", (total + PAGE_SIZE - 1) / PAGE_SIZE).put("total_results", total);
        return Responses.json(200, o, JSON_TYPE);
    }

    private ObjectNode item(String key) {
        int colon = key.indexOf(':');
        return catalog.find(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
    }

    private static Optional<ObjectNode> withRating(ObjectNode item, Rating rating) {
        if (item == null) {
            return Optional.empty();
        }
        ObjectNode copy = item.deepCopy();
        copy.put("rating", rating.value());
        return Optional.of(copy);
    }

    /** The account of the request's {@code session_id}; the path's account id, if given, must be its own. */
    private Account sessionAccount(FakeRequest r, String accountId) {
        Integer id = r.query("session_id").map(sessions::get).orElse(null);
        if (id == null) {
            Optional<String> bearer = r.header("Authorization").filter(h -> h.startsWith("Bearer "))
                    .map(h -> h.substring(7).strip());
            id = bearer.map(v4AccessTokens::get).orElse(null);
            if (id == null || r.query("session_id").isPresent()) {
                return null;
            }
        }
        Account a = accountsById.get(id);
        if (a == null || accountId != null && !accountId.equals(String.valueOf(a.id))) {
            return null;
        }
        return a;
    }

    private Map<String, Rating> ratingTarget(FakeRequest r) {
        if (r.query("session_id").isPresent()) {
            Account a = sessionAccount(r, null);
            return a == null ? null : a.ratings;
        }
        GuestSession g = r.query("guest_session_id").map(this::liveGuestSession).orElse(null);
        return g == null ? null : g.ratings;
    }

    /** A guest session not used within 24 hours of its creation is deleted, as TMDb documents. */
    private GuestSession liveGuestSession(String id) {
        GuestSession g = guestSessions.get(id);
        if (g == null) {
            return null;
        }
        Instant now = clock.instant();
        if (g.firstUsedAt == null) {
            if (!now.isBefore(g.createdAt.plus(Duration.ofHours(24)))) {
                guestSessions.remove(id);
                return null;
            }
            g.firstUsedAt = now;
        }
        return g;
    }

    private Account register(UserRecord u) {
        synchronized (lock) {
            int id = ++nextAccountId;
            Account a = new Account(id, hex(12), u.userId(), u.name().orElseThrow());
            accountsByUser.put(u.userId(), a);
            accountsById.put(id, a);
            return a;
        }
    }

    private Account requireAccount(String username) {
        Account a = accountsByUser.get(accounts.toUser(username).userId());
        if (a == null) {
            throw new IllegalArgumentException("no TMDb account for " + username);
        }
        return a;
    }

    private static Integer parseId(String s) {
        try {
            int id = Integer.parseInt(s);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ObjectNode envelope(boolean success, int code, String message) {
        return Responses.object().put("success", success).put("status_code", code).put("status_message", message);
    }

    /** A success-with-status answer (codes 1, 12, 13). */
    private static MockResponse status(int http, int code) {
        return Responses.json(http, envelope(true, code, TmdbCodes.message(code)), JSON_TYPE);
    }

    private static MockResponse error(int code) {
        return error(code, TmdbCodes.message(code));
    }

    private static MockResponse error(int code, String message) {
        return Responses.json(TmdbCodes.httpStatus(code), envelope(false, code, message), JSON_TYPE);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String jwt(Map<String, Object> claims) {
        try {
            String header = B64URL.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
            String payload = B64URL.encodeToString(Responses.JSON.writeValueAsBytes(claims));
            byte[] sig = new byte[32];
            random.nextBytes(sig);
            return header + '.' + payload + '.' + B64URL.encodeToString(sig);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a {@link FakeTmdb}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean seeded = true;
        private int rateLimitPerSecond;
        private boolean unapprovedIs422;
        private int hashIterations = 1_000;

        private Builder() {
        }

        /** @param clock the clock for token and guest session expiry, and the rate limit's window */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param seeded start with the demo users, catalogue and favorites (default true) */
        public Builder seeded(boolean seeded) {
            this.seeded = seeded;
            return this;
        }

        /** @param perSecond answer 429 (code 25) beyond this many requests per clock second; 0 for no limit */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /**
         * @param use answer an unapproved request token with 422 / code 41 instead of 401 / code 17 (TMDb documents
         *     both; which one it sends today is not known)
         */
        public Builder unapprovedTokenIs422(boolean use) {
            this.unapprovedIs422 = use;
            return this;
        }

        /** @param iterations password hash cost (1,000 by default: a fake, tuned for fast tests) */
        public Builder hashIterations(int iterations) {
            this.hashIterations = iterations;
            return this;
        }

        /** @return the fake, not started */
        public FakeTmdb build() {
            return new FakeTmdb(this);
        }
    }
}
