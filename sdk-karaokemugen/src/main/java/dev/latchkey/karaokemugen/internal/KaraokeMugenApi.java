package dev.latchkey.karaokemugen.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.ResponseParser;
import dev.latchkey.core.http.ResponseView;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.karaokemugen.model.AuthInfo;
import dev.latchkey.karaokemugen.model.Kara;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.User;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.karaokemugen.model.UserType;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every Karaoke Mugen command, once (research sections 2.2 to 2.6): the request, which is always
 * {@code POST /api/command} with {@code {"cmd", "body": {"body", "authorization", "onlineAuthorization"}}}, and how to
 * read its answer. The tokens travel inside the JSON body: each is registered as a secret of its request, so it is
 * scrubbed from every log line and message, and answers that carry new tokens are never logged. Sync and async calls
 * both run these.
 */
public final class KaraokeMugenApi {
    /** The session's token names and attributes. */
    public static final String TOKEN = "token";
    public static final String ONLINE_TOKEN = "onlineToken";
    public static final String ATTR_USERNAME = "username";
    public static final String ATTR_ROLE = "role";
    /** The role of the app's operator in a token. */
    public static final String OPERATOR_ROLE = "admin";
    /** The local part of a login (research 2.5). */
    static final Pattern LOCAL_PART = Pattern.compile("^[a-zA-Z0-9_.-]+$");
    /** An online account's instance: a host name, with a port where a test server has one. */
    static final Pattern INSTANCE = Pattern.compile("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$");

    private final Clock clock;

    public KaraokeMugenApi(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a login or a conversion produced: who, and the session to keep. */
    public record Login(String username, String role, Session session) {
    }

    /** {@code {"err": false, "data": T}}. */
    // The answers' types, resolved once: a TypeReference made per call costs a reflective lookup every time.
    private static final TypeReference<JsonNode> ANY_DATA = new TypeReference<>() { };
    private static final TypeReference<LoginData> LOGIN = new TypeReference<>() { };
    private static final TypeReference<AuthInfo> AUTH_INFO = new TypeReference<>() { };
    private static final TypeReference<List<UserSummary>> USERS = new TypeReference<>() { };
    private static final TypeReference<User> USER = new TypeReference<>() { };
    private static final TypeReference<AnimeList> ANIME_LIST = new TypeReference<>() { };

    record LoginData(@JsonProperty(value = "token", required = true) String token,
            @JsonProperty(value = "username", required = true) String username,
            @JsonProperty(value = "role", required = true) String role,
            @JsonProperty("onlineToken") String onlineToken) {
        @Override
        public String toString() {
            return "LoginData{username=" + username + ", role=" + role + '}';
        }
    }

    record AnimeList(@JsonProperty(value = "content", required = true) List<Kara> content,
            @JsonProperty(value = "infos", required = true) Infos infos) {
        record Infos(@JsonProperty(value = "count", required = true) long count) {
        }
    }

    // --- the envelope ----------------------------------------------------------------------------------------------

    /**
     * @param cmd the command
     * @param s the session whose tokens go with it, or {@code null}
     * @param body the command's {@code body}
     * @param replayable whether the command only reads (safe to send again)
     */
    private static ApiRequest.Builder command(String cmd, Session s, Map<String, ?> body, boolean replayable) {
        Map<String, Object> apiData = new LinkedHashMap<>();
        apiData.put("body", body);
        ApiRequest.Builder b = ApiRequest.post("/api/command").operation(cmd);
        if (s != null) {
            String token = s.token(TOKEN).orElseThrow(() -> new InvalidInputException("the session has no token"));
            apiData.put("authorization", token);
            b.secret(token);
            s.token(ONLINE_TOKEN).ifPresent(t -> {
                apiData.put("onlineAuthorization", t);
                b.secret(t);
            });
        }
        // Every command shares one path: the error mapper names the command in the message.
        return b.jsonBody(Map.of("cmd", cmd, "body", apiData)).replayable(replayable)
                .errorMapper(KaraokeMugenErrors.forCommand(cmd, s != null));
    }

    /** @return the answer's {@code data}, read as the type; an {@code err: true} with status 200 is still an error */
    /**
     * The envelope {@code {"err": ..., "data": ...}}, {@code err} read first: an answer that says {@code err: true}
     * carries an error where the data was due, whatever its status, and is mapped as an error status is (a wrong
     * password in a 200 is still {@code InvalidCredentialsException}), not read as missing data.
     */
    private static <T> T data(ResponseView r, TypeReference<T> type) throws IOException {
        JsonNode envelope = r.tree();
        if (!envelope.isObject()) {
            throw r.invalid("the answer is not Karaoke Mugen's {err, data} envelope");
        }
        if (envelope.path("err").asBoolean(false)) {
            throw r.failure(envelope);
        }
        return r.json(envelope.get("data"), "data", type);
    }

    /** The "message" results of writes: {@code {code: 200, message: {code, data}}}; the {@code message.data}. */
    private static JsonNode messageData(ResponseView r) throws IOException {
        JsonNode data = data(r, ANY_DATA);
        return data == null ? null : data.path("message").path("data");
    }

    private static ResponseParser<Void> done() {
        return r -> {
            data(r, ANY_DATA);
            return null;
        };
    }

    // --- auth ------------------------------------------------------------------------------------------------------

    /**
     * {@code login}; with a security code, the app makes the account its operator only if the code is right
     * ({@code app:src/controllers/auth.ts:22}), and otherwise logs it in as it was: a login with a code whose answer
     * is not the operator's role is refused here, never a silent non-operator session.
     */
    public ApiCall<Login> login(String username, Secret password, String securityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        String login = requireLogin(username);
        body.put("username", login);
        body.put("password", password.reveal());
        if (securityCode != null) {
            body.put("securityCode", codeNumber(securityCode));
        }
        ApiRequest.Builder b = codeSecrets(command("login", null, body, false).secret(password.reveal()).sensitive(),
                securityCode);
        return new ApiCall<>(b.build(), r -> {
            Login l = readLogin(r, login);
            if (securityCode != null && !OPERATOR_ROLE.equals(l.role())) {
                throw new InvalidCodeException(r.error("SECURITY_CODE_NOT_ACCEPTED", "login: the app logged '"
                        + l.username() + "' in as " + l.role() + ", not as its operator: the security code is wrong "
                        + "or was used already (it changes after each use); ask the operator for the current one"));
            }
            return l;
        });
    }

    public ApiCall<Login> loginGuest() {
        return new ApiCall<>(command("loginGuest", null, Map.of(), false).sensitive().build(),
                r -> readLogin(r, null));
    }

    /**
     * @param asked the login asked for (the app answers it trimmed and lower-cased, as {@link #requireLogin} makes
     *     it), or {@code null} for a guest the app chooses
     */
    private Login readLogin(ResponseView r, String asked) throws IOException {
        LoginData d = data(r, LOGIN);
        if (d == null) {
            throw r.invalid("the login answer has no data");
        }
        // A guest's login is the app's (sanitizeLogin keeps any letter, a custom guest's name included).
        String username = r.loggedInAs(asked, d.username(), false);
        return new Login(username, d.role(), session(r, username, d.role(), d.token(), d.onlineToken()));
    }

    /** The session a login or conversion gives: the tokens, and who they are for, to resume without a call. */
    private Session session(ResponseView r, String username, String role, String token, String onlineToken) {
        if (!headerSafe(token) || onlineToken != null && !headerSafe(onlineToken)) {
            throw r.invalid("the answer carries no usable token");
        }
        if (username == null || username.isBlank()) {
            throw r.invalid("the answer names no user");
        }
        Session.Builder b = Session.builder("karaokemugen").token(TOKEN, token).attribute(ATTR_USERNAME, username)
                .attribute(ATTR_ROLE, role == null ? "user" : role).createdAt(clock.instant());
        if (onlineToken != null) {
            b.token(ONLINE_TOKEN, onlineToken);
        }
        return b.build();
    }

    /** A token goes back in JSON, and to {@code importFile} in a header: printable ASCII only. */
    private static boolean headerSafe(String token) {
        return token != null && !token.isEmpty() && token.length() <= 8192
                && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    public ApiCall<AuthInfo> checkAuth(Session s) {
        return new ApiCall<>(command("checkAuth", s, Map.of(), true).build(),
                r -> required(r, data(r, AUTH_INFO)));
    }

    // --- users -----------------------------------------------------------------------------------------------------

    public ApiCall<List<UserSummary>> users(Session s) {
        return new ApiCall<>(command("getUsers", s, Map.of(), true).build(),
                r -> List.copyOf(required(r, data(r, USERS))));
    }

    /** {@code getUser}; 404 {@code UNKNOWN_USER} and an operator's empty answer are both "no such user". */
    public ApiCall<User> user(Session s, String username) {
        return new ApiCall<>(command("getUser", s, Map.of("username", requireLogin(username)), true).build(),
                r -> {
                    User u = data(r, USER);
                    if (u == null) {
                        throw new dev.latchkey.core.error.NotFoundException(r.error("UNKNOWN_USER",
                                "no such user"));
                    }
                    return u;
                });
    }

    /**
     * {@code createUser}. Karaoke Mugen 7.1.50 and later make every account an operator's token creates an operator,
     * whatever type is sent ({@code app:src/controllers/frontend/user.ts:62-68}, {@code services/user.ts:301}), and
     * keep the type of no one else's ({@code user.ts:56-59}): only an operator's call may ask for a type, and
     * {@link #typeToSet} says when the account must be set to it afterwards.
     */
    public ApiCall<Void> createUser(Session s, NewUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", requireLogin(user.login()));
        String password = user.password().reveal();
        if (!password.equals(password.strip())) {
            // services/user.ts:288 trims a new password, auth.ts:44 compares a login's as typed
            throw new InvalidInputException("the password starts or ends with white space: Karaoke Mugen trims it "
                    + "when it creates the account but not when it logs in, so the password as typed would never work");
        }
        body.put("password", password);
        if (user.nickname() != null) {
            body.put("nickname", user.nickname());
        }
        UserType type = wantedType(s, user);
        if (type != null && isOperator(s)) {
            body.put("type", type.code()); // what an app before 7.1.50 keeps
        }
        if (user.securityCode() != null) {
            body.put("securityCode", codeNumber(user.securityCode()));
        }
        ApiRequest.Builder b = codeSecrets(command("createUser", s, body, false).secret(password).sensitive(),
                user.securityCode());
        return new ApiCall<>(b.build(), done());
    }

    /**
     * @return the type an operator's new account must be given after {@code createUser} (the app made it an operator),
     *     or {@code null} when there is nothing to set
     */
    public static UserType typeToSet(Session s, NewUser user) {
        if (!isOperator(s)) {
            return null;
        }
        UserType type = wantedType(s, user);
        return UserType.OPERATOR.equals(type) ? null : type == null ? UserType.USER : type;
    }

    /** The type asked for, checked: guests are the app's own, and only an operator's call sets a type. */
    private static UserType wantedType(Session s, NewUser user) {
        UserType type = user.type();
        if (type == null) {
            return null;
        }
        if (!UserType.USER.equals(type) && !UserType.OPERATOR.equals(type)) {
            throw new InvalidInputException("createUser makes operators and users only: Karaoke Mugen creates its "
                    + "guests itself (loginGuest), and a guest has no password");
        }
        if (UserType.OPERATOR.equals(type) && !isOperator(s)) {
            throw new InvalidInputException("only the operator's createUser makes an operator: log in with the "
                    + "security code first");
        }
        return type;
    }

    private static boolean isOperator(Session s) {
        return s != null && OPERATOR_ROLE.equals(s.attribute(ATTR_ROLE).orElse(null));
    }

    /**
     * @param createdAs the login created
     * @param setting why the type could not be set
     * @param deleted whether the account was deleted again
     * @return what to throw: the account was created as an operator, and could not be made what was asked
     */
    public static LatchkeyException unaskedOperator(String createdAs, Throwable setting, boolean deleted) {
        return new LatchkeyException("createUser: Karaoke Mugen made '" + createdAs + "' an operator (7.1.50 and "
                + "later make every account an operator creates one), and setting its type failed: "
                + setting.getMessage() + (deleted ? ". The account was deleted again: create it once more"
                        : ". Deleting it failed too: it is an operator now; delete it or set its type by hand"),
                setting);
    }

    public ApiCall<Void> editUser(Session s, String login, ProfileEdit edit, Object avatar) {
        Map<String, Object> body = editBody(edit, avatar);
        body.put("login", requireLogin(login));
        return new ApiCall<>(withPassword(command("editUser", s, body, false), edit).build(), done());
    }

    public ApiCall<Void> setUserType(Session s, String login, UserType type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", requireLogin(login));
        body.put("type", InvalidInputException.require(type, "type").code());
        return new ApiCall<>(command("editUser", s, body, false).build(), done());
    }

    public ApiCall<Void> deleteUser(Session s, String username) {
        return new ApiCall<>(command("deleteUser", s, Map.of("username", requireLogin(username)), false).build(),
                done());
    }

    /**
     * {@code resetUserPassword}: for a local account the security code is checked ({@code +req.body.securityCode},
     * {@code app:src/controllers/frontend/user.ts:119}); for {@code name@instance} the instance mails a reset link and
     * no code is read ({@code :138-145}).
     */
    public ApiCall<Void> resetUserPassword(String username, Secret newPassword, String securityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        String login = requireLogin(username);
        body.put("username", login);
        body.put("password", newPassword.reveal());
        if (securityCode != null || !login.contains("@")) {
            body.put("securityCode", codeNumber(securityCode));
        }
        return new ApiCall<>(codeSecrets(command("resetUserPassword", null, body, false).secret(newPassword.reveal())
                .sensitive(), securityCode).build(), done());
    }

    // --- my account ------------------------------------------------------------------------------------------------

    public ApiCall<User> myAccount(Session s) {
        return new ApiCall<>(command("getMyAccount", s, Map.of(), true).build(),
                r -> required(r, data(r, USER)));
    }

    /** @return the new online token, if the app sent one */
    public ApiCall<String> editMyAccount(Session s, ProfileEdit edit, Object avatar) {
        return new ApiCall<>(withPassword(command("editMyAccount", s, editBody(edit, avatar), false), edit)
                .sensitive().build(), r -> {
                    JsonNode d = messageData(r);
                    JsonNode t = d == null ? null : d.get(ONLINE_TOKEN);
                    return t != null && t.isTextual() && headerSafe(t.asText()) ? t.asText() : null;
                });
    }

    public ApiCall<Void> deleteMyAccount(Session s) {
        return new ApiCall<>(command("deleteMyAccount", s, Map.of(), false).build(), done());
    }

    /** {@code convertMyLocalUserToOnline}: new local and online tokens for {@code name@instance}. */
    public ApiCall<Login> convertToOnline(Session s, String instance, Secret password) {
        if (instance == null || instance.isBlank()) {
            throw new InvalidInputException("instance is blank");
        }
        String current = s.attribute(ATTR_USERNAME).orElse("");
        String login = requireLogin(current + '@' + instance.strip());
        ApiRequest.Builder b = command("convertMyLocalUserToOnline", s, Map.of("instance", instance.strip(),
                "password", password.reveal()), false).secret(password.reveal()).sensitive();
        return new ApiCall<>(b.build(), r -> {
            JsonNode d = messageData(r);
            String token = text(d, TOKEN);
            return new Login(login, s.attribute(ATTR_ROLE).orElse("user"), session(r, login,
                    s.attribute(ATTR_ROLE).orElse("user"), token, text(d, ONLINE_TOKEN)));
        });
    }

    /** {@code convertMyOnlineUserToLocal}: a new local token for the local part of the login. */
    public ApiCall<Login> convertToLocal(Session s, Secret password) {
        String current = s.attribute(ATTR_USERNAME).orElse("");
        if (!current.contains("@")) {
            throw new InvalidInputException("this account is not an online one (name@instance)");
        }
        String login = current.substring(0, current.indexOf('@'));
        ApiRequest.Builder b = command("convertMyOnlineUserToLocal", s, Map.of("password", password.reveal()),
                false).secret(password.reveal()).sensitive();
        return new ApiCall<>(b.build(), r -> {
            String token = text(messageData(r), TOKEN);
            return new Login(login, s.attribute(ATTR_ROLE).orElse("user"), session(r, login,
                    s.attribute(ATTR_ROLE).orElse("user"), token, null));
        });
    }

    /**
     * {@code editMyAccount} with the password alone: after {@code convertMyOnlineUserToLocal}, whose saved password is
     * the old hash hashed again (app:src/services/userOnline.ts:330-344, services/user.ts:118-121).
     */
    public ApiCall<Void> restorePassword(Session s, Secret password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", password.reveal());
        return new ApiCall<>(command("editMyAccount", s, body, false).secret(password.reveal()).sensitive().build(),
                done());
    }

    /** @return what to throw when the password could not be set again after a conversion to a local account */
    public static LatchkeyException passwordLost(String login, Throwable cause) {
        return new LatchkeyException("convertToLocal: '" + login + "' is a local account now and this session works, "
                + "but Karaoke Mugen saved its password wrongly (it hashes the stored hash again) and setting it again "
                + "failed: " + cause.getMessage() + ". Reset the password with the security code (resetUserPassword)",
                cause);
    }

    public ApiCall<Void> refreshAnimeList(Session s) {
        return new ApiCall<>(command("refreshAnimeList", s, Map.of(), false).build(), done());
    }

    /** {@code getAnimeList} from {@code from}, {@code size} songs: one page, and how many there are in all. */
    public ApiCall<OffsetPages.Slice<Kara>> animeList(Session s, int size, long from) {
        return new ApiCall<>(command("getAnimeList", s, Map.of("from", from, "size", size), true).build(), r -> {
            AnimeList list = required(r, data(r, ANIME_LIST));
            if (list.content().contains(null) || list.infos().count() < 0) {
                throw r.invalid("the anime list is malformed");
            }
            return new OffsetPages.Slice<>(list.content(), list.infos().count());
        });
    }

    /** {@code POST /api/importFile}: the raw token in {@code authorization}; the file object for {@code avatar}. */
    public ApiCall<JsonNode> importFile(Session s, ProfileEdit.Avatar avatar) {
        String token = s.token(TOKEN).orElseThrow(() -> new InvalidInputException("the session has no token"));
        ApiRequest request = ApiRequest.post("/api/importFile").operation("importFile").secretHeader("authorization", token)
                .multipartFile("file", avatar.filename(), avatar.content(), avatar.contentType()).replayable(false)
                .build();
        return new ApiCall<>(request, r -> {
            JsonNode file = r.tree();
            if (file == null || !file.isObject() || !file.path("filename").isTextual()) {
                throw r.invalid("the upload answer names no stored file");
            }
            return file;
        });
    }

    /** The escape hatch: any command, with the session's tokens when there is one; the answer's {@code data}. */
    public ApiCall<JsonNode> raw(Session s, String cmd, Map<String, ?> body) {
        if (cmd == null || cmd.isBlank()) {
            throw new InvalidInputException("command is blank");
        }
        return new ApiCall<>(command(cmd, s, body == null ? Map.of() : body, false).build(),
                r -> data(r, ANY_DATA));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> editBody(ProfileEdit edit, Object avatar) {
        Map<String, Object> body = new LinkedHashMap<>(InvalidInputException.require(edit, "edit").fields());
        if (edit.password() != null) {
            body.put("password", edit.password().reveal());
        }
        if (avatar != null) {
            body.put("avatar", avatar);
        }
        return body;
    }

    private static ApiRequest.Builder withPassword(ApiRequest.Builder b, ProfileEdit edit) {
        return edit.password() == null ? b : b.secret(edit.password().reveal()).sensitive();
    }

    private static <T> T required(ResponseView r, T value) {
        if (value == null) {
            throw r.invalid("the answer has no data");
        }
        return value;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** Logins as the app reads them: trimmed, lower-cased; the local part checked before sending. */
    public static String requireLogin(String login) {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException("login is blank");
        }
        String l = login.strip().toLowerCase(Locale.ROOT);
        if (!validLogin(l)) {
            throw new InvalidInputException("a login is letters, digits, '_', '.' and '-' (then @instance for an "
                    + "online account, the instance a host name)");
        }
        return l;
    }

    /** @return whether a (lower-cased) login is {@code name} or {@code name@instance}, the instance a host name */
    static boolean validLogin(String l) {
        int at = l.indexOf('@');
        String local = at < 0 ? l : l.substring(0, at);
        return LOCAL_PART.matcher(local).matches() && (at < 0 || INSTANCE.matcher(l.substring(at + 1)).matches());
    }

    /** A security code is the six digits the app shows its operator. */
    static String requireCode(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw new InvalidInputException("a security code is six digits");
        }
        return code;
    }

    /**
     * The app keeps its codes as numbers and compares them strictly ({@code securityCode: number},
     * {@code app:src/types/state.d.ts:55}; {@code ===} at {@code controllers/auth.ts:22}, {@code !==} at
     * {@code services/user.ts:282}): a code goes as a JSON number, {@code "012345"} as {@code 12345}.
     */
    static int codeNumber(String code) {
        return Integer.parseInt(requireCode(code));
    }

    /** Both forms of a code are secrets: the six digits given, and the number sent. */
    private static ApiRequest.Builder codeSecrets(ApiRequest.Builder b, String code) {
        return code == null ? b : b.secret(code).secret(String.valueOf(Integer.parseInt(code)));
    }

    /** @return who a stored session is for, without a call */
    public static String usernameOf(String key, Session s) {
        return SessionStoreException.readBack(key, "Karaoke Mugen", () -> {
            if (s.token(TOKEN).isEmpty()) {
                throw new IllegalStateException("no token");
            }
            return s.attribute(ATTR_USERNAME).orElseThrow(() -> new IllegalStateException("no user name"));
        });
    }
}
