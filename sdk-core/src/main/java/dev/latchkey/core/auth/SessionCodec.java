package dev.latchkey.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one serialized form of a {@link Session}, shared by every store (file, Redis): a JSON object with the provider,
 * cookies, tokens, headers, attributes and the two instants. Sealing with a {@link SessionCipher} happens around it.
 */
public final class SessionCodec {
    private SessionCodec() {
    }

    /**
     * @param session a session
     * @return its JSON object
     */
    public static ObjectNode toJson(Session session) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("provider", session.provider());
        n.set("cookies", Json.mapper().valueToTree(session.cookies()));
        n.set("tokens", Json.mapper().valueToTree(session.tokens()));
        n.set("headers", Json.mapper().valueToTree(session.headers()));
        n.set("attributes", Json.mapper().valueToTree(session.attributes()));
        n.put("created_at", session.createdAt().toString());
        session.expiresAt().ifPresent(e -> n.put("expires_at", e.toString()));
        return n;
    }

    /**
     * @param json what {@link #toJson} made
     * @return the session
     * @throws IllegalArgumentException if it is not a session (the message names no value)
     */
    public static Session fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Session.Builder b = Session.builder(json.path("provider").asText(null));
        fields(json.path("cookies"), b::cookie);
        fields(json.path("tokens"), b::token);
        fields(json.path("headers"), b::header);
        fields(json.path("attributes"), b::attribute);
        try {
            if (json.hasNonNull("created_at")) {
                b.createdAt(Instant.parse(json.get("created_at").asText()));
            }
            if (json.hasNonNull("expires_at")) {
                b.expiresAt(Instant.parse(json.get("expires_at").asText()));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an instant is malformed");
        }
        return b.build();
    }

    /**
     * @param session a session
     * @return its JSON, as UTF-8 bytes
     */
    public static byte[] encode(Session session) {
        try {
            return Json.mapper().writeValueAsBytes(toJson(session));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a session", e);
        }
    }

    /**
     * @param bytes what {@link #encode} made
     * @return the session
     * @throws IllegalArgumentException if the bytes are not a session (the message names no value)
     */
    public static Session decode(byte[] bytes) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        return fromJson(json);
    }

    private static void fields(JsonNode obj, BiConsumer<String, String> put) {
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            put.accept(e.getKey(), e.getValue().asText());
        }
    }
}
