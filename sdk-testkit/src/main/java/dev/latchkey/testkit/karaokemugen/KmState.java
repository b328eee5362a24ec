package dev.latchkey.testkit.karaokemugen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.internal.Responses;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything {@link FakeKaraokeMugen} remembers: its settings, the users (profiles here, passwords on the account
 * store), the security code, the karaoke catalogue and the online instances. Not thread-safe by itself: the fake runs
 * every request and every hook holding this object's monitor.
 */
final class KmState {
    /** The local part of a login (research 2.5, {@code userRegexp}). */
    static final Pattern LOCAL_PART = Pattern.compile("^[a-zA-Z0-9_.-]*$");
    /** "Logged in" means a login within the last 15 minutes (research 2.5, {@code flag_logged_in}). */
    static final Duration LOGGED_IN_WINDOW = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A JavaScript {@code Date} in JSON: UTC, milliseconds, {@code Z} (a Postgres timestamptz through node-pg). */
    static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A user of the app (research 2.5). */
    static final class User {
        String login;
        int type;
        String nickname;
        String storeName;
        String avatarFile = "blank.png";
        Instant lastLoginAt = Instant.EPOCH;
        /** NULL for every account but temporary guests: insertUser passes it undefined (app:src/dao/user.ts:48). */
        Boolean flagTemporary;
        boolean flagPublic = true;
        boolean flagTutorialDone;
        String bio;
        String url;
        String email;
        String language;
        /** NULL until an edit sets them: the INSERT leaves them out (app:src/dao/sql/user.ts:64-85). */
        String mainSeriesLang;
        String fallbackSeriesLang;
        String location;
        List<Integer> animeListIds = new ArrayList<>();

        boolean online() {
            return login.contains("@");
        }

        String role() {
            return type == 0 ? "admin" : type == 2 ? "guest" : "user";
        }
    }

    /** One song of the catalogue: its anime is what the anime list matches. */
    record Kara(String kid, String title, String series, int animeId, int duration) {
    }

    final Clock clock;
    final AccountStore accounts;
    final byte[] jwtSecret = new byte[32];
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, FakeOnlineInstance> instances = new LinkedHashMap<>();
    final List<Kara> karas = new ArrayList<>();
    final Map<String, ObjectNode> files = new LinkedHashMap<>();
    /** A number, as the app keeps it (securityCode: number, app:src/types/state.d.ts:55). */
    int securityCode;
    /** The separate "NEW ACCOUNT CODE" (app:src/services/auth.ts:62-67). */
    int newAccountCode;
    int webappMode = 2;
    boolean allowGuestLogin = true;
    boolean allowCustomTemporaryGuests;
    boolean allowUserCreation = true;
    boolean requireSecurityCodeForNewAccounts;
    boolean remoteUsersEnabled = true;
    /** The app started with --verbose: NODE_ENV=development, so Express's error pages show the stack. */
    boolean verbose;
    private int storeNames;

    KmState(Clock clock, AccountStore accounts) {
        this.clock = clock;
        this.accounts = accounts;
        RANDOM.nextBytes(jwtSecret);
        newSecurityCode();
    }

    /** A new JWT secret: every token issued before fails its signature check. */
    void rotateJwtSecret() {
        RANDOM.nextBytes(jwtSecret);
    }

    void clear() {
        accounts.clear();
        users.clear();
        karas.clear();
        files.clear();
        instances.values().forEach(FakeOnlineInstance::clear);
        webappMode = 2;
        allowGuestLogin = true;
        allowCustomTemporaryGuests = false;
        allowUserCreation = true;
        requireSecurityCodeForNewAccounts = false;
        remoteUsersEnabled = true;
        newSecurityCode();
        newAccountCode = code();
    }

    /** A fresh code: at start-up and after each use, {@code +randomstring(6 digits)} (app:src/services/auth.ts:69-74). */
    void newSecurityCode() {
        securityCode = code();
    }

    /** After an account was created with a code: only the new-account code is renewed (services/user.ts:285). */
    void newNewAccountCode() {
        newAccountCode = code();
    }

    private static int code() {
        return RANDOM.nextInt(1_000_000);
    }

    /** @return whether a JSON value is the code: a number, compared strictly as the app does ({@code ===}) */
    static boolean matches(com.fasterxml.jackson.databind.JsonNode given, int code) {
        return given != null && given.isIntegralNumber() && given.canConvertToInt() && given.asInt() == code;
    }

    /** Adds a user; the password (any, for guests) goes to the account store under a name of its own. */
    User add(String login, String password, int type, String nickname) {
        User u = new User();
        u.login = login;
        u.type = type;
        u.nickname = nickname;
        u.storeName = "kmuser" + (++storeNames);
        accounts.createAccount(password, null, u.storeName);
        users.put(login, u);
        return u;
    }

    /** @return the instance by its host name, or {@code null} if there is none the app can reach */
    FakeOnlineInstance reachable(String instance) {
        FakeOnlineInstance server = instance == null ? null : instances.get(instance);
        return server != null && server.isReachable() ? server : null;
    }

    Optional<User> user(String login) {
        return Optional.ofNullable(login == null ? null : users.get(login));
    }

    /** {@code AND u.nickname = :nickname}: exact, case-sensitive (app:src/dao/sql/user.ts:51). */
    boolean nicknameTaken(String nickname) {
        return nickname != null && users.values().stream().anyMatch(u -> nickname.equals(u.nickname));
    }

    boolean loggedIn(User u) {
        return u.lastLoginAt.isAfter(clock.instant().minus(LOGGED_IN_WINDOW));
    }

    String token(User u) {
        return KmWire.token(u.login, u.role(), jwtSecret);
    }

    static String randomPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** The list view of a user (research 2.5, {@code getUsers}). */
    ObjectNode listView(User u) {
        ObjectNode o = Responses.object().put("type", u.type).put("login", u.login).put("nickname", u.nickname)
                .put("avatar_file", u.avatarFile).put("last_login_at", MILLIS.format(u.lastLoginAt))
                .put("flag_temporary", u.flagTemporary).put("flag_public", u.flagPublic)
                .put("flag_logged_in", loggedIn(u));
        return o;
    }

    /** The full view ({@code getUser}, {@code getMyAccount}): the list view and the profile; never the password. */
    ObjectNode fullView(User u) {
        ObjectNode o = listView(u);
        o.put("bio", u.bio).put("url", u.url).put("email", u.email).put("main_series_lang", u.mainSeriesLang)
                .put("fallback_series_lang", u.fallbackSeriesLang).put("flag_tutorial_done", u.flagTutorialDone)
                .put("flag_sendstats", false).put("location", u.location).put("language", u.language)
                .put("flag_parentsonly", false).put("flag_displayfavorites", false);
        o.putObject("social_networks").putNull("mastodon").putNull("instagram").putNull("bluesky")
                .putNull("discord").putNull("twitch").putNull("anilist").putNull("myanimelist").putNull("kitsu")
                .putNull("gitlab");
        o.putNull("banner").put("anime_list_to_fetch", "anilist").putNull("anime_list_last_modified_at");
        com.fasterxml.jackson.databind.node.ArrayNode ids = o.putArray("anime_list_ids");
        u.animeListIds.forEach(ids::add);
        return o;
    }
}
