package dev.latchkey.testkit.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * Karaoke Mugen's wire format, as the app's source builds it (karaokemugen-app @ e77b334, its lib @ 15270f3):
 * {@code {"err": false, "data": ...}} or {@code {"err": true, "data": ...}} ({@code lib:utils/ws.ts:60-70}) with HTTP
 * status {@code data.code || 500} ({@code app:src/controllers/frontend/emulate.ts:8-12}); tokens are HS256 JWTs of
 * {@code {username, role}} without expiry, with the protected header {@code {"alg":"HS256"}}
 * ({@code app:src/services/user.ts:57-60}).
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
        /** Not the envelope but Express's HTML error page, naming this code in development (jose's errors). */
        final String htmlCode;

        Failure(int status, JsonNode data) {
            this(status, data, null);
        }

        private Failure(int status, JsonNode data, String htmlCode) {
            super(null, null, false, false);
            this.status = status;
            this.data = data;
            this.htmlCode = htmlCode;
        }
    }

    /**
     * An {@code ErrorKM} rethrown as it is: its {@code message} is not enumerable, so the envelope's data is
     * {@code {code, sentry}} alone ({@code lib:utils/error.ts:1-11}).
     */
    static Failure raw(int code, boolean sentry) {
        return new Failure(code, Responses.object().put("code", code).put("sentry", sentry));
    }

    /** A JavaScript {@code TypeError} escaping a handler: {@code JSON.stringify} of an Error is {@code {}}; 500. */
    static Failure typeError() {
        return new Failure(500, Responses.object());
    }

    /**
     * What a token the app did not sign gets: {@code jwtVerify} throws a jose error whose {@code code} is text
     * ({@code ERR_JWS_INVALID}, {@code ERR_JWS_SIGNATURE_VERIFICATION_FAILED}), {@code res.status(code)} throws on it
     * in Express 5, and Express's default handler answers 500 with an HTML page.
     */
    static Failure joseError(String token) {
        String code = token != null && token.split("\\.", -1).length == 3 ? "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
                : "ERR_JWS_INVALID";
        return new Failure(500, null, code);
    }

    /**
     * Express 5's default error page (finalhandler): "Internal Server Error" in production, the app's default
     * ({@code app:src/index.ts:119}), the error's stack with {@code --verbose} ({@code app:src/components/args.ts:59-62}).
     * The stack's text is our rendering of Express 5's {@code res.status} refusal, not a captured one.
     */
    static FakeResponse errorPage(String code, boolean verbose) {
        String pre = verbose ? "TypeError: Invalid status code: &quot;" + code + "&quot;. Status code must be an "
                + "integer.<br> &nbsp; &nbsp;at ServerResponse.status (node_modules/express/lib/response.js)"
                : "Internal Server Error";
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                + "</head>\n<body>\n<pre>" + pre + "</pre>\n</body>\n</html>\n";
        return FakeResponse.builder().code(500).setHeader("Content-Security-Policy", "default-src 'none'")
                .setHeader("X-Content-Type-Options", "nosniff").setHeader("Content-Type", "text/html; charset=utf-8")
                .body(page).build();
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

    /** A zod validation failure: {@code {code: 400, message: {field: [msg, ...]}}} (lib:utils/validators.ts:151-162). */
    static Failure invalid(java.util.Map<String, java.util.List<String>> errors) {
        ObjectNode data = Responses.object().put("code", 400);
        ObjectNode message = data.putObject("message");
        errors.forEach((field, msgs) -> msgs.forEach(message.withArray(field)::add));
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

    /** {@code new SignJWT({username, role}).setProtectedHeader({alg: 'HS256'})}: no {@code typ}, no expiry. */
    static String token(String username, String role, byte[] secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String head = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));
            String body = b64.encodeToString(Responses.JSON.writeValueAsBytes(Responses.object()
                    .put("username", username).put("role", role)));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((head + '.' + body).getBytes(StandardCharsets.US_ASCII));
            return head + '.' + body + '.' + b64.encodeToString(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

}
