package dev.latchkey.testkit.tmdb;

import static dev.latchkey.testkit.tmdb.TmdbWire.EXPIRES;
import static dev.latchkey.testkit.tmdb.TmdbWire.envelope;
import static dev.latchkey.testkit.tmdb.TmdbWire.error;
import static dev.latchkey.testkit.tmdb.TmdbWire.hex;
import static dev.latchkey.testkit.tmdb.TmdbWire.json;
import static dev.latchkey.testkit.tmdb.TmdbWire.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.tmdb.TmdbState.Account;
import dev.latchkey.testkit.tmdb.TmdbState.GuestSession;
import dev.latchkey.testkit.tmdb.TmdbState.RequestToken;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * TMDb's authentication endpoints (research sections 2 to 5): v3 request tokens, login validation, sessions, guest
 * sessions, the v4 request and access tokens, and their deletion. Runs under the fake's lock.
 */
final class TmdbAuthRoutes {
    private final TmdbState state;
    private final boolean unapprovedIs422;

    TmdbAuthRoutes(TmdbState state, boolean unapprovedIs422) {
        this.state = state;
        this.unapprovedIs422 = unapprovedIs422;
    }

    /** Every call needs the API key or a bearer token TMDb accepts there. */
    boolean authorized(FakeRequest r, String readAccessToken) {
        if (r.query("api_key").map(k -> k.equals(FakeTmdb.API_KEY) || state.apiKeys.contains(k)).orElse(false)) {
            // "For GET based calls on v4, you can still use your v3 api_key"; writes on v4 need a bearer token.
            return !r.path().startsWith("/4/") || r.method().equals("GET");
        }
        Optional<String> bearer = r.bearerToken();
        if (bearer.isEmpty()) {
            return false;
        }
        return bearer.get().equals(readAccessToken)
                || state.v4AccessTokens.containsKey(bearer.get()) && !r.path().startsWith("/4/auth/request_token");
    }

    FakeResponse newRequestToken(FakeRequest r, Map<String, String> p) {
        String token = hex(20);
        Instant expires = state.clock.instant().plus(Duration.ofMinutes(60));
        state.requestTokens.put(token, new RequestToken(expires, null));
        return json(Responses.object().put("success", true).put("expires_at", EXPIRES.format(expires))
                .put("request_token", token));
    }

    FakeResponse validateWithLogin(FakeRequest r, Map<String, String> p) {
        Optional<String> username = r.jsonText("username").filter(s -> !s.isBlank());
        Optional<String> password = r.jsonText("password").filter(s -> !s.isEmpty());
        Optional<String> token = r.jsonText("request_token");
        if (username.isEmpty() || password.isEmpty()) {
            return error(26);
        }
        RequestToken t = token.map(state.requestTokens::get).orElse(null);
        if (t == null || !t.usable(state.clock.instant())) {
            return error(33);
        }
        UserRecord user;
        try {
            user = state.accounts.login(username.get(), password.get(), false);
        } catch (AccountException e) {
            return error(30);
        }
        if (Boolean.FALSE.equals(user.emailConfirmed())) {
            return error(32);
        }
        t.approvedFor = state.accountsByUser.get(user.userId()).id;
        return json(Responses.object().put("success", true).put("expires_at", EXPIRES.format(t.expiresAt))
                .put("request_token", token.get()));
    }

    FakeResponse newSession(FakeRequest r, Map<String, String> p) {
        RequestToken t = r.jsonText("request_token").map(state.requestTokens::get).orElse(null);
        if (t == null || !t.usable(state.clock.instant())) {
            return error(33);
        }
        if (t.approvedFor == null || t.denied) {
            return unapprovedIs422 ? error(41) : error(17);
        }
        t.used = true;
        return newSessionFor(t.approvedFor);
    }

    FakeResponse newGuestSession(FakeRequest r, Map<String, String> p) {
        String id = hex(16);
        Instant now = state.clock.instant();
        state.guestSessions.put(id, new GuestSession(now));
        return json(Responses.object().put("success", true).put("guest_session_id", id)
                .put("expires_at", EXPIRES.format(now.plus(Duration.ofHours(24)))));
    }

    FakeResponse convertV4(FakeRequest r, Map<String, String> p) {
        Integer account = r.jsonText("access_token").map(state.v4AccessTokens::get).orElse(null);
        return account == null ? error(35) : newSessionFor(account);
    }

    private FakeResponse newSessionFor(int accountId) {
        String sessionId = hex(20);
        state.sessions.put(sessionId, accountId);
        return json(Responses.object().put("success", true).put("session_id", sessionId));
    }

    FakeResponse deleteSession(FakeRequest r, Map<String, String> p) {
        Optional<String> sessionId = r.jsonText("session_id");
        if (sessionId.isEmpty()) {
            return error(5);
        }
        if (state.sessions.remove(sessionId.get()) == null) {
            return error(37);
        }
        return json(Responses.object().put("success", true));
    }

    FakeResponse v4RequestToken(FakeRequest r, Map<String, String> p) {
        String redirectTo = r.jsonText("redirect_to").orElse(null);
        Instant now = state.clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(15));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", FakeTmdb.API_KEY);
        claims.put("jti", state.next());
        claims.put("scopes", List.of("pending_request_token"));
        claims.put("exp", expires.getEpochSecond());
        claims.put("redirect_to", redirectTo);
        claims.put("version", 1);
        claims.put("nbf", now.getEpochSecond());
        String token = jwt(claims);
        state.v4RequestTokens.put(token, new RequestToken(expires, redirectTo));
        ObjectNode o = envelope(true, 1, "Success.");
        o.put("request_token", token);
        return json(o);
    }

    FakeResponse v4AccessToken(FakeRequest r, Map<String, String> p) {
        RequestToken t = r.jsonText("request_token").map(state.v4RequestTokens::get).orElse(null);
        if (t == null || !t.usable(state.clock.instant())) {
            return error(33);
        }
        if (t.approvedFor == null) {
            return error(41);
        }
        t.used = true;
        Account a = state.accountsById.get(t.approvedFor);
        String access = jwt(Map.of("aud", FakeTmdb.API_KEY, "sub", a.objectId, "scopes",
                List.of("api_read", "api_write"), "version", 1, "jti", state.next()));
        state.v4AccessTokens.put(access, a.id);
        ObjectNode o = envelope(true, 1, "Success.");
        o.put("access_token", access).put("account_id", a.objectId);
        return json(o);
    }

    FakeResponse v4DeleteAccessToken(FakeRequest r, Map<String, String> p) {
        Optional<String> access = r.jsonText("access_token");
        if (access.isEmpty() || state.v4AccessTokens.remove(access.get()) == null) {
            return error(35);
        }
        return json(envelope(true, 1, "Success."));
    }

    /** {@code POST /_testkit/approve}: the user's click on "Approve", over HTTP (for clients in other processes). */
    void approve(Map<String, RequestToken> tokens, String token, String username) {
        TmdbState.requireToken(tokens, token).approvedFor = state.requireAccount(username).id;
    }
}
