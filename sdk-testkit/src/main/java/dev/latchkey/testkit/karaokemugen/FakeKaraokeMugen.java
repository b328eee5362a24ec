package dev.latchkey.testkit.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.NameRule;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import dev.latchkey.testkit.internal.Admin;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.latchkey.testkit.FakeResponse;

/**
 * A stateful fake of the Karaoke Mugen App's users API, built from the research notes' reading of the app's source
 * ({@code kemono-karaokemugen.md} section 2), not from any client code.
 *
 * <ul>
 *   <li>{@code POST /api/command} with {@code {"cmd": NAME, "body": {"body": {...}, "authorization": JWT,
 *   "onlineAuthorization": JWT}}}: {@code login}, {@code loginGuest}, {@code checkAuth} and the 13 user commands, each
 *   behind the app's access checks (roles, web-app mode, optional auth).</li>
 *   <li>{@code POST /api/importFile}: a multipart upload with a raw {@code authorization} header; the file object it
 *   answers goes as {@code avatar} to the edit commands.</li>
 *   <li>Logins are trimmed, URI-decoded and lower-cased; passwords have at least 8 characters (411
 *   {@code PASSWORD_TOO_SHORT}); tokens are HS256 JWTs of {@code {username, role}} without expiry; the six-digit
 *   security code ({@link #securityCode()}) changes after each use.</li>
 *   <li>Online accounts ({@code name@instance}) are checked against a {@link FakeOnlineInstance} per instance
 *   ({@code kara.moe} is seeded).</li>
 * </ul>
 *
 * Passwords live on the testkit's {@link AccountStore}; profiles, types and tokens here ({@link KmState}). The
 * commands are {@link KmCommands}, the wire format {@link KmWire}. Each request runs holding the state's monitor.
 */
public final class FakeKaraokeMugen extends FakeServer<FakeKaraokeMugen> {
    /** The seeded operator (type 0). */
    public static final String OPERATOR = "admin";
    /** The seeded operator's password. */
    public static final String OPERATOR_PASSWORD = "admin-demo-pass";
    /** The seeded demo user (type 1, public, with an anime list). */
    public static final String DEMO_USER = "alice";
    /** The seeded demo user's password. */
    public static final String DEMO_PASSWORD = "alice-demo-pass";
    /** The seeded Karaoke Mugen Server instance. */
    public static final String INSTANCE = "kara.moe";
    /** The seeded online account on {@link #INSTANCE} (its local part). */
    public static final String ONLINE_USER = "axel";
    /** Its password on the instance. */
    public static final String ONLINE_PASSWORD = "axel-online-pass";
    /** How many songs match the demo user's anime list. */
    public static final int DEMO_ANIME_LIST_SIZE = 30;

    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final Pattern PART_TYPE = Pattern.compile("(?i)content-type:([^\r\n]*)");

    /** The rate limit counts requests per second of it. */
    private final java.time.Clock clock;
    private final boolean seeded;
    private final boolean verbose;
    private final KmState state;
    private final KmCommands commands;
    private final Router router;
    private final Admin admin = new Admin("karaokemugen")
            .kind("users", "a local user: type 0 operator, 1 user (the default), 2 guest",
                    "username, password, type:int?, public:bool?", e -> Map.of("id", addUser(e.text("username"),
                            e.text("password"), e.integer("type", KmCommands.USER), e.bool("public", true))))
            .kind("online_accounts", "an account on a Karaoke Mugen Server instance, for name@instance logins",
                    "instance, username, password, anime_ids:ints?", e -> {
                        addOnlineAccount(e.text("instance"), e.text("username"), e.text("password"),
                                e.integers("anime_ids", List.of()));
                        return Map.of("login", e.text("username") + "@" + e.text("instance"));
                    });

    private FakeKaraokeMugen(Builder b) {
        this.seeded = b.seeded();
        AccountStore accounts = AccountStore.builder().nameRule(NameRule.KARAOKE_MUGEN)
                // the app's own rule (8 characters, 411) is the commands'; a remote login skips it (noPasswordCheck)
                .passwordPolicy(PasswordPolicy.minLength(1)).clock(b.clock()).hashIterations(b.hashIterations()).build();
        this.state = new KmState(b.clock(), accounts);
        this.clock = b.clock();
        this.verbose = b.verbose;
        this.commands = new KmCommands(state);
        this.router = new Router(r -> KmWire.error(404, Responses.object().put("code", 404)),
                r -> KmWire.error(405, Responses.object().put("code", 405)))
                .add("POST", "/api/command", (r, p) -> command(r))
                .add("POST", "/api/importFile", (r, p) -> importFile(r));
        serve(router, admin);
        resetState();
    }

    /** @return a seeded fake with default settings (not started) */
    public static FakeKaraokeMugen create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "FakeKaraokeMugen";
    }

    @Override
    public String baseUrl() {
        return origin();
    }

    /**
     * @return the current security code as the app logs it, six digits ({@code padStart(6, '0')},
     *     app:src/services/auth.ts:58); the app keeps and compares it as a number
     */
    public String securityCode() {
        synchronized (state) {
            return String.format("%06d", state.securityCode);
        }
    }

    /** @return the current "NEW ACCOUNT CODE", six digits (app:src/services/auth.ts:62-67) */
    public String newAccountCode() {
        synchronized (state) {
            return String.format("%06d", state.newAccountCode);
        }
    }

    /** @param enabled whether online accounts ({@code name@instance}) are on (default true, the app's) */
    public void remoteUsers(boolean enabled) {
        synchronized (state) {
            state.remoteUsersEnabled = enabled;
        }
    }

    /** @param allow whether {@code loginGuest} with a {@code name} makes a temporary guest (default false) */
    public void allowCustomTemporaryGuests(boolean allow) {
        synchronized (state) {
            state.allowCustomTemporaryGuests = allow;
        }
    }

    /** @param mode the web-app mode: 0 closed, 1 limited, 2 open (the default) */
    public void webappMode(int mode) {
        synchronized (state) {
            state.webappMode = mode;
        }
    }

    /** @param allow whether guests may log in (default true) */
    public void allowGuestLogin(boolean allow) {
        synchronized (state) {
            state.allowGuestLogin = allow;
        }
    }

    /** @param allow whether anyone may create an account (default true) */
    public void allowUserCreation(boolean allow) {
        synchronized (state) {
            state.allowUserCreation = allow;
        }
    }

    /**
     * @param require whether a new account needs a code, the new-account code or the security code (default false);
     *     guests may then not log in
     */
    public void requireSecurityCodeForNewAccounts(boolean require) {
        synchronized (state) {
            state.requireSecurityCodeForNewAccounts = require;
        }
    }

    /**
     * @param name the instance's host name, for example {@code kara.moe}
     * @return the instance's fake, creating it on first use
     */
    public FakeOnlineInstance instance(String name) {
        synchronized (state) {
            return state.instances.computeIfAbsent(name, FakeOnlineInstance::new);
        }
    }

    /**
     * Adds a local user.
     *
     * @param login the login (lower case)
     * @param password the password
     * @param type 0 operator, 1 user, 2 guest
     * @param publicProfile whether non-operators see it
     * @return the user's id: Karaoke Mugen's is the login
     */
    public String addUser(String login, String password, int type, boolean publicProfile) {
        if (type < KmCommands.ADMIN || type > KmCommands.GUEST) {
            throw new IllegalArgumentException("a type is 0 (operator), 1 (user) or 2 (guest), not " + type);
        }
        synchronized (state) {
            if (state.user(login).isPresent()) {
                throw new IllegalArgumentException("a user " + login + " exists already");
            }
            state.add(login, password, type, login).flagPublic = publicProfile;
        }
        credential(userLine(login, password, type));
        return login;
    }

    private static String userLine(String login, String password, int type) {
        return (type == KmCommands.ADMIN ? "operator " : type == KmCommands.GUEST ? "guest " : "user ") + login
                + " / " + password;
    }

    /**
     * Adds an account on a Karaoke Mugen Server instance, for online logins ({@code name@instance}).
     *
     * @param instance the instance's host name, for example {@code kara.moe}
     * @param name the account's name there
     * @param password its password
     * @param animeIds its anime list
     */
    public void addOnlineAccount(String instance, String name, String password, List<Integer> animeIds) {
        instance(instance).addAccount(name, password, animeIds);
        credential("online account " + name + "@" + instance + " / " + password);
    }

    /**
     * Adds a local user with a public profile, as {@code createUser} makes one (the shape every fake has).
     *
     * @param login the login (lower case)
     * @param password the password
     * @return the user's id: Karaoke Mugen's is the login
     */
    public String addUser(String login, String password) {
        return addUser(login, password, 1, true);
    }

    /** @return the account store behind the fake, to add or inspect users directly */
    public AccountStore accounts() {
        synchronized (state) {
            return state.accounts;
        }
    }

    /**
     * Ends every token at once, as the app does when its JWT secret changes (its tokens never expire otherwise): the
     * next call with any of them is refused as a forged one (the app's HTML 500 page).
     *
     * @return how many accounts had tokens out: every user (the app keeps no list of tokens)
     */
    public int revokeSessions() {
        synchronized (state) {
            state.rotateJwtSecret();
            return state.users.size();
        }
    }

    /**
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @return a user's type (0, 1 or 2), or -1 if there is none by that login
     */
    public int userType(String login) {
        synchronized (state) {
            return state.user(login).map(u -> u.type).orElse(-1);
        }
    }

    /** @return every login, in creation order */
    public List<String> logins() {
        synchronized (state) {
            return List.copyOf(state.users.keySet());
        }
    }

    @Override
    protected void resetState() {
        synchronized (state) {
            state.clear();
            if (!seeded) {
                return;
            }
            state.add(OPERATOR, OPERATOR_PASSWORD, KmCommands.ADMIN, "Operator");
            credential(userLine(OPERATOR, OPERATOR_PASSWORD, KmCommands.ADMIN)
                    + " (and the security code, which changes after each use)");
            KmState.User alice = state.add(DEMO_USER, DEMO_PASSWORD, KmCommands.USER, "Alice");
            credential(userLine(DEMO_USER, DEMO_PASSWORD, KmCommands.USER));
            alice.animeListIds.addAll(List.of(1, 2, 3));
            state.add("bob", "bob-demo-pass", KmCommands.USER, "Bob").flagPublic = false;
            credential(userLine("bob", "bob-demo-pass", KmCommands.USER) + " (private profile)");
            for (String g : List.of("akari", "miku", "rin")) {
                // the app's default guests: created without flag_temporary, so NULL (app:src/dao/user.ts:48)
                state.add("guest-" + g, KmState.randomPassword(), KmCommands.GUEST,
                        Character.toUpperCase(g.charAt(0)) + g.substring(1));
            }
            for (int i = 1; i <= 60; i++) {
                int anime = (i - 1) / 10 + 1;
                state.karas.add(new KmState.Kara(new UUID(0x4b41524100000000L, i).toString(), "Song " + i,
                        "Anime " + anime, anime, 60 + i));
            }
            FakeOnlineInstance server = state.instances.computeIfAbsent(INSTANCE, FakeOnlineInstance::new);
            server.addAccount(ONLINE_USER, ONLINE_PASSWORD, List.of(2, 4));
            credential("online account " + ONLINE_USER + "@" + INSTANCE + " / " + ONLINE_PASSWORD);
        }
    }

    /** @return the commands {@code POST /api/command} runs (for the test that checks them all) */
    java.util.Set<String> commands() {
        return commands.names();
    }

    @Override
    protected java.time.Instant now() {
        return clock.instant();
    }

    @Override
    protected FakeResponse handle(FakeRequest request) {
        synchronized (state) {
            return router.route(request);
        }
    }

    /** {@code POST /api/command}: HTTP 200 on success, else {@code data.code} when it is a status, else 500. */
    private FakeResponse command(FakeRequest r) {
        JsonNode json = r.json().orElse(Responses.object());
        String cmd = json.path("cmd").isTextual() ? json.get("cmd").asText() : null;
        JsonNode apiData = json.path("body").isObject() ? json.get("body") : Responses.object();
        try {
            return KmWire.ok(commands.run(cmd, apiData));
        } catch (KmWire.Failure f) {
            if (f.htmlCode != null) {
                return KmWire.errorPage(f.htmlCode, verbose);
            }
            return KmWire.error(f.status >= 100 && f.status <= 599 ? f.status : 500, f.data);
        }
    }

    /**
     * {@code POST /api/importFile} (app:src/controllers/frontend/files.ts:16-21, middlewaresHTTP.ts:6-26): the raw JWT
     * in {@code authorization} (401 {@code {"code":"USER_UNKNOWN"}} without one, a forged one is Express's 500 page,
     * an unknown user 403), then multer's file object sent as text with {@code res.send(JSON.stringify(req.file))}:
     * {@code Content-Type: text/html}, and an empty body when no file came.
     */
    private FakeResponse importFile(FakeRequest r) {
        String token = r.header("authorization").orElse(null);
        ObjectNode unknown = Responses.object().put("code", "USER_UNKNOWN");
        if (token == null || token.isEmpty()) {
            return Responses.json(401, unknown, KmWire.JSON_TYPE);
        }
        java.util.Optional<JsonNode> claims = KmWire.verify(token, state.jwtSecret);
        if (claims.isEmpty()) {
            return KmWire.errorPage(KmWire.joseError(token).htmlCode, verbose);
        }
        boolean known = claims.get().path("username").isTextual() && state.user(claims.get().get("username").asText()
                .toLowerCase(java.util.Locale.ROOT)).isPresent();
        if (!known) {
            return Responses.json(403, unknown, KmWire.JSON_TYPE);
        }
        boolean multipart = r.header("Content-Type").map(t -> t.startsWith("multipart/form-data")).orElse(false);
        Matcher m = FILENAME.matcher(r.body());
        if (!multipart || !r.body().contains("name=\"file\"") || !m.find()) {
            return FakeResponse.builder().code(200).body("").build(); // res.send(undefined)
        }
        Matcher type = PART_TYPE.matcher(r.body());
        String stored = UUID.randomUUID().toString().replace("-", "");
        ObjectNode file = Responses.object().put("fieldname", "file").put("originalname", m.group(1))
                .put("encoding", "7bit").put("mimetype", type.find() ? type.group(1).strip()
                        : "application/octet-stream")
                .put("destination", "/tmp/karaokemugen").put("filename", stored)
                .put("path", "/tmp/karaokemugen/" + stored).put("size", r.body().length());
        state.files.put(stored, file);
        return Responses.text(200, file.toString(), "text/html; charset=utf-8");
    }

    /** Builds a {@link FakeKaraokeMugen}. */
    public static final class Builder extends dev.latchkey.testkit.FakeBuilder<Builder, FakeKaraokeMugen> {

        private boolean verbose;

        private Builder() {
        }

        /**
         * The app as started with {@code --verbose} (NODE_ENV=development, app:src/components/args.ts:59-62): its
         * HTML error pages show the error's stack, jose's code among it, instead of "Internal Server Error".
         *
         * @return this builder
         */
        public Builder verbose() {
            this.verbose = true;
            return this;
        }

        @Override
        public FakeKaraokeMugen build() {
            return new FakeKaraokeMugen(this);
        }
    }

}
