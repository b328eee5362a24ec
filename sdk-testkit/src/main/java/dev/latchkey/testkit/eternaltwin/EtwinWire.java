package dev.latchkey.testkit.eternaltwin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;

/**
 * Eternaltwin's wire format, as the research notes document it (sections 1 and 2 of
 * {@code eternaltwin-aioaccount.md}): JSON errors {@code {"error": "<Name>"}}, the user objects, the client key
 * pattern, and the authorization code as an HS256 JWT.
 */
final class EtwinWire {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    /** A client key, {@code <key>@clients} (ET {@code crates/core/src/oauth.rs}). */
    static final Pattern CLIENT_KEY = Pattern.compile("^[a-z_][a-z0-9_]{1,31}@clients$");
    static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private EtwinWire() {
    }

    static MockResponse json(int status, JsonNode body) {
        return Responses.json(status, body, JSON_TYPE);
    }

    static MockResponse error(int status, String name) {
        return json(status, Responses.object().put("error", name));
    }

    /** The token endpoint's errors carry a cause beside the name (2021: {@code CodeExpiredError}). */
    static MockResponse error(int status, String name, String cause) {
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

    /** An HS256 JWT; Eternaltwin's authorization codes are these, signed with the server's secret. */
    static String jwt(Map<String, Object> claims, byte[] key) {
        try {
            String head = B64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String body = B64URL.encodeToString(Responses.JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signature = B64URL.encodeToString(mac.doFinal((head + '.' + body).getBytes(StandardCharsets.US_ASCII)));
            return head + '.' + body + '.' + signature;
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
