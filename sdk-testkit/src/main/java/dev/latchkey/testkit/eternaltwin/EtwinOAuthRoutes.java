package dev.latchkey.testkit.eternaltwin;

import static dev.latchkey.testkit.eternaltwin.EtwinWire.error;
import static dev.latchkey.testkit.eternaltwin.EtwinWire.json;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * Eternaltwin's OAuth 2 endpoints as the server's source runs them (eternaltwin/etwin @ 1241847, 2021-11-15, the
 * newest readable server; v0.4.0 run for real agrees on the exchange): the authorization request (over HTTP with a
 * browser session, or through the fake's {@link FakeEternaltwin#authorize} hook) and the code exchange. Runs under the
 * fake's lock.
 */
final class EtwinOAuthRoutes {
    /** What an authorization ends in: a redirect to the client's callback, or the name of the server's error (500). */
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

    /**
     * {@code GET /oauth/authorize} (etwin @ 1241847 packages/website/src/main/oauth/index.ts:41-65): the request is
     * checked first; a guest then goes to the login page ({@code /login?next=}, Koa's redirect with its HTML body),
     * and every other error is a bare 500.
     */
    FakeResponse authorize(FakeRequest r, Map<String, String> p) {
        Optional<String> user = r.cookie("sid").map(state.browserSessions::get);
        Checked c = check(r::query);
        if (c.error() != null) {
            return EtwinWire.internalError();
        }
        if (user.isEmpty()) {
            String next = "/login?next=" + java.net.URLEncoder.encode(r.target(), StandardCharsets.UTF_8);
            return EtwinWire.redirect(next);
        }
        return EtwinWire.redirect(issue(c, user.get()));
    }

    /** An authorization request that passed the checks, or the name of the server's error. */
    private record Checked(EtwinState.Client client, HttpUrl callback, Optional<String> state, String error) {
        static Checked refused(String error) {
            return new Checked(null, null, Optional.empty(), error);
        }
    }

    /**
     * {@code grant_oauth_authorization} (crates/services/src/auth.rs:276-353), in its order: client id present,
     * parsed, known; the redirect URI, when given, equal to the registered one; a response type, {@code code} (a
     * {@code token} is unsupported); scopes {@code base} or none (crates/core/src/oauth.rs:263-277). PKCE is not read.
     */
    private Checked check(Function<String, Optional<String>> query) {
        Optional<String> clientId = query.apply("client_id");
        if (clientId.isEmpty()) {
            return Checked.refused("MissingClientId");
        }
        if (!EtwinWire.CLIENT_KEY.matcher(clientId.get()).matches() && !EtwinWire.UUID.matcher(clientId.get()).matches()) {
            return Checked.refused("InvalidClientId");
        }
        Optional<EtwinState.Client> client = state.client(clientId.get());
        if (client.isEmpty()) {
            return Checked.refused("ClientNotFound");
        }
        Optional<String> redirect = query.apply("redirect_uri");
        if (redirect.isPresent() && !redirect.get().equals(client.get().callbackUri())) {
            return Checked.refused("RedirectUriMismatch");
        }
        Optional<String> responseType = query.apply("response_type");
        if (responseType.isEmpty()) {
            return Checked.refused("MissingResponseType");
        }
        if (!responseType.get().equals("code")) {
            return Checked.refused(responseType.get().equals("token") ? "UnsupportedResponseType"
                    : "InvalidResponseType");
        }
        for (String scope : query.apply("scope").orElse("").split(" ")) {
            if (!scope.isBlank() && !scope.strip().equals("base")) {
                return Checked.refused("InvalidScope");
            }
        }
        return new Checked(client.get(), HttpUrl.get(client.get().callbackUri()), query.apply("state"), null);
    }

    /** The user approves (the fake's browser hook): the callback URL with a code, or the server's error named. */
    Outcome grant(Function<String, Optional<String>> query, String userId) {
        Checked c = check(query);
        return c.error() != null ? new Outcome(null, c.error()) : new Outcome(issue(c, userId), null);
    }

    /** A code (an HS256 JWT, as the server's) back to the registered callback, with the state. */
    private String issue(Checked c, String userId) {
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
        state.codes.put(code, new EtwinState.Code(c.client().id(), userId, now.plus(codeLifetime)));
        HttpUrl.Builder to = c.callback().newBuilder().addQueryParameter("code", code);
        c.state().ifPresent(s -> to.addQueryParameter("state", s));
        return to.build().toString();
    }

    /**
     * The user says no: RFC 6749's {@code access_denied} back to the callback, after the same checks. Our choice:
     * Eternaltwin's authorize has no refusal of its own.
     */
    Outcome deny(Function<String, Optional<String>> query) {
        Checked c = check(query);
        if (c.error() != null) {
            return new Outcome(null, c.error());
        }
        HttpUrl.Builder to = c.callback().newBuilder().addQueryParameter("error", "access_denied");
        c.state().ifPresent(s -> to.addQueryParameter("state", s));
        return new Outcome(to.build().toString(), null);
    }

    /**
     * {@code POST /oauth/token} (packages/website/src/main/oauth/index.ts:67-87, crates/services/src/auth.rs:355-391):
     * the code (JSON or form body); then the client, authenticated by HTTP Basic of the raw {@code id:secret}; then the
     * code read as a JWT; then its audience. An expired code is 401 {@code {"error":"Unauthorized","cause":
     * "CodeExpiredError"}}; every other error is rethrown and answered as a bare 500. The check is stateless: a code
     * already used is accepted again (no record of used codes), {@code grant_type} and a PKCE verifier are not read.
     */
    FakeResponse token(FakeRequest r, Map<String, String> p) {
        Optional<String> basic = r.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        Optional<EtwinState.Client> client = authenticatedClient(r);
        if (basic.isPresent() && client.isEmpty()) {
            return EtwinWire.internalError(); // koaAuth throws on credentials it cannot verify
        }
        Optional<String> codeText = field(r, "code");
        if (codeText.isEmpty() || client.isEmpty()) {
            return EtwinWire.internalError(); // MissingCode, Unauthenticated
        }
        EtwinState.Code code = state.codes.get(codeText.get());
        if (code == null) {
            return EtwinWire.internalError(); // not a code token this server signed
        }
        if (!state.clock.instant().isBefore(code.expiresAt)) {
            return error(401, "Unauthorized", "CodeExpiredError");
        }
        if (!code.clientId.equals(client.get().id())) {
            return EtwinWire.internalError(); // WrongClient
        }
        code.used = true;
        String accessToken = EtwinState.newId();
        state.tokens.put(accessToken, new EtwinState.Token(code.clientId, code.userId));
        var o = Responses.object().put("access_token", accessToken).put("expires_in", tokenLifetimeSeconds);
        if (refreshTokens) {
            o.put("refresh_token", EtwinState.newId());
        }
        return json(200, o.put("token_type", "Bearer"));
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
}
