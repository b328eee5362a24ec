package dev.latchkey.testkit.eternaltwin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.util.regex.Pattern;
import dev.latchkey.testkit.FakeResponse;

/**
 * Eternaltwin's wire format as its server writes it (eternaltwin/etwin @ 1241847, and v0.4.0 as run for real):
 * JSON errors {@code {"error": "<Name>"}}, Koa's bare text answers (a 500, a 404, a 405, a redirect), the user objects
 * (packages/core/src/lib/user/user.ts, core/field-versions.ts, link/versioned-links.ts) and the client key pattern.
 * Codes are HS256 JWTs ({@code Responses.jwt}).
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

    private static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A {@code Date} as the server's JSON writer prints it: UTC, milliseconds, {@code Z}. */
    static String time(java.time.Instant t) {
        return MILLIS.format(t);
    }

    /** Koa's answer to an error it was not told how to answer: 500, {@code text/plain}, "Internal Server Error". */
    static FakeResponse internalError() {
        return Responses.text(500, "Internal Server Error", "text/plain; charset=utf-8");
    }

    /** Koa's {@code ctx.redirect} for a client that accepts HTML: 302 with its small HTML body. */
    static FakeResponse redirect(String location) {
        String escaped = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                .replace(">", "&gt;");
        return FakeResponse.builder().code(302).setHeader("Location", location)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body("Redirecting to <a href=\"" + escaped + "\">" + escaped + "</a>.").build();
    }

    /** Koa's own 404 and koa-router's 405 ({@code allowedMethods}): text. */
    static FakeResponse plain(int status, String text) {
        return Responses.text(status, text, "text/plain; charset=utf-8");
    }

    /** The short user: id and display name (in {@code auth/self} and search results). */
    static ObjectNode shortUser(EtwinState.User u) {
        ObjectNode o = Responses.object().put("type", "User").put("id", u.id);
        o.putObject("display_name").putObject("current").put("value", u.displayName);
        return o;
    }

    /**
     * The user of {@code GET /api/v1/users/{id}} ({@code $User}): id, creation time, the display name's versions
     * (the current one with its start, no end, no old ones), the admin flag, and the seven linked accounts, none
     * linked here ({@code {"current": null, "old": []}} each).
     */
    static ObjectNode user(EtwinState.User u) {
        ObjectNode o = Responses.object().put("type", "User").put("id", u.id)
                .put("created_at", time(u.createdAt));
        ObjectNode current = o.putObject("display_name").putObject("current");
        ObjectNode start = current.putObject("start").put("time", time(u.createdAt));
        start.set("user", shortUser(u));
        current.putNull("end").put("value", u.displayName);
        ((ObjectNode) o.get("display_name")).putArray("old");
        o.put("is_administrator", u.administrator);
        ObjectNode links = o.putObject("links");
        for (String service : new String[] {"dinoparc_com", "en_dinoparc_com", "hammerfest_es", "hammerfest_fr",
            "hfest_net", "sp_dinoparc_com", "twinoid"}) {
            links.putObject(service).putNull("current").putArray("old");
        }
        return o;
    }

    /** The complete user a login answers ({@code $MaybeCompleteUser}): the user, with the account's own fields. */
    static ObjectNode completeUser(EtwinState.User u, String username) {
        return user(u).put("username", username).putNull("email_address").put("has_password", true);
    }
}
