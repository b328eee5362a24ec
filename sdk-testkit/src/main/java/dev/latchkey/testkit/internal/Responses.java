package dev.latchkey.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

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

    public static MockResponse json(int status, JsonNode body, String contentType) {
        try {
            return new MockResponse.Builder().code(status).setHeader("Content-Type", contentType)
                    .body(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MockResponse text(int status, String body, String contentType) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build();
    }
}
