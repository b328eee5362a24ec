package dev.latchkey.testkit.eternaltwin;

import static dev.latchkey.testkit.eternaltwin.EtwinWire.error;
import static dev.latchkey.testkit.eternaltwin.EtwinWire.json;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.latchkey.testkit.FakeResponse;
import okhttp3.HttpUrl;

/**
 * Eternaltwin's OAuth 2 endpoints (research section 1): the authorization request (over HTTP with a browser session,
 * or through the fake's {@link FakeEternaltwin#authorize} hook) and the code exchange. Runs under the fake's lock.
 */
final class EtwinOAuthRoutes {
    /** What an authorization ends in: a redirect to the client's callback, or an error the server answers itself. */
    record Outcome(String location, String error) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EtwinState state;
    private final Duration codeLifetime;
    private final long tokenLifetimeSeconds;
    private final boolean refreshTokens;
    private final byte[] serverKey = new byte[32];

    EtwinOAuthRoutes(EtwinState state, Duration codeLifetime, long tokenLifetimeSeconds, boolean refreshTokens) {
        this.state = state;
        this.codeLifetime = codeLifetime;
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
        this.refreshTokens = refreshTokens;
        RANDOM.nextBytes(serverKey);
    }

    /** {@code GET /oauth/authorize}: with a browser session, the grant; without, the login page. */
    FakeResponse authorize(FakeRequest r, Map<String, String> p) {
        Optional<String> user = r.cookie("sid").map(state.browserSessions::get);
        if (user.isEmpty()) {
            return FakeResponse.builder().code(302).setHeader("Location", "/login?next="
                    + java.net.URLEncoder.encode(r.target(), StandardCharsets.UTF_8)).build();
        }
        Outcome o = grant(r::query, user.get());
        return o.location() != null ? FakeResponse.builder().code(302).setHeader("Location", o.location()).build()
                : error(400, o.error());
    }

    /** An authorization request that passed the checks, or the refusal it ends in. */
    private record Checked(EtwinState.Client client, HttpUrl callback, Optional<String> state, String challenge,
            Outcome refusal) {
        static Checked refused(Outcome refusal) {
            return new Checked(null, null, Optional.empty(), null, refusal);
        }
    }

    /**
     * The server's checks of an authorization request, in ET {@code grant_oauth_authorization}'s order. Errors that
     * cannot be trusted to a redirect (no client, another redirect URI) are answered by the server itself; the others
     * go back to the callback with RFC 6749's {@code error} and the state.
     */
    private Checked check(Function<String, Optional<String>> query) {
        Optional<String> clientId = query.apply("client_id");
        if (clientId.isEmpty()) {
            return Checked.refused(new Outcome(null, "MissingClientId"));
        }
        if (!EtwinWire.CLIENT_KEY.matcher(clientId.get()).matches() && !EtwinWire.UUID.matcher(clientId.get()).matches()) {
            return Checked.refused(new Outcome(null, "InvalidClientId"));
        }
        Optional<EtwinState.Client> client = state.client(clientId.get());
        if (client.isEmpty()) {
            return Checked.refused(new Outcome(null, "ClientNotFound"));
        }
        Optional<String> redirect = query.apply("redirect_uri");
        if (redirect.isPresent() && !redirect.get().equals(client.get().callbackUri())) {
            return Checked.refused(new Outcome(null, "RedirectUriMismatch"));
        }
        Optional<String> stateParam = query.apply("state");
        HttpUrl callback = HttpUrl.get(client.get().callbackUri());
        String responseType = query.apply("response_type").orElse("");
        if (!responseType.equals("code")) {
            return Checked.refused(back(callback, responseType.isEmpty() ? "invalid_request"
                    : "unsupported_response_type", stateParam));
        }
        for (String scope : query.apply("scope").orElse("").split(" ")) {
            if (!scope.isEmpty() && !scope.equals("base")) {
                return Checked.refused(back(callback, "invalid_scope", stateParam));
            }
        }
        Optional<String> challenge = query.apply("code_challenge");
        if (challenge.isPresent() && !query.apply("code_challenge_method").orElse("plain").equals("S256")) {
            // plain PKCE is refused (RFC 9700 2.1.1)
            return Checked.refused(back(callback, "invalid_request", stateParam));
        }
        return new Checked(client.get(), callback, stateParam, challenge.orElse(null), null);
    }

    /** The user approves: a code (an HS256 JWT, as the real server's) back to the callback, with the state. */
    Outcome grant(Function<String, Optional<String>> query, String userId) {
        Checked c = check(query);
        if (c.refusal() != null) {
            return c.refusal();
        }
        Instant now = state.clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "etwin");
        claims.put("sub", userId);
        claims.put("aud", List.of(c.client().id(), c.client().key()));
        claims.put("scopes", List.of("base"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(codeLifetime).getEpochSecond());
        claims.put("jti", EtwinState.newId());
        String code = Responses.jwt(claims, serverKey);
        state.codes.put(code, new EtwinState.Code(c.client().id(), userId, now.plus(codeLifetime), c.challenge()));
        HttpUrl.Builder to = c.callback().newBuilder().addQueryParameter("code", code);
        c.state().ifPresent(s -> to.addQueryParameter("state", s));
        return new Outcome(to.build().toString(), null);
    }

    /** The user says no: back to the callback with {@code access_denied}, after the same checks. */
    Outcome deny(Function<String, Optional<String>> query) {
        Checked c = check(query);
        return c.refusal() != null ? c.refusal() : back(c.callback(), "access_denied", c.state());
    }

    private static Outcome back(HttpUrl callback, String error, Optional<String> stateParam) {
        HttpUrl.Builder to = callback.newBuilder().addQueryParameter("error", error);
        stateParam.ifPresent(s -> to.addQueryParameter("state", s));
        return new Outcome(to.build().toString(), null);
    }

    /** {@code POST /oauth/token}: Basic client credentials (raw {@code id:secret}), JSON or form body. */
    FakeResponse token(FakeRequest r, Map<String, String> p) {
        Optional<EtwinState.Client> client = authenticatedClient(r);
        if (client.isEmpty()) {
            return error(401, "Unauthorized", "Unauthenticated");
        }
        Optional<String> grantType = field(r, "grant_type");
        if (grantType.isPresent() && !grantType.get().equals("authorization_code")) {
            return error(400, "UnsupportedGrantType");
        }
        Optional<String> codeText = field(r, "code").filter(c -> !c.isEmpty());
        if (codeText.isEmpty()) {
            return error(400, "MissingCode");
        }
        EtwinState.Code code = state.codes.get(codeText.get());
        if (code == null) {
            return error(400, "OauthCodeFormatError");
        }
        if (!code.clientId.equals(client.get().id())) {
            return error(401, "WrongClient");
        }
        if (!state.clock.instant().isBefore(code.expiresAt)) {
            return error(401, "Unauthorized", "CodeExpiredError");
        }
        if (code.used) {
            return error(401, "Unauthorized", "CodeAlreadyUsedError");
        }
        if (code.challenge != null && !field(r, "code_verifier").map(EtwinOAuthRoutes::s256)
                .map(code.challenge::equals).orElse(false)) {
            return error(400, "InvalidCodeVerifier");
        }
        code.used = true;
        String accessToken = EtwinState.newId();
        state.tokens.put(accessToken, new EtwinState.Token(code.clientId, code.userId));
        var o = Responses.object().put("token_type", "Bearer").put("access_token", accessToken)
                .put("expires_in", tokenLifetimeSeconds);
        if (refreshTokens) {
            o.put("refresh_token", EtwinState.newId());
        }
        return json(200, o);
    }

    /** The server base64-decodes and splits at the first {@code :}; no percent-decoding (research 1.4). */
    private Optional<EtwinState.Client> authenticatedClient(FakeRequest r) {
        Optional<String> header = r.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String raw;
        try {
            raw = new String(Base64.getDecoder().decode(header.get().substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = raw.substring(0, colon);
        byte[] secret = raw.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return state.client(id).filter(c -> MessageDigest.isEqual(c.secret().getBytes(StandardCharsets.UTF_8), secret));
    }

    /** A body field, from JSON or from a form: the real server takes both. */
    private static Optional<String> field(FakeRequest r, String name) {
        boolean form = r.header("Content-Type").map(t -> t.contains("x-www-form-urlencoded")).orElse(false);
        if (!form) {
            return r.jsonText(name);
        }
        for (String pair : r.body().split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
