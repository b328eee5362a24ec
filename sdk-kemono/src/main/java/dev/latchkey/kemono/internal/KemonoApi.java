package dev.latchkey.kemono.internal;

import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.InvalidInputException;
import static dev.latchkey.core.error.InvalidInputException.require;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.ResponseParser;
import dev.latchkey.core.http.ResponseView;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import dev.latchkey.kemono.model.Service;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every Kemono endpoint, once: the request (paths from research section 1.4, {@code Accept: text/css} added by the
 * provider spec) and how to read the answer. Sync and async calls both run these.
 */
public final class KemonoApi {
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "session";
    /** Session attribute names. */
    public static final String ATTR_USERNAME = "username";
    public static final String ATTR_ID = "account_id";
    public static final String ATTR_CREATED_AT = "created_at";
    public static final String ATTR_ROLE = "role";

    private final Map<String, String> extraCookies;
    private final Clock clock;

    /** What a login produced. */
    public record Login(AccountInfo info, Session session) {
    }

    /** {@code GET /v1/account} wraps the account in {@code props}. */
    record AccountEnvelope(@JsonProperty(value = "props", required = true) Props props) {
        record Props(@JsonProperty(value = "account", required = true) AccountInfo account) {
        }
    }

    /** The post endpoints wrap the post in {@code post}. */
    record PostEnvelope(@JsonProperty(value = "post", required = true) Post post) {
    }

    /**
     * @param extraCookies cookies sent with every call beside the session (DDoS-Guard's, for example)
     * @param clock stamps new sessions
     */
    public KemonoApi(Map<String, String> extraCookies, Clock clock) {
        this.extraCookies = Map.copyOf(extraCookies);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // --- authentication ----------------------------------------------------------------------------------------

    public ApiCall<Login> login(String username, Secret password) {
        requireName(username);
        ApiRequest.Builder b = ApiRequest.post("/v1/authentication/login").operation("login")
                .jsonBody(Map.of("username", username, "password", password.reveal()))
                .secret(password.reveal()).sensitive().replayable(false).errorMapper(KemonoErrors.LOGIN);
        extraCookies(b);
        return new ApiCall<>(b.build(), r -> {
            AccountInfo info = r.json(AccountInfo.class);
            r.loggedInAs(username, info.username(), false); // Kemono2 compares names with case
            String cookie = r.cookie(SESSION_COOKIE).orElseThrow(() -> r.invalid(
                    "the login answer set no 'session' cookie"));
            // The other cookies the answer set (DDoS-Guard's) belong to the session too.
            return new Login(info, r.withCookiesSet(session(info, cookie)));
        });
    }

    /**
     * @return the {@code session} cookie the answer set, if any: Kemono2 logs a new account in as it registers it
     *     (src/pages/account/blueprint.py:220-221), and using that session spares one of the account's 10 logins in 5
     *     minutes (src/lib/security.py:34-35)
     */
    public ApiCall<Optional<String>> register(String username, Secret password) {
        requireName(username);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password.reveal());
        body.put("confirm_password", password.reveal());
        body.put("favorites_json", "");
        ApiRequest.Builder b = ApiRequest.post("/v1/authentication/register").operation("register").jsonBody(body)
                .secret(password.reveal()).sensitive().replayable(false);
        extraCookies(b);
        ResponseParser<Void> discard = ResponseParser.discard();
        return new ApiCall<>(b.build(), r -> {
            discard.parse(r);
            return r.cookie(SESSION_COOKIE).filter(c -> !c.isEmpty());
        });
    }

    public ApiCall<Void> logout(Session s) {
        return new ApiCall<>(withSession(ApiRequest.post("/v1/authentication/logout").operation("logout"), s).replayable(false).build(),
                ResponseParser.discard());
    }

    public ApiCall<AccountInfo> account(Session s) {
        return new ApiCall<>(withSession(ApiRequest.get("/v1/account").operation("account"), s).build(), KemonoApi::accountInfo);
    }

    private static AccountInfo accountInfo(ResponseView r) throws IOException {
        return r.json(AccountEnvelope.class).props().account();
    }

    public ApiCall<Void> changePassword(Session s, Secret current, Secret next) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("current-password", current.reveal());
        body.put("new-password", next.reveal());
        body.put("new-password-confirmation", next.reveal());
        return new ApiCall<>(withSession(ApiRequest.post("/v1/account/change_password").operation("changePassword"), s).jsonBody(body)
                .secret(current.reveal()).secret(next.reveal()).sensitive().replayable(false)
                .errorMapper(KemonoErrors.CHANGE_PASSWORD).build(), ResponseParser.discard());
    }

    /** The session a login answer describes: the cookie, and the account's public facts to resume without a call. */
    public Session session(AccountInfo info, String cookie) {
        Session.Builder b = Session.builder("kemono").cookie(SESSION_COOKIE, cookie)
                .attribute(ATTR_USERNAME, info.username()).attribute(ATTR_ID, String.valueOf(info.id()))
                .attribute(ATTR_ROLE, info.role().value()).createdAt(clock.instant());
        if (info.createdAt() != null) {
            b.attribute(ATTR_CREATED_AT, info.createdAt().toString());
        }
        return b.build();
    }

    /**
     * @return the account facts kept in a stored session
     * @throws dev.latchkey.core.error.SessionStoreException naming the key, if the stored session is not one a login
     *     made (a hand-edited or corrupted file)
     */
    public static AccountInfo infoOf(String key, Session s) {
        return dev.latchkey.core.error.SessionStoreException.readBack(key, "Kemono", () -> {
            if (s.cookie(SESSION_COOKIE).isEmpty()) {
                throw new IllegalStateException("no session cookie");
            }
            return new AccountInfo(Long.parseLong(s.attribute(ATTR_ID).orElse("0")), s.attribute(ATTR_USERNAME)
                    .orElse("?"), s.attribute(ATTR_CREATED_AT).map(LocalDateTime::parse).orElse(null),
                    dev.latchkey.kemono.model.Role.of(s.attribute(ATTR_ROLE).orElse("consumer")));
        });
    }

    // --- favorites ---------------------------------------------------------------------------------------------

    public ApiRequest favoritesRequest(Session s, String type) {
        return withSession(ApiRequest.get("/v1/account/favorites").operation("favorites"), s).query("type", type).build();
    }

    public ApiCall<List<FavoriteCreator>> favoriteCreators(Session s) {
        return new ApiCall<>(favoritesRequest(s, "artist"), ResponseParser.list(FavoriteCreator.class));
    }

    public ApiCall<List<FavoritePost>> favoritePosts(Session s) {
        return new ApiCall<>(favoritesRequest(s, "post"), ResponseParser.list(FavoritePost.class));
    }

    public ApiCall<Void> favoriteCreator(Session s, boolean add, Service service, String creatorId) {
        ApiRequest.Builder b = ApiRequest.builder(add ? "POST" : "DELETE", "/v1/favorites/creator/{service}/{id}")
                .operation(add ? "addFavoriteCreator" : "removeFavoriteCreator")
                .pathParam("service", require(service, "service").value()).pathParam("id", creatorId);
        // Adding a favorite twice leaves one: safe to replay.
        return new ApiCall<>(withSession(b, s).replayable(true).build(), ResponseParser.discard());
    }

    public ApiCall<Void> favoritePost(Session s, boolean add, Service service, String creatorId, String postId) {
        ApiRequest.Builder b = ApiRequest.builder(add ? "POST" : "DELETE",
                "/v1/favorites/post/{service}/{id}/{post}").operation(add ? "addFavoritePost" : "removeFavoritePost")
                .pathParam("service", require(service, "service").value())
                .pathParam("id", creatorId).pathParam("post", postId);
        return new ApiCall<>(withSession(b, s).replayable(true).build(), ResponseParser.discard());
    }

    // --- public pages ------------------------------------------------------------------------------------------

    public ApiCall<Creator> creator(Session s, Service service, String creatorId) {
        ApiRequest.Builder b = ApiRequest.get("/v1/{service}/user/{id}/profile").operation("creator").pathParam("service", require(service, "service").value())
                .pathParam("id", creatorId);
        return new ApiCall<>(maybeSession(b, s).build(), ResponseParser.json(Creator.class));
    }

    public ApiCall<RandomPost> randomPost(Session s) {
        return new ApiCall<>(maybeSession(ApiRequest.get("/v1/posts/random").operation("randomPost"), s).build(),
                ResponseParser.json(RandomPost.class));
    }

    public ApiCall<RandomCreator> randomCreator(Session s) {
        return new ApiCall<>(maybeSession(ApiRequest.get("/v1/artists/random").operation("randomCreator"), s).build(),
                ResponseParser.json(RandomCreator.class));
    }

    public ApiCall<Post> post(Session s, Service service, String creatorId, String postId) {
        ApiRequest.Builder b = ApiRequest.get("/v1/{service}/user/{id}/post/{post}").operation("post")
                .pathParam("service", require(service, "service").value()).pathParam("id", creatorId).pathParam("post", postId);
        return new ApiCall<>(maybeSession(b, s).build(), KemonoApi::readPost);
    }

    private static Post readPost(ResponseView r) throws IOException {
        return r.json(PostEnvelope.class).post();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /**
     * The escape hatch: any path, with the extra cookies every call sends, and the session when there is one.
     *
     * @param s the session, or {@code null} for a public call
     */
    public <T> ApiCall<T> raw(Session s, String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return ApiCall.of(maybeSession(ApiRequest.builder(method, path), s), query, body, type);
    }

    /** Checks a session cookie taken elsewhere: who it belongs to, and the session to keep. */
    /**
     * @param cookie a {@code session} cookie
     * @param asked the user it should belong to (the account just registered), or {@code null} for whoever it is
     */
    public ApiCall<Login> sessionCookie(String cookie, String asked) {
        Session probe = Session.builder("kemono").cookie(SESSION_COOKIE, cookie).build();
        return new ApiCall<>(withSession(ApiRequest.get("/v1/account").operation("checkSession"), probe).build(), r -> {
            AccountInfo info = accountInfo(r);
            r.loggedInAs(asked, info.username(), false);
            return new Login(info, session(info, cookie));
        });
    }

    private ApiRequest.Builder withSession(ApiRequest.Builder b, Session s) {
        String cookie = s.cookie(SESSION_COOKIE).orElseThrow(() -> new InvalidInputException(
                "the session has no 'session' cookie"));
        return cookies(b, SESSION_COOKIE + '=' + cookie, s);
    }

    private ApiRequest.Builder maybeSession(ApiRequest.Builder b, Session s) {
        return s == null ? extraCookies(b) : withSession(b, s);
    }

    private ApiRequest.Builder extraCookies(ApiRequest.Builder b) {
        return cookies(b, null, null);
    }

    /**
     * One {@code Cookie} header: the session cookie (if any) first, then the other cookies the site set in the session
     * (DDoS-Guard's, kept from its answers: fresher than a browser's), then the client's; all secret.
     */
    private ApiRequest.Builder cookies(ApiRequest.Builder b, String sessionPair, Session s) {
        StringBuilder header = new StringBuilder(sessionPair == null ? "" : sessionPair);
        java.util.Set<String> sent = new java.util.HashSet<>();
        if (sessionPair != null) {
            sent.add(SESSION_COOKIE);
        }
        if (s != null) {
            s.cookies().forEach((k, v) -> {
                if (sent.add(k)) {
                    header.append("; ").append(k).append('=').append(v);
                }
            });
        }
        extraCookies.forEach((k, v) -> {
            if (sent.add(k)) {
                header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v);
            }
        });
        return header.length() == 0 ? b : b.secretHeader("Cookie", header.toString());
    }

    private static void requireName(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is blank");
        }
    }
}
