package dev.latchkey.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeResponse;

/** JSON answers built with Jackson's tree model: the fakes never use a client module's classes. */
public final class Responses {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    public static FakeResponse json(int status, JsonNode body, String contentType) {
        try {
            return FakeResponse.builder().code(status).setHeader("Content-Type", contentType)
                    .body(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FakeResponse text(int status, String body, String contentType) {
        return FakeResponse.builder().code(status).setHeader("Content-Type", contentType).body(body).build();
    }

    /**
     * An HS256 JWT ({@code {"alg":"HS256","typ":"JWT"}}), as TMDb's v4 tokens and Eternaltwin's codes are.
     *
     * @param claims the payload
     * @param key the HMAC key (a fake's own secret)
     * @return the compact serialization
     */
    public static String jwt(java.util.Map<String, Object> claims, byte[] key) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        try {
            String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            String body = b64.encodeToString(JSON.writeValueAsBytes(claims));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return head + '.' + body + '.' + b64.encodeToString(mac.doFinal((head + '.' + body).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
