package dev.latchkey.karaokemugen.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidInputException;
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
    /** The local part of a login (research 2.5). */
    static final Pattern LOCAL_PART = Pattern.compile("^[a-zA-Z0-9_.-]+$");

    private final Clock clock;

    public KaraokeMugenApi(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a login or a conversion produced: who, and the session to keep. */
    public record Login(String username, String role, Session session) {
    }

    /** {@code {"err": false, "data": T}}. */
    // The answers' types, resolved once: a TypeReference made per call costs a reflective lookup every time.
    private static final TypeReference<Envelope<JsonNode>> ANY_DATA = new TypeReference<>() { };
    private static final TypeReference<Envelope<LoginData>> LOGIN = new TypeReference<>() { };
    private static final TypeReference<Envelope<AuthInfo>> AUTH_INFO = new TypeReference<>() { };
    private static final TypeReference<Envelope<List<UserSummary>>> USERS = new TypeReference<>() { };
    private static final TypeReference<Envelope<User>> USER = new TypeReference<>() { };
    private static final TypeReference<Envelope<AnimeList>> ANIME_LIST = new TypeReference<>() { };

    record Envelope<T>(@JsonProperty("err") Boolean err, @JsonProperty("data") T data) {
    }

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
        ApiRequest.Builder b = ApiRequest.post("/api/command");
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
                .errorMapper(KaraokeMugenErrors.forCommand(cmd));
    }

    /** @return the answer's {@code data}, read as the type; an {@code err: true} with status 200 is still an error */
    private static <T> T data(ResponseView r, TypeReference<Envelope<T>> type) throws IOException {
        Envelope<T> e = r.json(type);
        if (Boolean.TRUE.equals(e.err())) {
            throw ErrorResponse.byStatus(r.error(null, "the answer says err: true"));
        }
        return e.data();
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

    public ApiCall<Login> login(String username, Secret password, String securityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", requireLogin(username));
        body.put("password", password.reveal());
        if (securityCode != null) {
            body.put("securityCode", requireCode(securityCode));
        }
        ApiRequest.Builder b = command("login", null, body, false).secret(password.reveal()).sensitive();
        if (securityCode != null) {
            b.secret(securityCode);
        }
        return new ApiCall<>(b.build(), this::readLogin);
    }

    public ApiCall<Login> loginGuest() {
        return new ApiCall<>(command("loginGuest", null, Map.of(), false).sensitive().build(), this::readLogin);
    }

    private Login readLogin(ResponseView r) throws IOException {
        LoginData d = data(r, LOGIN);
        if (d == null) {
            throw r.invalid("the login answer has no data");
        }
        return new Login(d.username(), d.role(), session(r, d.username(), d.role(), d.token(), d.onlineToken()));
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

    public ApiCall<Void> createUser(Session s, NewUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", requireLogin(user.login()));
        body.put("password", user.password().reveal());
        if (user.nickname() != null) {
            body.put("nickname", user.nickname());
        }
        if (user.type() != null) {
            body.put("type", user.type().code());
            body.put("role", user.type().role());
        }
        if (user.securityCode() != null) {
            body.put("securityCode", requireCode(user.securityCode()));
        }
        ApiRequest.Builder b = command("createUser", s, body, false).secret(user.password().reveal())
                .secret(user.securityCode()).sensitive();
        return new ApiCall<>(b.build(), done());
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

    public ApiCall<Void> resetUserPassword(String username, Secret newPassword, String securityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", requireLogin(username));
        body.put("password", newPassword.reveal());
        body.put("securityCode", requireCode(securityCode));
        return new ApiCall<>(command("resetUserPassword", null, body, false).secret(newPassword.reveal())
                .secret(securityCode).sensitive().build(), done());
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
        String login = current + '@' + instance.strip().toLowerCase(Locale.ROOT);
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
        ApiRequest request = ApiRequest.post("/api/importFile").secretHeader("authorization", token)
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
        String local = l.contains("@") ? l.substring(0, l.indexOf('@')) : l;
        if (!LOCAL_PART.matcher(local).matches() || l.endsWith("@")) {
            throw new InvalidInputException("a login is letters, digits, '_', '.' and '-' (then @instance for an "
                    + "online account)");
        }
        return l;
    }

    /** A security code is the six digits the app shows its operator. */
    static String requireCode(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw new InvalidInputException("a security code is six digits");
        }
        return code;
    }

    /** @return who a stored session is for, without a call */
    public static String usernameOf(String key, Session s) {
        if (s.token(TOKEN).isEmpty() || s.attribute(ATTR_USERNAME).isEmpty()) {
            throw new SessionStoreException("the stored session under key '" + key + "' is not a Karaoke Mugen "
                    + "session a login made; log in again", null);
        }
        return s.attribute(ATTR_USERNAME).get();
    }
}
