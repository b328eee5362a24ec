package dev.latchkey.testkit.karaokemugen;

import static dev.latchkey.testkit.karaokemugen.KmWire.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.PasswordPolicyException;
import dev.latchkey.testkit.internal.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's commands, as its source runs them (karaokemugen-app @ e77b334; "app:" below is its {@code src/}, "lib:"
 * its lib submodule @ 15270f3): login, guests, the token check and the 13 user commands, each behind the app's access
 * checks ({@code runChecklist}). Each returns the success {@code data}, or throws {@link KmWire.Failure}. Runs under
 * the fake's lock. The README's provenance table lists each behaviour with its line; what has none is marked there.
 */
final class KmCommands {
    /**
     * The user types the access checks compare, the database's numbers (app:src/lib/types/user.ts): the lower, the
     * more a user may do.
     */
    enum Type {
        ADMIN(0), USER(1), GUEST(2);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    /** The web-app modes ({@code Frontend.Mode}: 0 closed, 1 limited, 2 open); a command needs at least its own. */
    enum Mode {
        CLOSED(0), LIMITED(1), OPEN(2);

        final int code;

        Mode(int code) {
            this.code = code;
        }
    }

    static final int ADMIN = Type.ADMIN.code;
    static final int USER = Type.USER.code;
    static final int GUEST = Type.GUEST.code;

    /** What a command needs: a role, a web-app mode, whether a token is optional (app:controllers/middlewares.ts). */
    private record Access(Type role, Mode mode, boolean optionalAuth) {
    }

    /**
     * A command's input: its {@code body}, the tokens, the token's claims and the caller the checks found
     * ({@code null}: none).
     */
    record Call(JsonNode body, String authorization, String onlineAuthorization, JsonNode claims,
            KmState.User caller) {
        String text(String field) {
            JsonNode v = body.get(field);
            return v != null && v.isTextual() ? v.asText() : null;
        }

        /** The token's role ({@code req.token.role}), or {@code null} without a token. */
        String role() {
            return claims == null ? null : claims.path("role").asText(null);
        }
    }

    private record Command(Access access, Function<Call, JsonNode> run) {
    }

    private final KmState state;
    private final Map<String, Command> commands;

    /** @return the commands' names, as {@code cmd} gives them */
    java.util.Set<String> names() {
        return new java.util.TreeSet<>(commands.keySet());
    }

    KmCommands(KmState state) {
        this.state = state;
        // Roles, modes and optional tokens: app:src/controllers/auth.ts:18,48,71 and
        // app:src/controllers/frontend/user.ts:22,41,82,90,99,117,149,158,168,181,205,223,232.
        this.commands = Map.ofEntries(
                Map.entry("login", new Command(null, this::login)),
                Map.entry("loginGuest", new Command(null, this::loginGuest)),
                Map.entry("checkAuth", new Command(new Access(Type.GUEST, Mode.CLOSED, false), this::checkAuth)),
                Map.entry("getUsers", new Command(new Access(Type.GUEST, Mode.LIMITED, false), this::getUsers)),
                Map.entry("createUser", new Command(new Access(Type.GUEST, Mode.LIMITED, true), this::createUser)),
                Map.entry("getUser", new Command(new Access(Type.GUEST, Mode.LIMITED, true), this::getUser)),
                Map.entry("deleteUser", new Command(new Access(Type.ADMIN, Mode.CLOSED, false), this::deleteUser)),
                Map.entry("editUser", new Command(new Access(Type.ADMIN, Mode.CLOSED, false), this::editUser)),
                Map.entry("resetUserPassword", new Command(new Access(Type.GUEST, Mode.CLOSED, true),
                        this::resetUserPassword)),
                Map.entry("getMyAccount", new Command(new Access(Type.GUEST, Mode.CLOSED, false), this::getMyAccount)),
                Map.entry("deleteMyAccount", new Command(new Access(Type.USER, Mode.CLOSED, false),
                        this::deleteMyAccount)),
                Map.entry("editMyAccount", new Command(new Access(Type.USER, Mode.CLOSED, false), this::editMyAccount)),
                Map.entry("convertMyLocalUserToOnline", new Command(new Access(Type.USER, Mode.CLOSED, false),
                        this::toOnline)),
                Map.entry("convertMyOnlineUserToLocal", new Command(new Access(Type.USER, Mode.CLOSED, false),
                        this::toLocal)),
                Map.entry("refreshAnimeList", new Command(new Access(Type.USER, Mode.CLOSED, false),
                        this::refreshAnimeList)),
                Map.entry("getAnimeList", new Command(new Access(Type.GUEST, Mode.CLOSED, false), this::getAnimeList)));
    }

    /** Runs a command: unknown: 404 {@code UNKNOWN_COMMAND} (lib:utils/ws.ts:76-79); the checks; the command. */
    JsonNode run(String name, JsonNode apiData) {
        Command command = name == null ? null : commands.get(name);
        if (command == null) {
            throw fail(404, "UNKNOWN_COMMAND");
        }
        JsonNode body = apiData.path("body").isObject() ? apiData.get("body") : Responses.object();
        String auth = apiData.path("authorization").isTextual() ? apiData.get("authorization").asText() : null;
        String online = apiData.path("onlineAuthorization").isTextual() ? apiData.get("onlineAuthorization").asText()
                : null;
        if (command.access() == null) {
            return command.run().apply(new Call(body, auth, online, null, null));
        }
        JsonNode[] claims = new JsonNode[1];
        KmState.User caller = check(command.access(), auth, claims);
        return command.run().apply(new Call(body, auth, online, claims[0], caller));
    }

    /** {@code runChecklist} (app:src/controllers/middlewares.ts:19-93), in its order. */
    private KmState.User check(Access access, String token, JsonNode[] claimsOut) {
        if (access.optionalAuth() && (token == null || token.isEmpty())) {
            checkMode(access, null); // :38-41
            return null;
        }
        if (token == null || token.isEmpty()) {
            throw KmWire.noToken(); // :59-65, {code: 401}
        }
        JsonNode claims = KmWire.verify(token, state.jwtSecret).orElseThrow(() -> KmWire.joseError(token));
        if (!claims.path("username").isTextual()) {
            throw KmWire.typeError(); // token.username.toLowerCase() on undefined (:69)
        }
        claimsOut[0] = claims;
        // checkValidUser: the user from the cache, then a token claiming admin for a non-operator (:67-77)
        KmState.User caller = state.user(claims.get("username").asText().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new KmWire.Failure(500, TextNode.valueOf("User unknown")));
        if ("admin".equals(claims.path("role").asText()) && caller.type > ADMIN) {
            throw fail(403, "ADMIN_PLEASE");
        }
        // requireUserType: the database type, not the token's role (:79-84)
        if (caller.type > access.role().code) {
            if (caller.type == GUEST) {
                throw fail(403, "NOT_GUEST");
            }
            if (caller.type == USER) {
                throw fail(403, "ADMIN_PLEASE");
            }
        }
        checkMode(access, caller);
        return caller;
    }

    /** {@code checkWebAppMode}: operators bypass it (:49-57). */
    private void checkMode(Access access, KmState.User caller) {
        if (caller != null && caller.type == ADMIN) {
            return;
        }
        if (state.webappMode < access.mode().code) {
            throw fail(503, "WEBAPPMODE_CLOSED_API_MESSAGE");
        }
    }

    // --- auth (app:src/controllers/auth.ts, app:src/services/auth.ts) ----------------------------------------------

    /**
     * {@code login}: {@code checkLogin}, then a promotion only if {@code securityCode === state.securityCode}; a wrong
     * code is no error (auth.ts:18-46).
     */
    private JsonNode login(Call c) {
        String username = c.text("username");
        String password = c.text("password");
        JsonNode code = c.body().get("securityCode");
        ObjectNode answer = checkLogin(username, password, code);
        if (KmState.matches(code, state.securityCode)) {
            state.newSecurityCode(); // :24
            KmState.User u = state.user(answer.get("username").asText()).orElseThrow();
            u.type = ADMIN; // :26-38, editUser(..., {type: 0}, null, 'admin')
            answer = checkLogin(username, password, null); // :40, a new token with the new role
        }
        return answer;
    }

    /** {@code checkLogin} (app:src/services/auth.ts:15-54); any failure that is not an ErrorKM is 401 LOG_ERROR. */
    private ObjectNode checkLogin(String rawUsername, String password, JsonNode newAccountCode) {
        if (rawUsername == null) {
            throw fail(401, "LOG_ERROR");
        }
        String username = normalize(rawUsername);
        String onlineToken = null;
        if (username.contains("@") && state.remoteUsersEnabled) {
            onlineToken = remoteLogin(username, password, newAccountCode);
        }
        KmState.User u = state.user(username).orElseThrow(() -> fail(401, "LOG_ERROR"));
        if (u.type < GUEST && !passwordMatches(u, password)) {
            throw fail(401, "LOG_ERROR"); // :44
        }
        if (u.type == GUEST && !state.allowGuestLogin) {
            throw fail(401, "LOG_ERROR"); // :45
        }
        u.lastLoginAt = state.clock.instant();
        ObjectNode out = Responses.object().put("token", state.token(u));
        if (onlineToken != null) {
            out.put("onlineToken", onlineToken); // undefined otherwise: left out of the JSON
        }
        return out.put("username", u.login).put("role", u.role());
    }

    /**
     * {@code fetchAndUpdateRemoteUser} as {@code checkLogin} runs it (app:src/services/userOnline.ts:248-323): the
     * instance's login, then the local copy created or given the instance's password. An instance that refuses or
     * does not answer is logged and swallowed (auth.ts:36-39): the local password decides.
     *
     * @return the online token, or {@code null} when the instance did not give one
     */
    private String remoteLogin(String username, String password, JsonNode newAccountCode) {
        String[] parts = username.split("@", 2);
        FakeOnlineInstance server = state.reachable(parts[1]);
        String onlineToken = server == null || password == null ? null : server.login(parts[0], password).orElse(null);
        if (onlineToken == null) {
            return null;
        }
        Optional<KmState.User> existing = state.user(username);
        if (existing.isEmpty()) {
            // createUser({...remoteUser, password, login, securityCode}, {createRemote: false, noPasswordCheck})
            if (!state.allowUserCreation) {
                throw KmWire.raw(403, false); // USER_CREATION_DISABLED is rethrown raw (auth.ts:37, :44)
            }
            if (state.requireSecurityCodeForNewAccounts && !useNewAccountCode(newAccountCode)) {
                return null; // USER_CREATION_WRONG_SECURITY_CODE, swallowed: then no local user, LOG_ERROR
            }
            state.add(username, password, USER, parts[0]);
        } else {
            setPassword(existing.get(), password, true); // editUser with the instance's password (:301-312)
        }
        return onlineToken;
    }

    /** {@code loginGuest} (auth.ts:48-68). */
    private JsonNode loginGuest(Call c) {
        if (!state.allowGuestLogin || state.requireSecurityCodeForNewAccounts) {
            throw fail(403, "GUESTS_NOT_ALLOWED");
        }
        KmState.User guest;
        String name = c.text("name");
        if (name != null && !name.isEmpty() && state.allowCustomTemporaryGuests) {
            guest = temporaryGuest(name);
        } else {
            // a free guest: type 2, not temporary, no login in 15 minutes (app:src/dao/sql/user.ts:52-55)
            guest = state.users.values().stream().filter(u -> u.type == GUEST && !Boolean.TRUE.equals(u.flagTemporary)
                    && !state.loggedIn(u)).findFirst().orElseThrow(() -> fail(500, "NO_MORE_GUESTS_AVAILABLE"));
        }
        guest.lastLoginAt = state.clock.instant();
        return Responses.object().put("token", state.token(guest)).put("username", guest.login).put("role", "guest");
    }

    /** {@code createTemporaryGuest} (app:src/services/user.ts:469-484): a nickname taken is 409. */
    private KmState.User temporaryGuest(String name) {
        if (state.nicknameTaken(name)) {
            throw new KmWire.Failure(409, Responses.object().put("code", 409).set("message",
                    Responses.object().put("code", "USER_ALREADY_EXISTS")));
        }
        String login = name.toLowerCase(Locale.ROOT).replace(' ', '_').replace("!", "").replace("'", "")
                .replace('/', '_').replace("<", "").replace('?', '_').replace("\"", "");
        if (state.users.containsKey(login)) {
            throw fail(409, "USER_ALREADY_EXISTS");
        }
        KmState.User u = state.add(login, KmState.randomPassword(), GUEST, name);
        u.flagTemporary = true;
        return u;
    }

    /**
     * {@code checkAuth} (auth.ts:70-105): the token's claims and, only for an online account with remote users on,
     * {@code onlineAvailable}: true if the instance accepts the online token, an ErrorKM 403 rethrown raw if it refuses
     * it, false if it cannot be reached.
     */
    private JsonNode checkAuth(Call c) {
        ObjectNode out = ((ObjectNode) c.claims()).deepCopy();
        String username = c.claims().get("username").asText();
        if (username.contains("@") && state.remoteUsersEnabled) {
            FakeOnlineInstance server = state.reachable(username.substring(username.indexOf('@') + 1));
            if (server == null) {
                out.put("onlineAvailable", false); // a network failure: logged, not thrown (:95-101)
            } else if (c.onlineAuthorization() == null || !server.checkToken(c.onlineAuthorization(),
                    username.toLowerCase(Locale.ROOT))) {
                throw KmWire.raw(403, true); // INVALID_ONLINE_TOKEN (:90-96)
            } else {
                out.put("onlineAvailable", true);
            }
        }
        return out;
    }

    // --- users (app:src/controllers/frontend/user.ts, app:src/services/user.ts) ------------------------------------

    /** {@code getUsers}: public ones unless the token's role is admin (user.ts controller :21-30). */
    private JsonNode getUsers(Call c) {
        boolean admin = "admin".equals(c.role());
        ArrayNode list = Responses.array();
        state.users.values().stream().filter(u -> admin || u.flagPublic).forEach(u -> list.add(state.listView(u)));
        return list;
    }

    /** {@code createUser} (user.ts controller :40-79; services/user.ts:260-375). */
    private JsonNode createUser(Call c) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        nonEmptyString(c.body(), "login", errors);
        nonEmptyString(c.body(), "password", errors);
        JsonNode role = c.body().get("role");
        if (role != null && !(role.isTextual() && List.of("user", "guest", "admin").contains(role.asText()))) {
            errors.computeIfAbsent("role", k -> new ArrayList<>()).add("Invalid option: expected one of "
                    + "\"user\"|\"guest\"|\"admin\"");
        }
        if (!errors.isEmpty()) {
            throw KmWire.invalid(errors); // zod's field map (lib:utils/validators.ts:151-162)
        }
        boolean operatorCaller = c.caller() != null && c.caller().type == ADMIN;
        JsonNode code = c.body().get("securityCode");
        boolean admin;
        if ("admin".equals(c.text("role")) && c.caller() != null) {
            // createAdminUser: the operator, or the security code (services/user.ts:260-265)
            if (!operatorCaller && !KmState.matches(code, state.securityCode)) {
                throw new KmWire.Failure(403, Responses.object().put("code", 403).set("message", Responses.object()));
            }
            admin = true;
        } else {
            admin = "admin".equals(c.role()); // {admin: req.token?.role === 'admin'} (:65-68)
            if (!admin && !state.allowUserCreation) {
                throw fail(403, "USER_CREATION_DISABLED"); // :278-280
            }
            if (!admin && state.requireSecurityCodeForNewAccounts) {
                if (!useNewAccountCode(code)) {
                    throw fail(403, "USER_CREATION_WRONG_SECURITY_CODE"); // :281-286
                }
            }
        }
        String login = c.text("login").strip().toLowerCase(Locale.ROOT);
        String password = c.text("password").strip(); // :288, trimmed here but not at login
        String local = login.contains("@") ? login.substring(0, login.indexOf('@')) : login;
        // Every account an operator creates is one (:301, since 7.1.50); nobody else's type is kept (:56-59).
        int type = admin ? ADMIN : USER;
        // newUserIntegrityChecks (:363-375), then the password's length (:330-334)
        if (!KmState.LOCAL_PART.matcher(local).matches()) {
            throw fail(400, "USER_LOGIN_INVALID");
        }
        if (password.isEmpty()) {
            throw fail(400, "USER_EMPTY_PASSWORD");
        }
        if (state.users.containsKey(login) || state.nicknameTaken(login)) {
            throw fail(409, "USER_ALREADY_EXISTS");
        }
        if (password.length() < 8) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
        if (login.contains("@")) {
            if (local.equals("admin")) {
                throw fail(403, "USER_CREATE_ERROR"); // :336-339
            }
            if (!state.remoteUsersEnabled) {
                throw fail(403, "USER_CREATE_ERROR_ONLINE_DISABLED"); // :340-343
            }
            createRemote(login.substring(login.indexOf('@') + 1), local, password);
        }
        String nickname = c.text("nickname") != null && !c.text("nickname").isEmpty() ? c.text("nickname") : local;
        try {
            KmState.User u = state.add(login, password, type, nickname);
            if (operatorCaller && c.body().path("flag_temporary").isBoolean()) {
                u.flagTemporary = c.body().get("flag_temporary").asBoolean();
            }
        } catch (AccountException e) {
            throw fail(500, "USER_CREATE_ERROR");
        }
        return KmWire.message("USER_CREATED", null);
    }

    /** {@code createRemoteUser} (app:src/services/userOnline.ts:134-150, getARemoteUser :114-131). */
    private void createRemote(String instance, String name, String password) {
        FakeOnlineInstance server = state.reachable(instance);
        if (server == null) {
            throw fail(404, "INSTANCE_NOT_RESPONDING"); // ENOTFOUND
        }
        if (server.hasAccount(name)) {
            throw fail(409, "USER_ALREADY_EXISTS_ONLINE");
        }
        try {
            if (!server.create(name, password)) {
                throw fail(409, "USER_ALREADY_EXISTS_ONLINE");
            }
        } catch (AccountException e) {
            throw fail(500, "USER_CREATE_ERROR_ONLINE");
        }
    }

    /** The new-account code or the security code; only the new-account code is renewed (services/user.ts:281-286). */
    private boolean useNewAccountCode(JsonNode code) {
        if (!KmState.matches(code, state.newAccountCode) && !KmState.matches(code, state.securityCode)) {
            return false;
        }
        state.newNewAccountCode();
        return true;
    }

    /**
     * {@code getUser} (controller :81-88, services/user.ts:214-235): a user whose profile is not public is unknown to
     * anyone but an operator, itself included; an operator asking for nobody gets {@code {err: false}}.
     */
    private JsonNode getUser(Call c) {
        JsonNode username = c.body().get("username");
        if (username == null || !username.isTextual() || username.asText().isEmpty()) {
            throw fail(400, "INVALID_DATA");
        }
        boolean admin = "admin".equals(c.role());
        Optional<KmState.User> u = state.user(username.asText().toLowerCase(Locale.ROOT));
        if (u.isEmpty() && admin) {
            return null;
        }
        if (u.isEmpty() || !admin && !u.get().flagPublic) {
            throw fail(404, "UNKNOWN_USER");
        }
        return state.fullView(u.get());
    }

    private JsonNode getMyAccount(Call c) {
        return state.fullView(c.caller()); // getUser(req.token.username, true) (controller :148-155)
    }

    /** {@code deleteUser}: {@code removeUser} (services/user.ts:378-408). */
    private JsonNode deleteUser(Call c) {
        JsonNode username = c.body().get("username");
        if (username == null || !username.isTextual() || username.asText().isEmpty()) {
            throw fail(400, "INVALID_DATA");
        }
        return delete(username.asText());
    }

    private JsonNode delete(String username) {
        if (username.equals("admin")) {
            throw fail(406, "USER_DELETE_ADMIN_DAMEDESU");
        }
        String login = username.toLowerCase(Locale.ROOT);
        KmState.User u = state.user(login).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        state.users.remove(login);
        state.accounts.user(state.accounts.toUser(u.storeName).userId()).delete();
        return KmWire.message("USER_DELETED", null);
    }

    private JsonNode deleteMyAccount(Call c) {
        return delete(c.claims().get("username").asText());
    }

    /** {@code editUser}: for an online login only type and tutorial flag count (controller :98-114). */
    private JsonNode editUser(Call c) {
        JsonNode login = c.body().get("login");
        if (login == null || !login.isTextual()) {
            throw KmWire.typeError(); // req.body.login.includes on undefined
        }
        ObjectNode edit;
        JsonNode avatar = null;
        if (login.asText().contains("@")) {
            edit = Responses.object();
            edit.set("type", c.body().get("type"));
            edit.set("flag_tutorial_done", c.body().get("flag_tutorial_done"));
            edit.set("login", login);
        } else {
            edit = (ObjectNode) c.body();
            avatar = c.body().get("avatar");
        }
        String target = c.text("old_login") != null ? c.text("old_login") : login.asText();
        edit(target, edit, avatar, c.role(), false);
        return KmWire.message("USER_EDITED", null);
    }

    /** {@code editMyAccount} (controller :167-178): a new online token comes back from the instance. */
    private JsonNode editMyAccount(Call c) {
        KmState.User u = edit(c.claims().get("username").asText(), (ObjectNode) c.body(), c.body().get("avatar"),
                c.role(), false);
        ObjectNode data = Responses.object();
        if (u.online() && c.onlineAuthorization() != null && state.remoteUsersEnabled) {
            data.put("onlineToken", c.onlineAuthorization()); // own choice: KM Server's PATCH answer is not readable
        }
        return KmWire.message("USER_EDITED", data);
    }

    /**
     * {@code editUser} (services/user.ts:90-172), in its order: the user (404), a guest edited by a non-operator
     * (403), the new password stored at once (411 if short), then the type (403) and the nickname (409) checks, so a
     * refused edit may have changed the password already; an avatar that cannot be used is skipped (non-fatal).
     */
    private KmState.User edit(String username, ObjectNode user, JsonNode avatar, String role, boolean noPasswordCheck) {
        String login = username.strip().toLowerCase(Locale.ROOT);
        KmState.User u = state.user(login).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        if (u.type == GUEST && !"admin".equals(role)) {
            throw fail(403, "GUESTS_CANNOT_EDIT");
        }
        JsonNode password = user.get("password");
        if (password != null && password.isTextual() && !password.asText().isEmpty()) {
            setPassword(u, password.asText(), noPasswordCheck);
        }
        JsonNode type = user.get("type");
        if (type != null && !type.isNull() && type.asInt(-1) != u.type && !"admin".equals(role)) {
            throw fail(403, "USER_CANNOT_CHANGE_TYPE");
        }
        String nickname = user.path("nickname").isTextual() ? user.get("nickname").asText().strip() : null;
        if (nickname != null && !nickname.isEmpty() && !nickname.equals(u.nickname) && state.nicknameTaken(nickname)) {
            throw fail(409, "NICKNAME_ALREADY_IN_USE");
        }
        if (type != null && type.canConvertToInt() && (type.isNumber() || type.isTextual())) {
            u.type = type.asInt(u.type);
        }
        if (user.path("flag_tutorial_done").isBoolean()) {
            u.flagTutorialDone = user.get("flag_tutorial_done").asBoolean();
        }
        if (nickname != null && !nickname.isEmpty()) {
            u.nickname = nickname;
        }
        u.bio = textOr(user, "bio", u.bio, true);
        u.url = textOr(user, "url", u.url, true);
        u.email = textOr(user, "email", u.email, true);
        u.language = textOr(user, "language", u.language, false);
        u.mainSeriesLang = textOr(user, "main_series_lang", u.mainSeriesLang, false);
        u.fallbackSeriesLang = textOr(user, "fallback_series_lang", u.fallbackSeriesLang, false);
        u.location = textOr(user, "location", u.location, false);
        if (user.path("flag_public").isBoolean()) {
            u.flagPublic = user.get("flag_public").asBoolean();
        }
        if (avatar != null && avatar.path("path").isTextual()) {
            JsonNode file = state.files.get(avatar.path("filename").asText(""));
            if (file != null) {
                u.avatarFile = file.get("filename").asText(); // a file we do not hold is skipped, as :138-141 do
            }
        }
        String newLogin = user.path("login").isTextual() ? user.get("login").asText().strip().toLowerCase(Locale.ROOT)
                : login;
        if (!newLogin.equals(login) && !newLogin.isEmpty()) {
            state.users.remove(login); // a rename (old_login), as updateUser does
            u.login = newLogin;
            state.users.put(newLogin, u);
        }
        return u;
    }

    private static String textOr(JsonNode body, String field, String current, boolean trim) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() ? trim ? v.asText().strip() : v.asText() : current;
    }

    /** A new password: 411 under 8 characters unless the caller skips the check (services/user.ts:118-122). */
    private void setPassword(KmState.User u, String password, boolean noPasswordCheck) {
        if (!noPasswordCheck && password.length() < 8) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
        try {
            var handle = state.accounts.toUser(u.storeName);
            handle.confirmPasswordReset(password, handle.resetPassword());
        } catch (PasswordPolicyException e) {
            throw fail(411, "PASSWORD_TOO_SHORT");
        }
    }

    /**
     * {@code resetUserPassword} (controller :116-146): a local account's code is read with {@code +} (a string of
     * digits works too), checked first, and renewed only on success; {@code name@instance} asks its instance to mail a
     * reset link, with no code.
     */
    private JsonNode resetUserPassword(Call c) {
        JsonNode username = c.body().get("username");
        if (username == null || !username.isTextual()) {
            throw KmWire.typeError(); // req.body.username.includes on undefined
        }
        String login = username.asText();
        if (login.contains("@")) {
            String[] parts = login.split("@", 2);
            FakeOnlineInstance server = state.reachable(parts[1]);
            if (server == null) {
                throw fail(500, "USER_RESETPASSWORD_ONLINE_ERROR"); // userOnline.ts:71-87
            }
            server.sendResetMail(parts[0]);
            return KmWire.message("USER_RESETPASSWORD_ONLINE", null);
        }
        if (!unaryPlusEquals(c.body().get("securityCode"), state.securityCode)) {
            throw fail(403, "USER_RESETPASSWORD_WRONGSECURITYCODE");
        }
        ObjectNode edit = Responses.object().put("login", login);
        edit.set("password", c.body().get("password"));
        edit(login, edit, null, "admin", false);
        state.newSecurityCode();
        return KmWire.message("USER_RESETPASSWORD_SUCCESS", null);
    }

    /** JavaScript's {@code +value === code}: a number, or text that is a number once trimmed. */
    private static boolean unaryPlusEquals(JsonNode value, int code) {
        if (value == null) {
            return false;
        }
        if (value.isNumber()) {
            return value.asDouble() == code;
        }
        if (value.isTextual()) {
            String t = value.asText().strip();
            try {
                return !t.isEmpty() && Double.parseDouble(t) == code;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** {@code convertMyLocalUserToOnline} (controller :180-202; userOnline.ts:364-392). */
    private JsonNode toOnline(Call c) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        nonEmptyString(c.body(), "instance", errors);
        nonEmptyString(c.body(), "password", errors);
        if (!errors.isEmpty()) {
            throw KmWire.invalid(errors);
        }
        String instance = c.text("instance").strip();
        String password = c.text("password");
        String username = c.claims().get("username").asText().toLowerCase(Locale.ROOT);
        if (username.equals("admin")) {
            throw fail(400, "ADMIN_CONVERT_ERROR");
        }
        KmState.User u = state.user(username).orElseThrow(() -> fail(404, "UNKNOWN_USER"));
        if (!passwordMatches(u, password)) {
            throw fail(400, "INVALID_DATA");
        }
        String name = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        createRemote(instance.toLowerCase(Locale.ROOT), name, password);
        FakeOnlineInstance server = state.reachable(instance.toLowerCase(Locale.ROOT));
        String onlineToken = server.login(name, password).orElse(null);
        state.users.remove(u.login);
        u.login = username + '@' + instance;
        state.users.put(u.login, u);
        ObjectNode data = Responses.object();
        if (onlineToken != null) {
            data.put("onlineToken", onlineToken);
        }
        data.put("token", KmWire.token(u.login, c.role(), state.jwtSecret)); // the token's role, not the type (:385)
        return KmWire.message("USER_CONVERTED", data);
    }

    /**
     * {@code convertMyOnlineUserToLocal} (controller :204-220; userOnline.ts:326-361). A local caller's own name
     * exists already: 409. A password the instance refuses throws a string there, which becomes
     * {@code USER_DELETE_ERROR_ONLINE} 500. The renamed user is saved with its password <em>hash</em> as its new
     * password, which {@code editUser} hashes again: the password stops working (a bug of the app's, kept).
     */
    private JsonNode toLocal(Call c) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        nonEmptyString(c.body(), "password", errors);
        if (!errors.isEmpty()) {
            throw KmWire.invalid(errors);
        }
        String username = c.claims().get("username").asText();
        String[] parts = username.split("@", -1);
        String local = parts[0];
        if (state.users.containsKey(local.toLowerCase(Locale.ROOT))) {
            throw fail(409, "USER_ALREADY_EXISTS_LOCALLY");
        }
        KmState.User u = c.caller();
        FakeOnlineInstance server = parts.length > 1 ? state.reachable(parts[1]) : null;
        if (server == null) {
            throw fail(400, "INVALID_DATA"); // remoteLogin gives null when the instance does not answer
        }
        if (server.login(local, c.text("password")).isEmpty()) {
            throw fail(500, "USER_DELETE_ERROR_ONLINE");
        }
        state.users.remove(u.login);
        u.login = local;
        state.users.put(local, u);
        setPassword(u, KmState.randomPassword(), true); // the hash hashed again: no typed password matches it
        server.delete(local);
        return KmWire.message("USER_DELETED_ONLINE", Responses.object().put("token",
                KmWire.token(local, c.role(), state.jwtSecret)));
    }

    /** {@code refreshAnimeList} (controller :222-229; userOnline.ts:394-411): any failure is 500. */
    private JsonNode refreshAnimeList(Call c) {
        KmState.User u = c.caller();
        FakeOnlineInstance server = u.online() ? state.reachable(u.login.substring(u.login.indexOf('@') + 1))
                : null;
        if (server == null || c.onlineAuthorization() == null || !server.checkToken(c.onlineAuthorization(),
                u.login)) {
            throw fail(500, "REFRESH_ANIME_LIST_ERROR");
        }
        u.animeListIds = new ArrayList<>(server.animeList(u.login.substring(0, u.login.indexOf('@'))));
        return null;
    }

    /**
     * {@code getAnimeList} (controller :231-262; lib:services/kara.ts:13-27): a guest's token gets an empty list with
     * no {@code avatars} or {@code i18n}; {@code size} 0 or absent is everything; {@code count} is 0 past the end.
     */
    private JsonNode getAnimeList(Call c) {
        ObjectNode o = Responses.object();
        if ("guest".equals(c.role())) {
            o.putArray("content");
            o.putObject("infos").put("count", 0).put("from", 0).put("to", 0);
            return o;
        }
        int from = Math.max(0, (int) c.body().path("from").asDouble(0));
        int size = (int) c.body().path("size").asDouble(0);
        if (size <= 0) {
            size = 9_999_999;
        }
        List<KmState.Kara> matches = state.karas.stream().filter(k -> c.caller().animeListIds.contains(k.animeId()))
                .toList();
        int to = (int) Math.min(matches.size(), (long) from + size);
        List<KmState.Kara> page = from >= matches.size() ? List.of() : matches.subList(from, to);
        o.putObject("infos").put("count", page.isEmpty() ? 0 : matches.size()).put("from", from)
                .put("to", from + page.size());
        o.putObject("i18n");
        o.putObject("avatars");
        ArrayNode content = o.putArray("content");
        for (KmState.Kara k : page) {
            ObjectNode n = content.addObject().put("kid", k.kid()).put("titles_default_language", "eng")
                    .put("duration", k.duration());
            n.putObject("titles").put("eng", k.title());
            n.putArray("series").addObject().put("name", k.series());
        }
        return o;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** zod's {@code zNonEmptyString} (lib:utils/validators.ts:114), with zod 4's texts. */
    private static void nonEmptyString(JsonNode body, String field, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        String problem = v == null ? "Invalid input: expected string, received undefined"
                : v.isNull() ? "Invalid input: expected string, received null"
                : !v.isTextual() ? "Invalid input: expected string, received " + (v.isNumber() ? "number"
                        : v.isBoolean() ? "boolean" : v.isArray() ? "array" : "object")
                : v.asText().isEmpty() ? "can't be blank" : null;
        if (problem != null) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
        }
    }

    /** Logins are trimmed, URI-decoded and lower-cased at login (app:src/services/auth.ts:20-23). */
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
        return s.toLowerCase(Locale.ROOT).strip();
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
