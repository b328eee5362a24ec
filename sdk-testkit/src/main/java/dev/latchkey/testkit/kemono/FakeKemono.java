package dev.latchkey.testkit.kemono;

import static dev.latchkey.testkit.kemono.KemonoWire.error;
import static dev.latchkey.testkit.kemono.KemonoWire.key;
import static dev.latchkey.testkit.kemono.KemonoWire.timestamp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.NameRule;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.internal.Admin;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.latchkey.testkit.FakeResponse;

/**
 * A stateful fake of Kemono's account API (kemono.cr and coomer.st), built from the wire format documented in
 * Latchkey's research notes (section 1 of {@code kemono-karaokemugen.md}), not from any client code.
 *
 * <ul>
 *   <li>Base URL {@link #baseUrl()} is {@code http://127.0.0.1:PORT/api}; paths are {@code /v1/...}.</li>
 *   <li>JSON is served as {@code text/css}, as the real site does behind DDoS-Guard. In {@linkplain
 *   Builder#strictAccept strict mode}, a request without {@code Accept: text/css} gets the real 403 from
 *   {@code Server: ddos-guard}.</li>
 *   <li>Login sets the {@code session} cookie; errors are {@code {"error": "..."}}; an endpoint that needs a session
 *   answers 401 with an empty body without one.</li>
 *   <li>The {@linkplain dev.latchkey.testkit.Faults.Builder#htmlChallenge() HTML challenge} fault is DDoS-Guard's JS challenge
 *   page.</li>
 * </ul>
 *
 * <p>The route table below is the fake's index: {@link KemonoAuthRoutes} answers login, register, logout and the
 * account, {@link KemonoFavoriteRoutes} the favorites, {@link KemonoCreatorRoutes} the public creator and post
 * endpoints, all on one {@link KemonoState}, in Kemono's wire format ({@link KemonoWire}). Each request runs holding
 * the state's monitor, so handlers take no locks of their own.
 */
public final class FakeKemono extends FakeServer<FakeKemono> {
    /** The seeded demo user. */
    public static final String DEMO_USER = "alice";
    /** The seeded demo user's password. */
    public static final String DEMO_PASSWORD = "alice-demo-pass";
    /** A seeded moderator. */
    public static final String DEMO_MODERATOR = "mod";
    /** The seeded moderator's password. */
    public static final String DEMO_MODERATOR_PASSWORD = "mod-demo-pass";
    /**
     * Kemono2's rule: none but "not blank after stripping", which the register route checks
     * (src/pages/account/blueprint.py:198-200); the store takes any non-empty password.
     */
    public static final PasswordPolicy PASSWORD_POLICY = PasswordPolicy.minLength(1);
    /**
     * The passwords the fake's stand-in for Have I Been Pwned refuses at registration. The real check asks
     * api.pwnedpasswords.com (src/lib/security.py:10-23); this short list of the most breached passwords is our choice.
     */
    public static final Set<String> BREACHED_PASSWORDS = Set.of("password", "123456", "12345678", "123456789",
            "qwerty", "abc123", "password1", "111111", "letmein", "iloveyou");

    static final String DDG_MESSAGE = "If you want to scrape, use \"Accept: text/css\" header in your requests for "
            + "now. For whatever reason DDG does not like SPA and JSON, so we have to be funny. And you are no "
            + "exception to caching.";
    static final Set<String> SERVICES = Set.of("patreon", "fanbox", "fantia", "afdian", "boosty", "gumroad",
            "subscribestar", "dlsite", "discord", "onlyfans", "fansly", "candfans");

    private final Clock clock;
    private final boolean strictAccept;
    private final boolean ddosGuard;
    /** The {@code __ddg2_} values of browsers that solved the challenge ({@link #passDdosGuard}). */
    private final java.util.Set<String> ddgCleared = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final boolean flask2023;
    private final boolean seeded;
    private final AccountStore accounts;
    private final KemonoState state;
    private final Router router;
    private final Admin admin;

    private FakeKemono(Builder b) {
        this.clock = b.clock();
        this.strictAccept = b.strictAccept;
        this.ddosGuard = b.ddosGuard;
        this.flask2023 = b.flask2023;
        this.seeded = b.seeded();
        this.accounts = AccountStore.builder().nameRule(NameRule.KEMONO).caseSensitiveNames()
                .passwordPolicy(PASSWORD_POLICY).clock(clock)
                .hashIterations(b.hashIterations()).build();
        this.state = new KemonoState(accounts);
        KemonoAuthRoutes auth = new KemonoAuthRoutes(state, clock);
        KemonoFavoriteRoutes favorites = new KemonoFavoriteRoutes(state);
        KemonoCreatorRoutes creators = new KemonoCreatorRoutes(state);
        this.router = new Router(r -> error(404, "Not Found"), r -> error(405, "Method Not Allowed"))
                .add("POST", "/api/v1/authentication/login", auth::login)
                .add("POST", "/api/v1/authentication/register", auth::register)
                .add("POST", "/api/v1/authentication/logout", auth::logout)
                .add("GET", "/api/v1/account", auth::account)
                .add("POST", "/api/v1/account/change_password", auth::changePassword)
                .add("GET", "/api/v1/account/favorites", favorites::list)
                .add("GET", "/api/v1/account/moderator/tasks/creator_links", favorites::moderatorTasks)
                .add("POST", "/api/v1/favorites/creator/{service}/{id}", (r, p) -> favorites.creator(r, p, true))
                .add("DELETE", "/api/v1/favorites/creator/{service}/{id}", (r, p) -> favorites.creator(r, p, false))
                .add("POST", "/api/v1/favorites/post/{service}/{id}/{post}", (r, p) -> favorites.post(r, p, true))
                .add("DELETE", "/api/v1/favorites/post/{service}/{id}/{post}", (r, p) -> favorites.post(r, p, false))
                .add("GET", "/api/v1/posts/random", creators::randomPost)
                .add("GET", "/api/v1/artists/random", creators::randomCreator)
                .add("GET", "/api/v1/{service}/user/{id}/profile", creators::profile)
                .add("GET", "/api/v1/{service}/user/{id}/post/{post}", creators::post)
                .add("GET", "/api/v1/{service}/post/{post}", creators::postById);
        this.admin = new Admin("kemono")
                .kind("users", "a registered user (role consumer, moderator or administrator)",
                        "username, password, role?", e -> Map.of("id", Integer.parseInt(
                                addUser(e.text("username"), e.text("password"), e.text("role", "consumer")))))
                .kind("creators", "a creator on a service (" + String.join(", ", new java.util.TreeSet<>(SERVICES))
                        + ")", "service, id, name", e -> {
                            addCreator(e.text("service"), e.text("id"), e.text("name"));
                            return Map.of();
                        })
                .kind("posts", "a post of a creator added before", "service, creator_id, id, title", e -> {
                    addPost(e.text("service"), e.text("creator_id"), e.text("id"), e.text("title"));
                    return Map.of();
                })
                .kind("favorites", "a creator, or with post_id one of its posts, among a user's favorites",
                        "username, service, creator_id, post_id?", e -> {
                            addFavorite(e.text("username"), e.text("service"), e.text("creator_id"),
                                    e.text("post_id", null));
                            return Map.of();
                        });
        serve(router, admin);
        resetState();
    }

    /** @return a seeded fake with default settings (not started) */
    public static FakeKemono create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "FakeKemono";
    }

    @Override
    public String baseUrl() {
        return rootUrl().resolve("/api").toString();
    }

    /**
     * A browser solves DDoS-Guard's challenge: the cookies it then holds for the site, which pass the fake's
     * {@linkplain Builder#ddosGuard DDoS-Guard mode} from now on (write them to a cookies.txt, as a browser extension
     * would). Reset forgets them.
     *
     * @return the cookies, {@code __ddg1_} and {@code __ddg2_}, by name
     */
    public Map<String, String> passDdosGuard() {
        String two = KemonoWire.newToken().substring(0, 24);
        ddgCleared.add(two);
        return Map.of("__ddg1_", KemonoWire.newToken().substring(0, 20), "__ddg2_", two);
    }

    /** @return the account store behind the fake, to add or inspect users directly */
    public AccountStore accounts() {
        return accounts;
    }

    /**
     * Adds a user as if registered, with a role.
     *
     * @param username the name
     * @param password the password
     * @param role {@code consumer}, {@code moderator} or {@code administrator}
     * @return the account's id
     */
    public String addUser(String username, String password, String role) {
        if (!Set.of("consumer", "moderator", "administrator").contains(role)) {
            throw new IllegalArgumentException("a role is consumer, moderator or administrator, not " + role);
        }
        dev.latchkey.testkit.accounts.UserRecord u = accounts.createAccount(password, null, username);
        synchronized (state) {
            state.addMember(u, role);
            credential("user " + username + " / " + password + (role.equals("consumer") ? "" : " (" + role + ")"));
            return String.valueOf(state.member(u.userId()).id);
        }
    }

    /**
     * Adds a user as if registered, a consumer (the shape every fake has).
     *
     * @param username the name
     * @param password the password
     * @return the account's id
     */
    public String addUser(String username, String password) {
        return addUser(username, password, "consumer");
    }

    /**
     * Adds a creator.
     *
     * @param service the service, for example {@code fanbox}
     * @param id the creator id on that service
     * @param name the display name
     */
    public void addCreator(String service, String id, String name) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("no service " + service + "; Kemono's are "
                    + String.join(", ", new java.util.TreeSet<>(SERVICES)));
        }
        String at = timestamp(clock.instant().minus(400, ChronoUnit.DAYS));
        ObjectNode c = Responses.object();
        c.put("id", id).put("name", name).put("service", service).put("indexed", at)
                .put("updated", timestamp(clock.instant().minus(3, ChronoUnit.DAYS))).put("public_id", name)
                .putNull("relation_id").put("post_count", 0).put("dm_count", 0).put("share_count", 0)
                .put("chat_count", 0).put("has_chats", false);
        synchronized (state) {
            state.creators.put(key(service, id), c);
        }
    }

    /**
     * Adds a post of an existing creator.
     *
     * @param service the service
     * @param creatorId the creator id
     * @param postId the post id
     * @param title the title
     */
    public void addPost(String service, String creatorId, String postId, String title) {
        synchronized (state) {
            ObjectNode creator = state.creator(service, creatorId);
            if (creator == null) {
                throw new IllegalArgumentException("no creator " + service + "/" + creatorId);
            }
            String at = timestamp(clock.instant().minus(30 + state.posts.size(), ChronoUnit.DAYS));
            ObjectNode p = Responses.object();
            p.put("id", postId).put("user", creatorId).put("service", service).put("title", title)
                    .put("substring", title.length() > 50 ? title.substring(0, 50) : title)
                    .put("content", "<p>" + title + "</p>").put("added", at).put("published", at).putNull("edited");
            p.putArray("tags").add("demo");
            p.putObject("file").put("name", postId + ".png").put("path", "/data/" + postId + ".png");
            p.putArray("attachments").addObject().put("name", postId + ".zip").put("path", "/data/" + postId + ".zip");
            p.putNull("poll");
            p.putNull("incomplete_rewards");
            state.posts.put(key(service, creatorId, postId), p);
            creator.put("post_count", creator.get("post_count").asInt() + 1);
        }
    }

    /**
     * Puts a creator, or one of its posts, among a user's favorites, as if they had clicked the star.
     *
     * @param username the user
     * @param service the creator's service
     * @param creatorId the creator's id
     * @param postId the post's id, or {@code null} for the creator itself
     */
    public void addFavorite(String username, String service, String creatorId, String postId) {
        synchronized (state) {
            KemonoState.Member m = state.member(accounts.toUser(username).userId());
            if (state.creator(service, creatorId) == null) {
                throw new IllegalArgumentException("no creator " + service + "/" + creatorId + "; add it first");
            }
            if (postId == null) {
                m.favoriteCreators.put(key(service, creatorId), state.nextFavedSeq());
            } else if (!state.posts.containsKey(key(service, creatorId, postId))) {
                throw new IllegalArgumentException("no post " + service + "/" + creatorId + "/" + postId
                        + "; add it first");
            } else {
                m.favoritePosts.put(key(service, creatorId, postId), state.nextFavedSeq());
            }
        }
    }

    /**
     * Makes a user favorite many creators at once (for large-list tests and benchmarks): creates {@code count}
     * creators {@code bulk-0 ... bulk-(count-1)} on fanbox if missing, and favorites each.
     *
     * @param username the user
     * @param count how many
     */
    public void addBulkFavoriteCreators(String username, int count) {
        synchronized (state) {
            KemonoState.Member m = state.member(accounts.toUser(username).userId());
            for (int i = 0; i < count; i++) {
                String id = "bulk-" + i;
                state.creators.computeIfAbsent(key("fanbox", id), k -> Responses.object().put("id", id)
                        .put("name", "Bulk creator " + id.substring(5)).put("service", "fanbox")
                        .put("indexed", "2021-04-02T23:50:57.138135").put("updated", "2025-08-01T00:00:00")
                        .put("public_id", "bulk" + id.substring(5)).putNull("relation_id").put("post_count", 0));
                m.favoriteCreators.putIfAbsent(key("fanbox", id), state.nextFavedSeq());
            }
        }
    }

    /**
     * Ends every live session at once, as Kemono does when it expires or revokes them: the next call with any of
     * those cookies is answered 401.
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

    /**
     * @param on whether registration refuses passwords found in a breach ({@code ENABLE_PASSWORD_VALIDATOR}, on in
     *     Kemono2's server.py:77; default on). Reset before each test.
     */
    public void passwordValidator(boolean on) {
        synchronized (state) {
            state.passwordValidator = on;
        }
    }

    /**
     * @param on whether logins are limited to 10 per account in 300 s ({@code ENABLE_LOGIN_RATE_LIMITING}, on in
     *     Kemono2's server.py:78; default on). Reset before each test.
     */
    public void loginRateLimiting(boolean on) {
        synchronized (state) {
            state.loginRateLimiting = on;
        }
    }

    /** @return the live session cookies (for tests that check logout) */
    public int activeSessions() {
        synchronized (state) {
            return state.sessions.size();
        }
    }

    @Override
    protected void resetState() {
        ddgCleared.clear();
        synchronized (state) {
            state.clear();
            state.flask2023 = flask2023;
            if (seeded) {
                seed();
            }
        }
    }

    /** Alice (two favorite creators and a post) and a moderator; six creators with three posts each. */
    private void seed() {
        addUser(DEMO_USER, DEMO_PASSWORD, "consumer");
        addUser(DEMO_MODERATOR, DEMO_MODERATOR_PASSWORD, "moderator");
        addCreator("fanbox", "6993449", "someone");
        addCreator("fanbox", "49494721", "soso");
        addCreator("patreon", "2358512", "artsy");
        addCreator("fantia", "12345", "mochi");
        addCreator("subscribestar", "lumen", "lumen");
        addCreator("gumroad", "93572", "kitbash");
        int n = 0;
        for (String k : List.copyOf(state.creators.keySet())) {
            ObjectNode c = state.creators.get(k);
            for (int i = 1; i <= 3; i++) {
                addPost(c.get("service").asText(), c.get("id").asText(), String.valueOf(1000 + ++n),
                        c.get("name").asText() + " — update " + i);
            }
        }
        // A creator without posts: its favorite shows updated = datetime.min (src/lib/artist.py:239); its
        // relation_id is a number, as today's site sends it (Kemonos' FavoriteArtistDto).
        addCreator("fanbox", "7777", "quiet");
        state.creators.get(key("fanbox", "7777")).put("relation_id", 91);
        KemonoState.Member alice = state.member(accounts.toUser(DEMO_USER).userId());
        alice.favoriteCreators.put(key("fanbox", "6993449"), state.nextFavedSeq());
        alice.favoriteCreators.put(key("patreon", "2358512"), state.nextFavedSeq());
        alice.favoritePosts.put(key("fanbox", "6993449", "1001"), state.nextFavedSeq());
    }

    @Override
    protected FakeResponse challengePage(FakeResponse ignored) {
        return FakeResponse.builder().code(403).setHeader("Server", "ddos-guard")
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setHeader("Set-Cookie", "__ddg1_=" + KemonoWire.newToken().substring(0, 20) + "; Path=/; HttpOnly")
                .body("<!DOCTYPE html><html><head><title>DDoS-Guard</title></head><body>"
                        + "<script src=\"/.well-known/ddos-guard/js-challenge/index.js\"></script>"
                        + "<p>Checking your browser before accessing kemono.cr.</p></body></html>").build();
    }

    @Override
    protected java.time.Instant now() {
        return clock.instant();
    }

    @Override
    protected FakeResponse handle(FakeRequest request) {
        if (ddosGuard && !request.cookie("__ddg2_").map(ddgCleared::contains).orElse(false)) {
            // No browser solved the challenge for these cookies: the JS challenge page, and a fresh __ddg1_.
            return challengePage(null);
        }
        if (strictAccept && !request.header("Accept").map(a -> a.contains("text/css")).orElse(false)) {
            return FakeResponse.builder().code(403).setHeader("Server", "ddos-guard")
                    .setHeader("Content-Type", "application/octet-stream").body(DDG_MESSAGE).build();
        }
        FakeResponse answer;
        synchronized (state) {
            answer = router.route(request);
        }
        if (ddosGuard && request.cookie("__ddg9_").isEmpty()) {
            // DDoS-Guard sets its own cookies on the way through (__ddg9_, as on the live site); a client that
            // keeps them sends them back. Own choice: the value (the real one holds the client's address).
            answer = answer.newBuilder().addHeader("Set-Cookie", "__ddg9_=" + KemonoWire.newToken().substring(0, 16)
                    + "; Path=/; Max-Age=31536000").build();
        }
        return answer;
    }

    /** @return how many requests carried DDoS-Guard's {@code __ddg9_} cookie back (DDoS-Guard mode) */
    public int ddosGuardCookiesReturned() {
        return (int) calls().stream().filter(c -> c.headers().values("Cookie").stream()
                .anyMatch(v -> v.contains("__ddg9_="))).count();
    }

    /** Builds a {@link FakeKemono}. */
    public static final class Builder extends dev.latchkey.testkit.FakeBuilder<Builder, FakeKemono> {
        private boolean strictAccept;
        private boolean flask2023;
        private boolean ddosGuard;

        private Builder() {
        }


        /**
         * @param strict answer requests without {@code Accept: text/css} with DDoS-Guard's 403, as the real site
         * @return this builder
         */
        public Builder strictAccept(boolean strict) {
            this.strictAccept = strict;
            return this;
        }



        /**
         * DDoS-Guard in front of every route, as users of gallery-dl meet it (mikf/gallery-dl#1370, #7634): a request
         * without the {@code __ddg2_} cookie of a browser that solved the challenge ({@link FakeKemono#passDdosGuard})
         * gets the JS challenge page, 403 with {@code Server: ddos-guard} and a fresh {@code __ddg1_} cookie.
         * Own choice: which cookie the fake checks; the real check is not public.
         *
         * @param on whether the challenge stands in front of the site
         * @return this builder
         */
        public Builder ddosGuard(boolean on) {
            this.ddosGuard = on;
            return this;
        }

        /**
         * The site as Kemono2's newest public source builds it (KaneTW/Kemono2 @ 2cf7a32, 2023-03-23, Flask 2.0):
         * dates as HTTP dates ({@code Fri, 02 Apr 2021 23:50:57 GMT}, {@code jsonify}), and the random post and creator
         * as 302 redirects to their pages. By default the fake answers as today's site does, as live clients show it.
         *
         * @return this builder
         */
        public Builder kemono2In2023() {
            this.flask2023 = true;
            return this;
        }

        @Override
        public FakeKemono build() {
            return new FakeKemono(this);
        }
    }
}
