package dev.latchkey.eternaltwin.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.ResponseView;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.eternaltwin.model.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every Eternaltwin endpoint, once: the request (research sections 1.4 and 2) and how to read the answer. Sync and
 * async calls both run these.
 */
public final class EternaltwinApi {
    /** The session's token and attribute names. */
    public static final String TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String ATTR_USER_ID = "user_id";
    public static final String ATTR_DISPLAY_NAME = "display_name";
    public static final String ATTR_CLIENT = "client";

    /** An access token's lifetime beyond this is "never" (the 2021 server says 1,000,000,000 s). */
    static final Duration LONGEST_LIFETIME = Duration.ofDays(365L * 100);

    private final Clock clock;

    public EternaltwinApi(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a token exchange or a token check produced: whose token it is, and the session to keep. */
    public record Grant(User user, Session session) {
    }

    /** {@code POST /oauth/token}'s answer (2021 server and RFC 6749 section 5.1). */
    record TokenAnswer(@JsonProperty("token_type") String tokenType,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {
        @Override
        public String toString() {
            return "TokenAnswer{tokenType=" + tokenType + ", accessToken=***, expiresIn=" + expiresIn + '}';
        }
    }

    /** {@code GET /api/v1/auth/self}'s answer: who the credentials are. */
    record SelfAnswer(@JsonProperty(value = "type", required = true) String type,
            @JsonProperty("client") ClientRef client, @JsonProperty("user") User user) {
    }

    record ClientRef(@JsonProperty("id") String id, @JsonProperty("key") String key) {
    }

    /** {@code GET /api/v1/users}'s answer. */
    record UserList(@JsonProperty(value = "count", required = true) long count,
            @JsonProperty(value = "items", required = true) List<User> items) {
    }

    // --- OAuth -------------------------------------------------------------------------------------------------

    /**
     * Redeems an authorization code. Never replayed: a code is good once (RFC 6749 section 4.1.2). The client
     * authenticates with HTTP Basic of the raw {@code id:secret}, as Eternaltwin reads it (research section 1.4).
     *
     * @return the session holding the access token (its user is learnt by {@link #self})
     */
    public ApiCall<Session> exchange(String clientId, Secret clientSecret, String code, String redirectUri,
            String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        ApiRequest request = ApiRequest.post("/oauth/token").operation("token")
                .secretHeader("Authorization", okhttp3.Credentials.basic(clientId, clientSecret.reveal(),
                        StandardCharsets.UTF_8))
                .secret(clientSecret.reveal()).secret(code).secret(codeVerifier).formBody(form).sensitive()
                .replayable(false).errorMapper(EternaltwinErrors.TOKEN).build();
        return new ApiCall<>(request, r -> {
            TokenAnswer t = r.json(TokenAnswer.class);
            if (t.tokenType() == null || !t.tokenType().equalsIgnoreCase("Bearer")) {
                throw r.invalid("the token answer's token_type is not Bearer");
            }
            if (!isHeaderSafe(t.accessToken())) {
                throw r.invalid("the token answer carries no usable access_token");
            }
            if (t.expiresIn() != null && t.expiresIn() < 0) {
                throw r.invalid("the token answer's expires_in is negative");
            }
            Session.Builder b = Session.builder("eternaltwin").token(TOKEN, t.accessToken()).createdAt(clock.instant());
            if (t.expiresIn() != null && Duration.ofSeconds(t.expiresIn()).compareTo(LONGEST_LIFETIME) < 0) {
                b.expiresAt(clock.instant().plusSeconds(t.expiresIn()));
            }
            if (isHeaderSafe(t.refreshToken())) {
                b.token(REFRESH_TOKEN, t.refreshToken());
            }
            return b.build();
        });
    }

    /** A token a header can carry: printable ASCII, no spaces (a hostile answer must not smuggle a header line). */
    static boolean isHeaderSafe(String token) {
        return token != null && !token.isEmpty() && token.length() <= 4096
                && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    // --- the token's user --------------------------------------------------------------------------------------

    /**
     * {@code GET /api/v1/auth/self} with the session's token. A {@code Guest} answer (status 200, what Eternaltwin
     * gives a request without credentials) is an {@link UnauthorizedException} here; a token the server does not
     * know is a bare 500 on every readable server version ({@link EternaltwinErrors#WITH_TOKEN}).
     *
     * @return the token's user, and the session completed with it
     */
    public ApiCall<Grant> self(Session s) {
        return self(s, null);
    }

    /**
     * @param s the session holding the access token
     * @param expectedClient the client the token must have been issued to (its key or its UUID), after a code
     *     exchange; {@code null} for a token from elsewhere
     */
    public ApiCall<Grant> self(Session s, String expectedClient) {
        return new ApiCall<>(withToken(ApiRequest.get("/api/v1/auth/self").operation("self"), s).build(), r -> {
            SelfAnswer self = r.json(SelfAnswer.class);
            if (!"AccessToken".equals(self.type())) {
                throw new UnauthorizedException(r.error(self.type(), "Eternaltwin answered as to "
                        + article(self.type()) + ": the access token is unknown, revoked or expired; log in again"));
            }
            if (self.user() == null) {
                throw r.invalid("the AccessToken answer names no user");
            }
            // The user's id becomes the store key: User refuses any id but a UUID, so no control character reaches it.
            if (expectedClient != null && !issuedTo(self.client(), expectedClient)) {
                // An OAuth mix-up: a code (or a token endpoint) of another client's login was slipped in.
                throw r.invalid("the access token was issued to another client ("
                        + (self.client() == null ? "none named" : self.client().key() != null ? self.client().key()
                        : self.client().id()) + "), not to " + expectedClient + ": the login is refused, nothing "
                        + "was stored; start it again");
            }
            Session.Builder b = s.toBuilder().attribute(ATTR_USER_ID, self.user().id())
                    .attribute(ATTR_DISPLAY_NAME, self.user().displayName());
            if (self.client() != null && self.client().key() != null) {
                b.attribute(ATTR_CLIENT, self.client().key());
            }
            return new Grant(self.user(), b.build());
        });
    }

    private static boolean issuedTo(ClientRef client, String expected) {
        return client != null && (expected.equalsIgnoreCase(client.key()) || expected.equalsIgnoreCase(client.id()));
    }

    /** The server's type is quoted as it came (scrubbed by {@code r.error}); a case change first would hide an echoed
     * token from the scrubber. */
    private static String article(String type) {
        String t = type == null ? "nobody" : type.length() > 40 ? "an unexpected kind of caller" : type;
        return t.equals("Guest") ? "a guest" : "'" + t + "'";
    }

    /** @return the user a stored session names, without a call */
    public static User userOf(String key, Session s) {
        return SessionStoreException.readBack(key, "Eternaltwin", () -> {
            if (s.token(TOKEN).isEmpty()) {
                throw new IllegalStateException("no access token");
            }
            return User.of(s.attribute(ATTR_USER_ID).orElseThrow(), s.attribute(ATTR_DISPLAY_NAME).orElseThrow());
        });
    }

    // --- users -------------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/users/{id}}: 404 is "no such user" (empty, through {@code executeOptional}). */
    public ApiCall<User> user(String id) {
        return new ApiCall<>(ApiRequest.get("/api/v1/users/{id}").operation("user").pathParam("id", requireId(id)).build(),
                r -> r.json(User.class));
    }

    /** {@code GET /api/v1/users?q&limit&offset}: one page of a search, and how many match in all. */
    public ApiCall<OffsetPages.Slice<User>> search(String query, int limit, long offset) {
        ApiRequest request = ApiRequest.get("/api/v1/users").operation("searchUsers").query("q", query == null ? "" : query)
                .query("limit", limit).query("offset", offset).errorMapper(EternaltwinErrors.SEARCH).build();
        return new ApiCall<>(request, EternaltwinApi::readList);
    }

    /** The count alone: {@code limit=0}, as eternaltwin-py's {@code count}. */
    public ApiCall<Long> count(String query) {
        return search(query, 0, 0).map(OffsetPages.Slice::total);
    }

    private static OffsetPages.Slice<User> readList(ResponseView r) throws IOException {
        UserList list = r.json(UserList.class);
        if (list.count() < 0 || list.items() == null || list.items().contains(null)) {
            throw r.invalid("the user list is malformed (negative count, or missing items)");
        }
        return new OffsetPages.Slice<>(list.items(), list.count());
    }

    /**
     * The escape hatch: any path, with the session's token when there is one.
     *
     * @param s the session, or {@code null} for a call without one
     */
    public <T> ApiCall<T> raw(Session s, String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        ApiRequest.Builder b = ApiRequest.builder(method, path);
        return ApiCall.of(s == null ? b : withToken(b, s), query, body, type);
    }

    private static ApiRequest.Builder withToken(ApiRequest.Builder b, Session s) {
        String token = s.token(TOKEN).orElseThrow(() -> new InvalidInputException("the session has no access token"));
        return b.secretHeader("Authorization", "Bearer " + token).errorMapper(EternaltwinErrors.WITH_TOKEN);
    }

    /** @throws InvalidInputException unless the id is a UUID (checked here: no call for a malformed id) */
    public static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("user id is blank");
        }
        String lower = id.strip().toLowerCase(Locale.ROOT);
        if (!User.ID.matcher(lower).matches()) {
            throw new InvalidInputException("user id is not a UUID (Eternaltwin's ids look like "
                    + "9f310484-963b-446b-af69-797feec6813f)");
        }
        return lower;
    }
}
