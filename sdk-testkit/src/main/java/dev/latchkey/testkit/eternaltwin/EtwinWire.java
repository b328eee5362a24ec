package dev.latchkey.testkit.eternaltwin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.util.regex.Pattern;
import dev.latchkey.testkit.FakeResponse;

/**
 * Eternaltwin's wire format, as the research notes document it (sections 1 and 2 of
 * {@code eternaltwin-aioaccount.md}): JSON errors {@code {"error": "<Name>"}}, the user objects and the client key
 * pattern. Codes are HS256 JWTs ({@code Responses.jwt}).
 */
final class EtwinWire {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    /** A client key, {@code <key>@clients} (ET {@code crates/core/src/oauth.rs}). */
    static final Pattern CLIENT_KEY = Pattern.compile("^[a-z_][a-z0-9_]{1,31}@clients$");
    static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private EtwinWire() {
    }

    static FakeResponse json(int status, JsonNode body) {
        return Responses.json(status, body, JSON_TYPE);
    }

    static FakeResponse error(int status, String name) {
        return json(status, Responses.object().put("error", name));
    }

    /** The token endpoint's errors carry a cause beside the name (2021: {@code CodeExpiredError}). */
    static FakeResponse error(int status, String name, String cause) {
        return json(status, Responses.object().put("error", name).put("cause", cause));
    }

    /** The short user: id and display name (in {@code auth/self} and search results). */
    static ObjectNode shortUser(EtwinState.User u) {
        ObjectNode o = Responses.object().put("type", "User").put("id", u.id);
        o.putObject("display_name").putObject("current").put("value", u.displayName);
        return o;
    }

    /** The user of {@code GET /api/v1/users/{id}}: the short user, the admin flag and the (empty) linked accounts. */
    static ObjectNode user(EtwinState.User u) {
        ObjectNode o = shortUser(u).put("is_administrator", u.administrator);
        o.putObject("links");
        return o;
    }
}
