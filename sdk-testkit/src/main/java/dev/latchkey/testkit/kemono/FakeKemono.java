package dev.latchkey.testkit.kemono;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.DetailsExistException;
import dev.latchkey.testkit.accounts.InvalidLoginException;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;

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
 *   <li>The {@linkplain dev.latchkey.testkit.Faults#htmlChallenge HTML challenge} fault is DDoS-Guard's JS challenge
 *   page.</li>
 * </ul>
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
    /** Kemono's rule as the fake enforces it: at least 5 characters (the real rule is not documented). */
    public static final PasswordPolicy PASSWORD_POLICY = PasswordPolicy.minLength(5);

    static final String JSON_TYPE = "text/css; charset=utf-8";
    static final String DDG_MESSAGE = "If you want to scrape, use \"Accept: text/css\" header in your requests for "
            + "now. For whatever reason DDG does not like SPA and JSON, so we have to be funny. And you are no "
            + "exception to caching.";
    static final Set<String> SERVICES = Set.of("patreon", "fanbox", "fantia", "afdian", "boosty", "gumroad",
            "subscribestar", "dlsite", "discord", "onlyfans", "fansly", "candfans");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final boolean strictAccept;
    private final boolean seeded;
    private final AccountStore accounts;
    private final SecureRandom random = new SecureRandom();
    private final Random picker = new Random(42);
    private final Router router;

    private final Object lock = new Object();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> creators = new LinkedHashMap<>();
    private final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    private int nextAccountId;
    private long favedSeq;

    /** Kemono's own data about an account, beside the store's. */
    private static final class Member {
        final int id;
        final String role;
        final Instant createdAt;
        final Map<String, Long> favoriteCreators = new LinkedHashMap<>();
        final Map<String, Long> favoritePosts = new LinkedHashMap<>();

        Member(int id, String role, Instant createdAt) {
            this.id = id;
            this.role = role;
            this.createdAt = createdAt;
        }
    }

    private FakeKemono(Builder b) {
        this.clock = b.clock;
        this.strictAccept = b.strictAccept;
        this.seeded = b.seeded;
        this.accounts = AccountStore.builder().passwordPolicy(PASSWORD_POLICY).clock(clock)
                .hashIterations(b.hashIterations).build();
        this.router = new Router(r -> error(404, "Not Found"), r -> error(405, "Method Not Allowed"))
                .add("POST", "/api/v1/authentication/login", (r, p) -> login(r))
                .add("POST", "/api/v1/authentication/register", (r, p) -> register(r))
                .add("POST", "/api/v1/authentication/logout", (r, p) -> logout(r))
                .add("GET", "/api/v1/account", (r, p) -> account(r))
                .add("POST", "/api/v1/account/change_password", (r, p) -> changePassword(r))
                .add("GET", "/api/v1/account/favorites", (r, p) -> favorites(r))
                .add("GET", "/api/v1/account/moderator/tasks/creator_links", (r, p) -> moderatorTasks(r))
                .add("POST", "/api/v1/favorites/creator/{service}/{id}", (r, p) -> favoriteCreator(r, p, true))
                .add("DELETE", "/api/v1/favorites/creator/{service}/{id}", (r, p) -> favoriteCreator(r, p, false))
                .add("POST", "/api/v1/favorites/post/{service}/{id}/{post}", (r, p) -> favoritePost(r, p, true))
                .add("DELETE", "/api/v1/favorites/post/{service}/{id}/{post}", (r, p) -> favoritePost(r, p, false))
                .add("GET", "/api/v1/posts/random", (r, p) -> randomPost())
                .add("GET", "/api/v1/artists/random", (r, p) -> randomCreator())
                .add("GET", "/api/v1/{service}/user/{id}/profile", (r, p) -> profile(p))
                .add("GET", "/api/v1/{service}/user/{id}/post/{post}", (r, p) -> post(p))
                .add("GET", "/api/v1/{service}/post/{post}", (r, p) -> postById(p));
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
     */
    public void addUser(String username, String password, String role) {
        UserRecord u = accounts.createAccount(password, null, username);
        synchronized (lock) {
            members.put(u.userId(), new Member(++nextAccountId, role, u.createdAt()));
        }
    }

    /**
     * Adds a creator.
     *
     * @param service the service, for example {@code fanbox}
     * @param id the creator id on that service
     * @param name the display name
     */
    public void addCreator(String service, String id, String name) {
        String at = timestamp(clock.instant().minus(400, ChronoUnit.DAYS));
        ObjectNode c = Responses.object();
        c.put("id", id).put("name", name).put("service", service).put("indexed", at)
                .put("updated", timestamp(clock.instant().minus(3, ChronoUnit.DAYS))).put("public_id", name)
                .putNull("relation_id").put("post_count", 0).put("dm_count", 0).put("share_count", 0)
                .put("chat_count", 0).put("has_chats", false);
        synchronized (lock) {
            creators.put(key(service, id), c);
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
        synchronized (lock) {
            ObjectNode creator = creators.get(key(service, creatorId));
            if (creator == null) {
                throw new IllegalArgumentException("no creator " + service + "/" + creatorId);
            }
            String at = timestamp(clock.instant().minus(30 + posts.size(), ChronoUnit.DAYS));
            ObjectNode p = Responses.object();
            p.put("id", postId).put("user", creatorId).put("service", service).put("title", title)
                    .put("substring", title.length() > 50 ? title.substring(0, 50) : title)
                    .put("content", "<p>" + title + "</p>").put("added", at).put("published", at).putNull("edited");
            p.putArray("tags").add("demo");
            p.putObject("file").put("name", postId + ".png").put("path", "/data/" + postId + ".png");
            p.putArray("attachments").addObject().put("name", postId + ".zip").put("path", "/data/" + postId + ".zip");
            p.putNull("poll");
            p.putNull("incomplete_rewards");
            posts.put(key(service, creatorId, postId), p);
            creator.put("post_count", creator.get("post_count").asInt() + 1);
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
        Member m = member(accounts.toUser(username).userId());
        for (int i = 0; i < count; i++) {
            String id = "bulk-" + i;
            synchronized (lock) {
                if (!creators.containsKey(key("fanbox", id))) {
                    ObjectNode c = Responses.object();
                    c.put("id", id).put("name", "Bulk creator " + i).put("service", "fanbox")
                            .put("indexed", "2021-04-02T23:50:57.138135").put("updated", "2025-08-01T00:00:00")
                            .put("public_id", "bulk" + i).putNull("relation_id").put("post_count", 0);
                    creators.put(key("fanbox", id), c);
                }
                m.favoriteCreators.putIfAbsent(key("fanbox", id), ++favedSeq);
            }
        }
    }

    /** @return the live session cookies (for tests that check logout) */
    public int activeSessions() {
        return sessions.size();
    }

    @Override
    protected void resetState() {
        synchronized (lock) {
            accounts.clear();
            members.clear();
            sessions.clear();
            creators.clear();
            posts.clear();
            nextAccountId = 0;
            favedSeq = 0;
        }
        if (seeded) {
            seed();
        }
    }

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
        for (String k : List.copyOf(creators.keySet())) {
            ObjectNode c = creators.get(k);
            for (int i = 1; i <= 3; i++) {
                addPost(c.get("service").asText(), c.get("id").asText(), String.valueOf(1000 + ++n),
                        c.get("name").asText() + " — update " + i);
            }
        }
        Member alice = member(accounts.toUser(DEMO_USER).userId());
        synchronized (lock) {
            alice.favoriteCreators.put(key("fanbox", "6993449"), ++favedSeq);
            alice.favoriteCreators.put(key("patreon", "2358512"), ++favedSeq);
            alice.favoritePosts.put(key("fanbox", "6993449", "1001"), ++favedSeq);
        }
    }

    @Override
    protected MockResponse challengePage(MockResponse ignored) {
        return new MockResponse.Builder().code(403).setHeader("Server", "ddos-guard")
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setHeader("Set-Cookie", "__ddg1_=" + newToken().substring(0, 20) + "; Path=/; HttpOnly")
                .body("<!DOCTYPE html><html><head><title>DDoS-Guard</title></head><body>"
                        + "<script src=\"/.well-known/ddos-guard/js-challenge/index.js\"></script>"
                        + "<p>Checking your browser before accessing kemono.cr.</p></body></html>").build();
    }

    @Override
    protected MockResponse handle(FakeRequest request) {
        if (strictAccept && !request.header("Accept").map(a -> a.contains("text/css")).orElse(false)) {
            return new MockResponse.Builder().code(403).setHeader("Server", "ddos-guard")
                    .setHeader("Content-Type", "application/octet-stream").body(DDG_MESSAGE).build();
        }
        return router.route(request);
    }

    // --- endpoints ---------------------------------------------------------------------------------------------

    private MockResponse login(FakeRequest r) {
        if (currentUser(r).isPresent()) {
            return error(409, "You are already logged in");
        }
        String username = r.jsonText("username").orElse("");
        String password = r.jsonText("password").orElse("");
        if (username.isBlank()) {
            return error(400, "Username cannot be empty");
        }
        if (password.isEmpty()) {
            return error(400, "Password cannot be empty");
        }
        UserRecord user;
        try {
            user = accounts.login(username, password, false);
        } catch (AccountException e) {
            return error(400, "Username or password is incorrect");
        }
        String token = newToken();
        sessions.put(token, user.userId());
        MockResponse ok = Responses.json(200, accountJson(user), JSON_TYPE);
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        return ok.newBuilder().addHeader("Set-Cookie", "session=" + token + "; Expires=" + expires
                + "; HttpOnly; Path=/; SameSite=Lax").build();
    }

    private MockResponse register(FakeRequest r) {
        String username = r.jsonText("username").orElse("");
        String password = r.jsonText("password").orElse("");
        String confirm = r.jsonText("confirm_password").orElse("");
        if (username.isBlank()) {
            return error(400, "Username cannot be empty");
        }
        if (password.isEmpty()) {
            return error(400, "Password cannot be empty");
        }
        if (!password.equals(confirm)) {
            return error(400, "Passwords do not match");
        }
        try {
            UserRecord u = accounts.createAccount(password, null, username);
            synchronized (lock) {
                members.put(u.userId(), new Member(++nextAccountId, "consumer", u.createdAt()));
            }
        } catch (DetailsExistException e) {
            return error(409, "Username already taken");
        } catch (AccountException e) {
            return error(400, e.getMessage());
        }
        return Responses.text(200, "true", JSON_TYPE);
    }

    private MockResponse logout(FakeRequest r) {
        r.cookie("session").ifPresent(sessions::remove);
        return Responses.text(200, "true", JSON_TYPE)
                .newBuilder().addHeader("Set-Cookie", "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/")
                .build();
    }

    private MockResponse account(FakeRequest r) {
        Optional<UserRecord> user = currentUser(r);
        if (user.isEmpty()) {
            return unauthorized();
        }
        ObjectNode body = Responses.object();
        ObjectNode props = body.putObject("props");
        props.put("currentPage", "account").put("title", "Your account page");
        props.set("account", accountJson(user.get()));
        props.put("notifications_count", 0);
        return Responses.json(200, body, JSON_TYPE);
    }

    private MockResponse changePassword(FakeRequest r) {
        Optional<UserRecord> user = currentUser(r);
        if (user.isEmpty()) {
            return unauthorized();
        }
        String current = r.jsonText("current-password").orElse("");
        String next = r.jsonText("new-password").orElse("");
        String confirm = r.jsonText("new-password-confirmation").orElse("");
        if (current.isEmpty() || next.isEmpty()) {
            return error(400, "Current and new password are required");
        }
        if (!next.equals(confirm)) {
            return error(400, "New passwords do not match");
        }
        try {
            accounts.user(user.get().userId()).updatePassword(current, next);
        } catch (InvalidLoginException e) {
            return error(400, "Current password is incorrect");
        } catch (AccountException e) {
            return error(400, e.getMessage());
        }
        return Responses.text(200, "true", JSON_TYPE);
    }

    private MockResponse favorites(FakeRequest r) {
        Optional<Member> m = currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        String type = r.query("type").orElse("artist");
        ArrayNode out = Responses.array();
        synchronized (lock) {
            if (type.equals("artist")) {
                m.get().favoriteCreators.forEach((k, seq) -> {
                    ObjectNode c = creators.get(k);
                    if (c != null) {
                        ObjectNode item = out.addObject();
                        item.put("faved_seq", seq).put("id", c.get("id").asText())
                                .put("indexed", c.get("indexed").asText()).put("last_imported",
                                        c.get("updated").asText()).put("name", c.get("name").asText())
                                .put("public_id", c.get("public_id").asText()).putNull("relation_id")
                                .put("service", c.get("service").asText()).put("updated", c.get("updated").asText());
                    }
                });
            } else if (type.equals("post")) {
                m.get().favoritePosts.forEach((k, seq) -> {
                    ObjectNode p = posts.get(k);
                    if (p != null) {
                        ObjectNode item = p.deepCopy();
                        item.put("faved_seq", seq).put("fav_count", favCount(k));
                        out.add(item);
                    }
                });
            } else {
                return error(400, "Invalid type: use artist or post");
            }
        }
        return Responses.json(200, out, JSON_TYPE);
    }

    private MockResponse moderatorTasks(FakeRequest r) {
        Optional<Member> m = currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        if (m.get().role.equals("consumer")) {
            return error(404, "Not Found"); // Kemono hides moderator pages behind 404, not 403
        }
        return Responses.json(200, Responses.array(), JSON_TYPE);
    }

    private MockResponse favoriteCreator(FakeRequest r, Map<String, String> p, boolean add) {
        Optional<Member> m = currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        String k = key(p.get("service"), p.get("id"));
        synchronized (lock) {
            if (!creators.containsKey(k)) {
                return error(404, "Creator not found.");
            }
            if (add) {
                m.get().favoriteCreators.putIfAbsent(k, ++favedSeq);
            } else {
                m.get().favoriteCreators.remove(k);
            }
        }
        return Responses.text(200, "", JSON_TYPE);
    }

    private MockResponse favoritePost(FakeRequest r, Map<String, String> p, boolean add) {
        Optional<Member> m = currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        String k = key(p.get("service"), p.get("id"), p.get("post"));
        synchronized (lock) {
            if (!posts.containsKey(k)) {
                return error(404, "Post not found.");
            }
            if (add) {
                m.get().favoritePosts.putIfAbsent(k, ++favedSeq);
            } else {
                m.get().favoritePosts.remove(k);
            }
        }
        return Responses.text(200, "", JSON_TYPE);
    }

    private MockResponse randomPost() {
        synchronized (lock) {
            if (posts.isEmpty()) {
                return error(404, "No random post found.");
            }
            ObjectNode p = new ArrayList<>(posts.values()).get(picker.nextInt(posts.size()));
            ObjectNode out = Responses.object();
            out.put("service", p.get("service").asText()).put("artist_id", p.get("user").asText())
                    .put("post_id", p.get("id").asText());
            return Responses.json(200, out, JSON_TYPE);
        }
    }

    private MockResponse randomCreator() {
        synchronized (lock) {
            if (creators.isEmpty()) {
                return error(404, "No random artist found.");
            }
            ObjectNode c = new ArrayList<>(creators.values()).get(picker.nextInt(creators.size()));
            ObjectNode out = Responses.object();
            out.put("service", c.get("service").asText()).put("artist_id", c.get("id").asText());
            return Responses.json(200, out, JSON_TYPE);
        }
    }

    private MockResponse profile(Map<String, String> p) {
        synchronized (lock) {
            ObjectNode c = SERVICES.contains(p.get("service")) ? creators.get(key(p.get("service"), p.get("id")))
                    : null;
            return c == null ? error(404, "Creator not found.") : Responses.json(200, c, JSON_TYPE);
        }
    }

    private MockResponse post(Map<String, String> p) {
        synchronized (lock) {
            ObjectNode post = posts.get(key(p.get("service"), p.get("id"), p.get("post")));
            return post == null ? error(404, "Post not found.") : Responses.json(200, postEnvelope(post), JSON_TYPE);
        }
    }

    private MockResponse postById(Map<String, String> p) {
        synchronized (lock) {
            for (ObjectNode post : posts.values()) {
                if (post.get("service").asText().equals(p.get("service"))
                        && post.get("id").asText().equals(p.get("post"))) {
                    ObjectNode env = postEnvelope(post);
                    env.put("artist_id", post.get("user").asText());
                    return Responses.json(200, env, JSON_TYPE);
                }
            }
            return error(404, "Post not found.");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static ObjectNode postEnvelope(ObjectNode post) {
        ObjectNode env = Responses.object();
        env.set("post", post.deepCopy());
        env.putArray("attachments");
        env.putArray("previews");
        env.putArray("videos");
        env.putObject("props").put("service", post.get("service").asText());
        return env;
    }

    private int favCount(String postKey) {
        int n = 0;
        for (Member m : members.values()) {
            if (m.favoritePosts.containsKey(postKey)) {
                n++;
            }
        }
        return n;
    }

    private JsonNode accountJson(UserRecord user) {
        Member m = member(user.userId());
        ObjectNode a = Responses.object();
        a.put("id", m.id).put("username", user.name().orElse(user.displayName()))
                .put("created_at", timestamp(m.createdAt)).put("role", m.role);
        return a;
    }

    private Member member(String userId) {
        Member m = members.get(userId);
        if (m == null) {
            throw new IllegalStateException("no Kemono data for user " + userId);
        }
        return m;
    }

    private Optional<UserRecord> currentUser(FakeRequest r) {
        return r.cookie("session").map(sessions::get).flatMap(id -> {
            try {
                return Optional.of(accounts.user(id).get());
            } catch (AccountException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<Member> currentMember(FakeRequest r) {
        return currentUser(r).map(u -> members.get(u.userId())).filter(Objects::nonNull);
    }

    private static MockResponse error(int status, String message) {
        return Responses.json(status, Responses.object().put("error", message), JSON_TYPE);
    }

    private static MockResponse unauthorized() {
        return new MockResponse.Builder().code(401).setHeader("Content-Type", JSON_TYPE).body("").build();
    }

    private String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return B64URL.encodeToString(b);
    }

    private static String timestamp(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(MICROS);
    }

    private static String key(String... parts) {
        return String.join("/", parts);
    }

    /** Builds a {@link FakeKemono}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean strictAccept;
        private boolean seeded = true;
        private int hashIterations = 1_000;

        private Builder() {
        }

        /** @param clock the clock for timestamps and code expiry */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param strict answer requests without {@code Accept: text/css} with DDoS-Guard's 403, as the real site */
        public Builder strictAccept(boolean strict) {
            this.strictAccept = strict;
            return this;
        }

        /** @param seeded start with the demo users, creators and posts (default true) */
        public Builder seeded(boolean seeded) {
            this.seeded = seeded;
            return this;
        }

        /** @param iterations password hash cost (1,000 by default: a fake, tuned for fast tests) */
        public Builder hashIterations(int iterations) {
            this.hashIterations = iterations;
            return this;
        }

        /** @return the fake, not started */
        public FakeKemono build() {
            return new FakeKemono(this);
        }
    }
}
