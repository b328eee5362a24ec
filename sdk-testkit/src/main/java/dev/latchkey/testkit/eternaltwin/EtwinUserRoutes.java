package dev.latchkey.testkit.eternaltwin;

import static dev.latchkey.testkit.eternaltwin.EtwinWire.error;
import static dev.latchkey.testkit.eternaltwin.EtwinWire.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * Eternaltwin's users API (research section 2): who a token is ({@code auth/self}), a user by id, and search and count.
 * Runs under the fake's lock.
 */
final class EtwinUserRoutes {
    /** The most results one search page gives (the real limit is not documented). */
    static final int MAX_LIMIT = 100;

    private final EtwinState state;

    EtwinUserRoutes(EtwinState state) {
        this.state = state;
    }

    /**
     * {@code GET /api/v1/auth/self}: an access token's client and user; a browser session's user; no credentials, a
     * guest (200). An access token the server does not know (unknown, or revoked by the fake's hook) makes its
     * authentication throw, answered as a bare 500 (packages/rest-server/src/lib/helpers/koa-auth.mts:72-83, no catch;
     * crates/services/src/auth.rs:393-400): see {@link #unknownBearer}.
     */
    FakeResponse self(FakeRequest r, Map<String, String> p) {
        Optional<String> bearer = r.bearerToken();
        if (bearer.isPresent()) {
            EtwinState.Token token = state.liveToken(bearer.get()).orElse(null);
            if (token == null) {
                return EtwinWire.internalError();
            }
            EtwinState.Client c = state.clientsById.get(token.clientId);
            ObjectNode o = Responses.object().put("type", "AccessToken").put("scope", "Default");
            o.putObject("client").put("type", "OauthClient").put("id", c.id()).put("key", c.key())
                    .put("display_name", c.displayName());
            o.set("user", EtwinWire.shortUser(state.usersById.get(token.userId)));
            return json(200, o);
        }
        Optional<EtwinState.User> user = r.cookie("sid").map(state.browserSessions::get).map(state.usersById::get);
        if (user.isPresent()) {
            ObjectNode o = Responses.object().put("type", "User").put("scope", "Default");
            o.set("user", EtwinWire.shortUser(user.get()));
            o.put("is_administrator", user.get().administrator);
            return json(200, o);
        }
        return guest();
    }

    /** @return a request whose bearer token the server does not know: every API route answers it 500 */
    boolean unknownBearer(FakeRequest r) {
        return r.bearerToken().map(t -> state.liveToken(t).isEmpty()).orElse(false);
    }

    private static FakeResponse guest() {
        return json(200, Responses.object().put("type", "Guest").put("scope", "Default"));
    }

    /**
     * {@code PUT /api/v1/auth/self?method=Etwin}: the website's login, {@code {"login", "password"}} with the password
     * as the hex of its UTF-8 bytes (as eternaltwin-py's tests send it). Answers the complete user and sets
     * {@code sid=<uuid>; path=/; httponly} (as v0.4.0 answered when run). The refusals' statuses and names are our
     * choice: the research did not run them.
     */
    FakeResponse login(FakeRequest r, Map<String, String> p) {
        if (!r.query("method").map("Etwin"::equals).orElse(false)) {
            return error(422, "InvalidMethod");
        }
        String login = r.jsonText("login").orElse("");
        String password;
        try {
            password = new String(HexFormat.of().parseHex(r.jsonText("password").orElse("")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return error(422, "InvalidPassword");
        }
        UserRecord record;
        try {
            record = state.accounts.login(login, password, false);
        } catch (AccountException e) {
            return error(401, "InvalidCredentials");
        }
        EtwinState.User user = state.userOfStoreId(record.userId()).orElseThrow();
        String sid = java.util.UUID.randomUUID().toString();
        state.browserSessions.put(sid, user.id);
        return json(200, EtwinWire.completeUser(user, record.name().orElse(login))).newBuilder()
                .addHeader("Set-Cookie", "sid=" + sid + "; path=/; httponly").build();
    }

    /** {@code GET /api/v1/users/{id}}: 422 {@code InvalidId} for a non-UUID, 404 {@code UserNotFound}. */
    FakeResponse user(FakeRequest r, Map<String, String> p) {
        String id = p.get("id");
        if (!EtwinWire.UUID.matcher(id).matches()) {
            return error(422, "InvalidId");
        }
        EtwinState.User u = state.usersById.get(id);
        return u == null ? error(404, "UserNotFound") : json(200, EtwinWire.user(u));
    }

    /**
     * {@code GET /api/v1/users?q&limit&offset}: {@code {count, items}}, a substring match on the display name
     * (case-insensitive), by display name; {@code count} counts every match, {@code limit=0} gives the count alone.
     * No readable server source has it (v0.4.0 and 1241847 route only {@code POST /}): its shape is eternaltwin-py's
     * 2026 tests' ({@code qcoumes/eternaltwinpy tests/clients/sync/test_users.py}); matching and order are our choice.
     */
    FakeResponse search(FakeRequest r, Map<String, String> p) {
        String q = r.query("q").orElse("").toLowerCase(Locale.ROOT);
        Integer limit = number(r.query("limit").orElse("20"));
        Integer offset = number(r.query("offset").orElse("0"));
        if (limit == null || limit > MAX_LIMIT) {
            return error(422, "InvalidLimit");
        }
        if (offset == null) {
            return error(422, "InvalidOffset");
        }
        List<EtwinState.User> matches = state.usersById.values().stream()
                .filter(u -> u.displayName.toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((EtwinState.User u) -> u.displayName).thenComparing(u -> u.id)).toList();
        ObjectNode o = Responses.object().put("count", matches.size());
        ArrayNode items = o.putArray("items");
        matches.stream().skip(offset).limit(limit).forEach(u -> items.add(EtwinWire.user(u)));
        return json(200, o);
    }

    /** @return a number of 0 or more, or {@code null} */
    private static Integer number(String text) {
        try {
            int n = Integer.parseInt(text);
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
