package dev.latchkey.testkit.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * Karaoke Mugen's wire format, as the research notes read it from the app's source ({@code kemono-karaokemugen.md}
 * section 2.2): {@code {"err": false, "data": ...}} or {@code {"err": true, "data": {"code": N, "message": {"code":
 * "...", "data": ...}}}} with HTTP status {@code data.code} (else 500); tokens are HS256 JWTs of {@code {username,
 * role}} without expiry.
 */
final class KmWire {
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private KmWire() {
    }

    /** A command's failure, carried up to the router. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JsonNode data;
        final int status;

        Failure(int status, JsonNode data) {
            super(null, null, false, false);
            this.status = status;
            this.data = data;
        }
    }

    /** @return {@code {code, message: {code}}}, as the app's {@code APIMessage} throws it */
    static Failure fail(int code, String messageCode) {
        return fail(code, messageCode, null);
    }

    static Failure fail(int code, String messageCode, JsonNode messageData) {
        ObjectNode data = Responses.object().put("code", code);
        ObjectNode message = data.putObject("message").put("code", messageCode);
        if (messageData != null) {
            message.set("data", messageData);
        }
        return new Failure(code, data);
    }

    /** A zod validation failure: {@code {code: 400, message: {field: [msg]}}}. */
    static Failure invalid(String field, String msg) {
        ObjectNode data = Responses.object().put("code", 400);
        data.putObject("message").putArray(field).add(msg);
        return new Failure(400, data);
    }

    /** Auth required and no token: {@code {code: 401}}, no message. */
    static Failure noToken() {
        return new Failure(401, Responses.object().put("code", 401));
    }

    /** "Message" results of create, edit and delete: {@code {code: 200, message: {code, data?}}}. */
    static ObjectNode message(String code, ObjectNode data) {
        ObjectNode o = Responses.object().put("code", 200);
        ObjectNode m = o.putObject("message").put("code", code);
        if (data != null) {
            m.set("data", data);
        }
        return o;
    }

    static FakeResponse ok(JsonNode data) {
        ObjectNode o = Responses.object().put("err", false);
        if (data != null) {
            o.set("data", data);
        }
        return Responses.json(200, o, JSON_TYPE);
    }

    static FakeResponse error(int status, JsonNode data) {
        ObjectNode o = Responses.object().put("err", true);
        o.set("data", data);
        return Responses.json(status, o, JSON_TYPE);
    }

    // --- tokens ------------------------------------------------------------------------------------------------

    static String token(String username, String role, byte[] secret) {
        return Responses.jwt(Map.of("username", username, "role", role), secret);
    }

    /** @return the claims of a token this app signed, or empty for a forged or malformed one */
    static Optional<JsonNode> verify(String token, byte[] secret) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, given)) {
                return Optional.empty();
            }
            JsonNode claims = Responses.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.path("username").isTextual() ? Optional.of(claims) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** What the {@code jose} library throws for a bad token: not the app's envelope (research 2.2). */
    static Failure joseError() {
        return new Failure(500, Responses.object().put("code", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
                .put("name", "JWSSignatureVerificationFailed").put("message", "signature verification failed"));
    }
}
