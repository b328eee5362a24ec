package dev.latchkey.testkit.karaokemugen;

import static dev.latchkey.testkit.karaokemugen.KmWire.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.PasswordPolicyException;
import dev.latchkey.testkit.internal.Responses;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's commands (research sections 2.3, 2.4 and 2.6): login, guests, the token check, and the 13 user commands,
 * each behind the app's access checks. Each returns the success {@code data}, or throws {@link KmWire.Failure}. Runs
 * under the fake's lock.
 */
final class KmCommands {
    static final int ADMIN = 0;
    static final int USER = 1;
    static final int GUEST = 2;
    static final int CLOSED = 0;
    static final int LIMITED = 1;

    /** What a command needs: a role, a web-app mode, and whether a token is optional. */
    private record Access(int role, int mode, boolean optionalAuth) {
    }

    /** A command's input: its {@code body}, the tokens, and the caller the checks found ({@code null}: none). */
    record Call(JsonNode body, String authorization, String onlineAuthorization, KmState.User caller) {
        String text(String field) {
            JsonNode v = body.get(field);
            return v != null && v.isTextual() ? v.asText() : null;
        }
    }

    private record Command(Access access, Function<Call, JsonNode> run) {
    }

    private final KmState state;
    private final Map<String, Command> commands;

    KmCommands(KmState state) {
        this.state = state;
        this.commands = Map.ofEntries(
                Map.entry("login", new Command(null, this::login)),
                Map.entry("loginGuest", new Command(null, this::loginGuest)),
                Map.entry("checkAuth", new Command(new Access(GUEST, CLOSED, false), this::checkAuth)),
                Map.entry("getUsers", new Command(new Access(GUEST, LIMITED, false), this::getUsers)),
                Map.entry("createUser", new Command(new Access(GUEST, LIMITED, true), this::createUser)),
                Map.entry("getUser", new Command(new Access(GUEST, LIMITED, true), this::getUser)),
                Map.entry("deleteUser", new Command(new Access(ADMIN, CLOSED, false), this::deleteUser)),
                Map.entry("editUser", new Command(new Access(ADMIN, CLOSED, false), this::editUser)),
                Map.entry("resetUserPassword", new Command(new Access(GUEST, CLOSED, true), this::resetUserPassword)),
                Map.entry("getMyAccount", new Command(new Access(GUEST, CLOSED, false), c -> state.fullView(c.caller()))),
                Map.entry("deleteMyAccount", new Command(new Access(USER, CLOSED, false), this::deleteMyAccount)),
                Map.entry("editMyAccount", new Command(new Access(USER, CLOSED, false), this::editMyAccount)),
                Map.entry("convertMyLocalUserToOnline", new Command(new Access(USER, CLOSED, false), this::toOnline)),
                Map.entry("convertMyOnlineUserToLocal", new Command(new Access(USER, CLOSED, false), this::toLocal)),
                Map.entry("refreshAnimeList", new Command(new Access(USER, CLOSED, false), this::refreshAnimeList)),
                Map.entry("getAnimeList", new Command(new Access(GUEST, CLOSED, false), this::getAnimeList)));
    }

    /** Runs a command: unknown -> 404 {@code UNKNOWN_COMMAND}; then the access checks; then the command. */
    JsonNode run(String name, JsonNode apiData) {
        Command command = name == null ? null : commands.get(name);
        if (command == null) {
            throw fail(404, "UNKNOWN_COMMAND");
        }
        JsonNode body = apiData.path("body").isObject() ? apiData.get("body") : Responses.object();
        String auth = apiData.path("authorization").isTextual() ? apiData.get("authorization").asText() : null;
        String online = apiData.path("onlineAuthorization").isTextual() ? apiData.get("onlineAuthorization").asText()
                : null;
        KmState.User caller = command.access() == null ? null : check(command.access(), auth);
        return command.run().apply(new Call(body, auth, online, caller));
    }

    /** {@code runChecklist} (research 2.4). */
    private KmState.User check(Access access, String token) {
        KmState.User caller = null;
        if (token == null || token.isBlank()) {
            if (!access.optionalAuth()) {
                throw KmWire.noToken();
            }
        } else {
            JsonNode claims = KmWire.verify(token, state.jwtSecret).orElseThrow(KmWire::joseError);
            caller = state.user(claims.path("username").asText()).orElseThrow(() -> new KmWire.Failure(500,
                    TextNode.valueOf("User unknown")));
            int claimed = level(claims.path("role").asText());
            if (claimed > access.role()) {
                throw fail(403, claimed == GUEST ? "NOT_GUEST" : "ADMIN_PLEASE");
            }
            if (access.role() == ADMIN && caller.type > ADMIN) {
                throw fail(403, "ADMIN_PLEASE");
            }
        }
        if (state.webappMode < access.mode() && (caller == null || caller.type != ADMIN)) {
            throw fail(503, "WEBAPPMODE_CLOSED_API_MESSAGE");
        }
        return caller;
    }

    private static int level(String role) {
        return switch (role) {
            case "admin" -> ADMIN;
            case "user" -> USER;
            default -> GUEST;
        };
    }

    // --- auth ----------------------------------------------------------------------------------------------------

    private JsonNode login(Call c) {
        String username = normalize(c.text("username"));
        String password = c.text("password");
        String code = c.text("securityCode");
        if (username == null || username.isEmpty()) {
            throw fail(401, "LOG_ERROR");
        }
        ObjectNode out = Responses.object();
        KmState.User u;
        if (username.contains("@")) {
            String[] parts = username.split("@", 2);
            FakeKaraokeMugenServer server = state.instances.get(parts[1]);
            String onlineToken = server == null || password == null ? null
                    : server.login(parts[0], password).orElse(null);
            if (onlineToken == null) {
                throw fail(401, "LOG_ERROR");
            }
            u = state.user(username).orElseGet(() -> state.add(username, KmState.randomPassword(), USER, parts[0]));
            out.put("onlineToken", onlineToken);
        } else {
            u = state.user(username).orElseThrow(() -> fail(401, "LOG_ERROR"));
            boolean guest = u.type == GUEST;
            if (guest ? !state.allowGuestLogin : !passwordMatches(u, password)) {
                throw fail(401, "LOG_ERROR");
            }
        }
        if (code != null && !code.isEmpty()) {
            if (!state.useSecurityCode(code)) {
                throw fail(401, "LOG_ERROR");
            }
            u.type = ADMIN; // the operator's promotion
        }
        u.lastLoginAt = state.clock.instant();
        out.put("token", state.token(u)).put("username", u.login).put("role", u.role());
        return out;
    }

    private JsonNode loginGuest(Call c) {
        if (!state.allowGuestLogin) {
            throw fail(403, "GUESTS_NOT_ALLOWED");
        }
        KmState.User guest = state.users.values().stream().filter(u -> u.type == GUEST && !state.loggedIn(u))
                .findFirst().orElseThrow(() -> fail(500, "NO_MORE_GUESTS_AVAILABLE"));
        guest.lastLoginAt = state.clock.instant();
        return Responses.object().put("token", state.token(guest)).put("username", guest.login).put("role", "guest");
    }

    private JsonNode checkAuth(Call c) {
        return Responses.object().put("username", c.caller().login).put("role", c.caller().role())
                .put("onlineAvailable", c.caller().online() && c.onlineAuthorization() != null);
    }

    // --- users ---------------------------------------------------------------------------------------------------

    private JsonNode getUsers(Call c) {
        boolean admin = c.caller().type == ADMIN;
        ArrayNode list = Responses.array();
        state.users.values().stream().filter(u -> admin || u.flagPublic).forEach(u -> list.add(state.listView(u)));
        return list;
    }

    private JsonNode createUser(Call c) {
        if (c.text("login") == null || c.text("login").isBlank()) {
            throw KmWire.invalid("login", "can't be blank");
        }
        JsonNode pw = c.body().get("password");
        if (pw != null && !pw.isTextual()) {
            throw KmWire.invalid("password", "Expected string");
        }
        boolean admin = c.caller() != null && c.caller().type == ADMIN;
        if (!state.allowUserCreation && !admin) {
            throw fail(403, "USER_CREATION_DISABLED");
        }
        String code = c.text("securityCode");
        if (state.requireSecurityCodeForNewAccounts && !admin && !state.useSecurityCode(code)) {
            throw fail(403, "USER_CREATION_WRONG_SECURITY_CODE");
        }
        String login = normalize(c.text("login"));
        String password = c.text("password");
        String local = login.contains("@") ? login.substring(0, login.indexOf('@')) : login;
        if (local.isEmpty() || !KmState.LOCAL_PART.matcher(local).matches()) {
            throw fail(400, "USER_LOGIN_INVALID");
        }
        if (password == null || password.isEmpty()) {
            throw fail(400, "USER_EMPTY_PASSWORD");
        }
        if (password.length() < 8) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
        String role = c.text("role");
        int type = USER;
        if ("admin".equals(role)) {
            if (c.caller() != null && !admin) {
                throw new KmWire.Failure(403, Responses.object().put("code", 403).set("message",
                        Responses.object()));
            }
            type = admin ? ADMIN : USER; // without a token, "admin" silently makes a regular user
        } else if ("guest".equals(role)) {
            type = GUEST;
        }
        if (admin && c.body().path("type").isInt()) {
            type = c.body().get("type").asInt();
        }
        if (state.users.containsKey(login)) {
            throw fail(409, "USER_ALREADY_EXISTS");
        }
        if (login.contains("@")) {
            if (login.startsWith("admin@") || type == ADMIN) {
                throw fail(403, "USER_CREATE_ERROR");
            }
            FakeKaraokeMugenServer server = state.instances.get(login.substring(login.indexOf('@') + 1));
            if (server == null) {
                throw fail(500, "USER_CREATE_ERROR_ONLINE");
            }
            if (!createOnline(server, local, password)) {
                throw fail(409, "USER_ALREADY_EXISTS_ONLINE");
            }
        }
        String nickname = c.text("nickname") != null ? c.text("nickname") : local;
        try {
            KmState.User u = state.add(login, password, type, nickname);
            u.flagTemporary = admin && c.body().path("flag_temporary").asBoolean(false);
        } catch (AccountException e) {
            throw fail(500, "USER_CREATE_ERROR");
        }
        return KmWire.message("USER_CREATED", null);
    }

    private static boolean createOnline(FakeKaraokeMugenServer server, String name, String password) {
        try {
            return server.create(name, password);
        } catch (AccountException e) {
            throw fail(500, "USER_CREATE_ERROR_ONLINE");
        }
    }

    private JsonNode getUser(Call c) {
        String username = c.text("username");
        if (username == null || username.isBlank()) {
            throw fail(400, "INVALID_DATA");
        }
        boolean admin = c.caller() != null && c.caller().type == ADMIN;
        Optional<KmState.User> u = state.user(normalize(username));
        if (u.isEmpty() && admin) {
            return null; // {err: false} without data, as the app answers an operator
        }
        if (u.isEmpty() || !admin && !u.get().flagPublic && (c.caller() == null || c.caller() != u.get())) {
            throw fail(404, "UNKNOWN_USER");
        }
        return state.fullView(u.get());
    }

    private JsonNode deleteUser(Call c) {
        String username = c.text("username");
        if (username == null || username.isBlank()) {
            throw fail(400, "INVALID_DATA");
        }
        return delete(normalize(username));
    }

    private JsonNode delete(String login) {
        if (login.equals("admin")) {
            throw fail(406, "USER_DELETE_ADMIN_DAMEDESU");
        }
        KmState.User u = state.user(login).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        state.users.remove(login);
        state.accounts.user(state.accounts.toUser(u.storeName).userId()).delete();
        return KmWire.message("USER_DELETED", null);
    }

    private JsonNode deleteMyAccount(Call c) {
        return delete(c.caller().login);
    }

    private JsonNode editUser(Call c) {
        String login = c.text("login");
        if (login == null || login.isBlank()) {
            throw fail(400, "INVALID_DATA");
        }
        String target = normalize(c.text("old_login") != null ? c.text("old_login") : login);
        KmState.User u = state.user(target).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        if (c.body().path("type").isInt()) {
            u.type = c.body().get("type").asInt();
        }
        if (c.body().path("flag_tutorial_done").isBoolean()) {
            u.flagTutorialDone = c.body().get("flag_tutorial_done").asBoolean();
        }
        if (!u.online()) {
            applyProfile(u, c.body());
        }
        return KmWire.message("USER_EDITED", null);
    }

    private JsonNode editMyAccount(Call c) {
        KmState.User u = c.caller();
        if (c.body().has("type") && c.body().get("type").asInt(u.type) != u.type) {
            throw fail(403, "USER_CANNOT_CHANGE_TYPE");
        }
        applyProfile(u, c.body());
        ObjectNode data = Responses.object();
        if (u.online() && c.onlineAuthorization() != null) {
            data.put("onlineToken", c.onlineAuthorization());
        }
        return KmWire.message("USER_EDITED", data);
    }

    /** A partial edit: only the fields sent change; checks first, so a refused edit changes nothing. */
    private void applyProfile(KmState.User u, JsonNode b) {
        String nickname = b.path("nickname").isTextual() ? b.get("nickname").asText() : null;
        if (nickname != null && state.nicknameTaken(nickname, u.login)) {
            throw fail(409, "NICKNAME_ALREADY_IN_USE");
        }
        String password = b.path("password").isTextual() ? b.get("password").asText() : null;
        if (password != null) {
            setPassword(u, password);
        }
        if (nickname != null) {
            u.nickname = nickname;
        }
        if (b.path("bio").isTextual()) {
            u.bio = b.get("bio").asText();
        }
        if (b.path("url").isTextual()) {
            u.url = b.get("url").asText();
        }
        if (b.path("email").isTextual()) {
            u.email = b.get("email").asText();
        }
        if (b.path("language").isTextual()) {
            u.language = b.get("language").asText();
        }
        if (b.path("location").isTextual()) {
            u.location = b.get("location").asText();
        }
        if (b.path("flag_public").isBoolean()) {
            u.flagPublic = b.get("flag_public").asBoolean();
        }
        JsonNode avatar = b.get("avatar");
        if (avatar != null && avatar.path("filename").isTextual()) {
            if (!state.files.containsKey(avatar.get("filename").asText())) {
                throw fail(500, "USER_EDIT_ERROR");
            }
            u.avatarFile = avatar.get("filename").asText();
        }
    }

    private void setPassword(KmState.User u, String password) {
        if (password.length() < 8) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
        try {
            var handle = state.accounts.toUser(u.storeName);
            handle.confirmPasswordReset(password, handle.resetPassword());
        } catch (PasswordPolicyException e) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
    }

    private JsonNode resetUserPassword(Call c) {
        String username = normalize(c.text("username"));
        String password = c.text("password");
        if (username == null || username.isEmpty() || password == null) {
            throw fail(400, "INVALID_DATA");
        }
        if (password.length() < 8) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
        if (!state.useSecurityCode(c.text("securityCode"))) {
            throw fail(403, "USER_RESETPASSWORD_WRONGSECURITYCODE");
        }
        KmState.User u = state.user(username).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        if (u.online()) {
            FakeKaraokeMugenServer server = state.instances.get(username.substring(username.indexOf('@') + 1));
            if (server == null) {
                throw fail(500, "USER_RESETPASSWORD_ONLINE_ERROR");
            }
            server.sendResetMail(username.substring(0, username.indexOf('@')));
            return KmWire.message("USER_RESETPASSWORD_ONLINE", null);
        }
        setPassword(u, password);
        return KmWire.message("USER_RESETPASSWORD_SUCCESS", null);
    }

    private JsonNode toOnline(Call c) {
        String instance = c.text("instance");
        String password = c.text("password");
        if (instance == null || instance.isBlank()) {
            throw KmWire.invalid("instance", "can't be blank");
        }
        if (password == null || password.isEmpty()) {
            throw KmWire.invalid("password", "can't be blank");
        }
        KmState.User u = c.caller();
        if (u.login.equals("admin")) {
            throw fail(400, "ADMIN_CONVERT_ERROR");
        }
        if (u.online() || !passwordMatches(u, password)) {
            throw fail(400, "INVALID_DATA");
        }
        FakeKaraokeMugenServer server = state.instances.get(instance.strip().toLowerCase(Locale.ROOT));
        if (server == null) {
            throw fail(500, "USER_CREATE_ERROR_ONLINE");
        }
        if (!createOnline(server, u.login, password)) {
            throw fail(409, "USER_ALREADY_EXISTS_ONLINE");
        }
        String onlineToken = server.login(u.login, password).orElseThrow(() -> fail(500, "ONLINE_CONVERT_ERROR"));
        state.users.remove(u.login);
        u.login = u.login + '@' + server.instance();
        state.users.put(u.login, u);
        ObjectNode data = Responses.object().put("onlineToken", onlineToken).put("token", state.token(u));
        return KmWire.message("USER_CONVERTED", data);
    }

    private JsonNode toLocal(Call c) {
        String password = c.text("password");
        if (password == null || password.isEmpty()) {
            throw KmWire.invalid("password", "can't be blank");
        }
        KmState.User u = c.caller();
        if (!u.online()) {
            throw fail(400, "INVALID_DATA");
        }
        String local = u.login.substring(0, u.login.indexOf('@'));
        FakeKaraokeMugenServer server = state.instances.get(u.login.substring(u.login.indexOf('@') + 1));
        if (server == null || server.login(local, password).isEmpty()) {
            throw fail(400, "INVALID_DATA");
        }
        if (state.users.containsKey(local)) {
            throw fail(409, "USER_ALREADY_EXISTS_LOCALLY");
        }
        server.delete(local);
        state.users.remove(u.login);
        u.login = local;
        state.users.put(local, u);
        setPassword(u, password.length() >= 8 ? password : KmState.randomPassword());
        return KmWire.message("USER_DELETED_ONLINE", Responses.object().put("token", state.token(u)));
    }

    private JsonNode refreshAnimeList(Call c) {
        KmState.User u = c.caller();
        FakeKaraokeMugenServer server = u.online() ? state.instances.get(u.login.substring(u.login.indexOf('@') + 1))
                : null;
        if (server == null || c.onlineAuthorization() == null || !server.checkToken(c.onlineAuthorization(),
                u.login)) {
            throw fail(500, "REFRESH_ANIME_LIST_ERROR");
        }
        u.animeListIds = new java.util.ArrayList<>(server.animeList(u.login.substring(0, u.login.indexOf('@'))));
        return null;
    }

    private JsonNode getAnimeList(Call c) {
        int from = Math.max(0, c.body().path("from").asInt(0));
        int size = c.body().path("size").asInt(Integer.MAX_VALUE);
        if (size < 0) {
            size = Integer.MAX_VALUE;
        }
        List<KmState.Kara> matches = c.caller().type == GUEST ? List.of() : state.karas.stream()
                .filter(k -> c.caller().animeListIds.contains(k.animeId())).toList();
        ObjectNode o = Responses.object();
        ArrayNode content = o.putArray("content");
        int to = (int) Math.min(matches.size(), (long) from + size);
        for (int i = from; i < to; i++) {
            KmState.Kara k = matches.get(i);
            ObjectNode n = content.addObject().put("kid", k.kid()).put("titles_default_language", "eng")
                    .put("duration", k.duration());
            n.putObject("titles").put("eng", k.title());
            n.putArray("series").addObject().put("name", k.series());
        }
        o.putArray("avatars");
        o.putObject("infos").put("count", matches.size()).put("from", from).put("to", Math.max(from, to));
        o.putObject("i18n");
        return o;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Logins are trimmed, URI-decoded and lower-cased (research 2.3). */
    static String normalize(String login) {
        if (login == null) {
            return null;
        }
        String s = login.strip();
        try {
            s = java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not URI-encoded: kept as is
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private boolean passwordMatches(KmState.User u, String password) {
        if (password == null) {
            return false;
        }
        try {
            state.accounts.login(u.storeName, password, false);
            return true;
        } catch (AccountException e) {
            return false;
        }
    }
}
