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
     * {@code GET /api/v1/auth/self}: an access token's client and user; a browser session's user; anything else,
     * including an unknown or revoked token, is a guest, with status 200 as on the real server.
     */
    FakeResponse self(FakeRequest r, Map<String, String> p) {
        Optional<String> bearer = r.bearerToken();
        if (bearer.isPresent()) {
            Optional<EtwinState.Token> token = state.liveToken(bearer.get());
            if (token.isEmpty()) {
                return guest();
            }
            EtwinState.Client c = state.clientsById.get(token.get().clientId);
            ObjectNode o = Responses.object().put("type", "AccessToken").put("scope", "Default");
            o.putObject("client").put("type", "OauthClient").put("id", c.id()).put("key", c.key())
                    .put("display_name", c.displayName());
            o.set("user", EtwinWire.shortUser(state.usersById.get(token.get().userId)));
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

    private static FakeResponse guest() {
        return json(200, Responses.object().put("type", "Guest").put("scope", "Default"));
    }

    /**
     * {@code PUT /api/v1/auth/self?method=Etwin}: the website's login, {@code {"login", "password"}} with the password
     * as the hex of its UTF-8 bytes (as eternaltwin-py's tests send it); sets the {@code sid} browser session cookie.
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
        String sid = EtwinState.newId();
        state.browserSessions.put(sid, user.id);
        ObjectNode o = Responses.object().put("type", "User").put("scope", "Default");
        o.set("user", EtwinWire.shortUser(user));
        o.put("is_administrator", user.administrator);
        return json(200, o).newBuilder().addHeader("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly; SameSite=Lax")
                .build();
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
