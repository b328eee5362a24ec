package dev.latchkey.testkit.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange of a {@link Cassette}: a request, the answer it gets, where that answer comes from, and which of its
 * parts vary from run to run. The format is described in the testkit README ("Conformance corpus").
 *
 * @param name what the exchange shows, unique in its cassette
 * @param source where the answer comes from: {@code repo@commit path:line}, the official spec, a real exchange, or
 *     {@code own choice}
 * @param request the request; its strings may hold placeholders ({@code {{name}}}, {@code {{#name}}} for a number)
 * @param response the answer, or {@code null} in a draft whose answer is still to be recorded
 * @param volatileFields paths in the answer whose values vary ({@code body.data.token}, {@code body.items[*].id},
 *     {@code headers.Set-Cookie}, {@code text}): present, of the same JSON kind, not compared
 * @param capture values to keep from the answer for later requests: a name to a path, or to {@code cookie:<name>}
 *     (a {@code Set-Cookie}'s value) or {@code location:<parameter>} (a query parameter of {@code Location})
 * @param shape whether only the answer's shape is compared (keys and JSON kinds, at every level), not its values: for
 *     exchanges whose values are a provider's example data
 * @param client what a client does with the answer, read by each provider module's conformance test; {@code null}
 *     when no client call makes this request alone
 */
public record Exchange(String name, String source, Request request, Response response, List<String> volatileFields,
        Map<String, String> capture, boolean shape, JsonNode client) {

    /**
     * Creates an {@code Exchange}, checking and normalizing its components.
     *
     * @param name what the exchange shows
     * @param source where the answer comes from
     * @param request the request
     * @param response the answer, or {@code null} in a draft
     * @param volatileFields paths whose values vary
     * @param capture values to keep for later requests
     * @param shape whether only the shape is compared
     * @param client what a client does with the answer, or {@code null}
     */
    public Exchange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        source = source == null ? "" : source;
        volatileFields = volatileFields == null ? List.of() : List.copyOf(volatileFields);
        capture = capture == null ? Map.of() : Map.copyOf(capture);
    }

    /**
     * A request as recorded.
     *
     * @param method the HTTP method
     * @param path the path and query, from the base URL's origin ({@code /api/command}, {@code /3/account?x=1})
     * @param headers the headers that matter (names as written)
     * @param body the body: a JSON value, a {@code TextNode} for text, or {@code null} for none
     * @param form whether the body is {@code application/x-www-form-urlencoded} (a JSON object of its fields)
     */
    public record Request(String method, String path, Map<String, String> headers, JsonNode body, boolean form) {
        /**
         * Creates a {@code Request}, checking and normalizing its components.
         *
         * @param method the HTTP method
         * @param path the path and query
         * @param headers the headers that matter
         * @param body the body, or {@code null}
         * @param form whether the body is a form
         */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * An answer as recorded.
     *
     * @param status the HTTP status
     * @param headers the headers that matter (compared as written; names case-insensitive)
     * @param body the body as JSON, or {@code null} when it is text
     * @param text the body as text when it is not JSON (an HTML page, an empty body), else {@code null}
     */
    public record Response(int status, Map<String, String> headers, JsonNode body, String text) {
        /**
         * Creates a {@code Response}, checking and normalizing its components.
         *
         * @param status the HTTP status
         * @param headers the headers that matter
         * @param body the body as JSON, or {@code null}
         * @param text the body as text, or {@code null}
         */
        public Response {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
