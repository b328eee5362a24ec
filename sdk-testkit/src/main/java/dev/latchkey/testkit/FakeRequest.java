package dev.latchkey.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import dev.latchkey.testkit.internal.LoopbackHttpServer;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** A request as a fake's handler sees it. */
public final class FakeRequest {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String target;
    private final Headers headers;
    private final HttpUrl url;
    private final String body;
    private JsonNode json;
    private boolean jsonRead;

    FakeRequest(LoopbackHttpServer.Received received) {
        this.method = received.method();
        this.target = received.target();
        this.headers = received.headers();
        // Only the path and query matter; the origin is a placeholder.
        this.url = target.startsWith("/") ? HttpUrl.get("http://127.0.0.1" + target) : HttpUrl.get(target);
        this.body = new String(received.body(), StandardCharsets.UTF_8);
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the decoded path segments */
    public List<String> segments() {
        return url.pathSegments();
    }

    /** @return the encoded path */
    public String path() {
        return url.encodedPath();
    }

    /** @return the path and query as sent */
    public String target() {
        return target;
    }

    /**
     * @param name the query parameter name
     * @return a query parameter's value
     */
    public Optional<String> query(String name) {
        return Optional.ofNullable(url.queryParameter(name));
    }

    /**
     * @param name the header name
     * @return a header's value
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** @return the token of an {@code Authorization: Bearer} header (the scheme matched case-insensitively) */
    public Optional<String> bearerToken() {
        return header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    /** @return the request headers */
    public Headers headers() {
        return headers;
    }

    /**
     * @param name the cookie name
     * @return a cookie sent in {@code Cookie} headers
     */
    public Optional<String> cookie(String name) {
        for (String header : headers.values("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** @return the body as text */
    public String body() {
        return body;
    }

    /** @return the body as a JSON object, or empty if it is absent or not a JSON object */
    public Optional<JsonNode> json() {
        if (!jsonRead) {
            jsonRead = true;
            try {
                JsonNode n = body.isBlank() ? null : JSON.readTree(body);
                json = n != null && n.isObject() ? n : null;
            } catch (Exception e) {
                json = null;
            }
        }
        return Optional.ofNullable(json);
    }

    /**
     * @param field the JSON path of the offending field, or {@code null}
     * @return a string field of the JSON body, if present and textual
     */
    public Optional<String> jsonText(String field) {
        return json().map(n -> n.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
