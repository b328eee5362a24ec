package dev.latchkey.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.internal.Json;
import dev.latchkey.core.internal.Text;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.Headers;

/**
 * An HTTP answer with an error status, as an {@link ErrorMapper} sees it. The body has already been read (at most
 * {@value #MAX_BODY_CHARS} characters) and the response closed, so a mapper can look at it freely.
 */
public final class ErrorResponse {
    /** The most of an error body that is kept. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /** The most of a server message that an exception repeats. */
    static final int MAX_MESSAGE_CHARS = 300;
    /** The most of a provider error code that an exception repeats. */
    static final int MAX_CODE_CHARS = 64;

    private final int status;
    private final String method;
    private final String path;
    private final Headers headers;
    private final String body;
    private final String requestId;
    private final Duration retryAfter;
    private final UnaryOperator<String> scrubber;
    private JsonNode json;
    private boolean jsonParsed;

    private ErrorResponse(int status, String method, String path, Headers headers, String body, String requestId,
            Duration retryAfter, UnaryOperator<String> scrubber) {
        this.status = status;
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.headers = headers == null ? Headers.of() : headers;
        this.body = body == null ? "" : body;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
        this.scrubber = scrubber == null ? UnaryOperator.identity() : scrubber;
    }

    /**
     * Builds an error response; the pipeline does this for every error status, and tests of a provider's
     * {@link ErrorMapper} can do it directly.
     *
     * @param status the HTTP status
     * @param method the HTTP method
     * @param path the redacted path
     * @param headers the response headers
     * @param body the response body as text (empty if none)
     * @param requestId the request id header's value, or {@code null}
     * @param retryAfter the parsed {@code Retry-After}, or {@code null}
     * @param scrubber replaces the request's secrets in any text taken from the body
     * @return the error response
     */
    public static ErrorResponse of(int status, String method, String path, Headers headers, String body,
            String requestId, Duration retryAfter, UnaryOperator<String> scrubber) {
        return new ErrorResponse(status, method, path, headers, body, requestId, retryAfter, scrubber);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the HTTP method of the request */
    public String method() {
        return method;
    }

    /** @return the redacted request path */
    public String path() {
        return path;
    }

    /** @return the response headers */
    public Headers headers() {
        return headers;
    }

    /**
     * @param name the header name
     * @return the value of a response header, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** @return the response's content type, if it had one */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** @return the body as text, unscrubbed: never put it in a message as is; use {@link #excerpt()} */
    public String body() {
        return body;
    }

    /** @return the server's {@code Retry-After} as a duration from now, if it sent one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the body parsed as JSON, or empty if it is not JSON */
    public Optional<JsonNode> json() {
        if (!jsonParsed) {
            jsonParsed = true;
            json = Json.tryParseTree(body);
        }
        return Optional.ofNullable(json);
    }

    /** @return whether the body is an HTML page rather than data */
    public boolean isHtml() {
        return Text.looksLikeHtml(body) || contentType().map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false) && !json().isPresent();
    }

    /** @return a short excerpt of the body with the request's secrets removed */
    public String excerpt() {
        return excerpt(body, 160);
    }

    /**
     * @param text the text
     * @param max the most characters to keep
     * @return the text scrubbed of the request's secrets, white space folded, then cut: scrubbing after a cut would
     *     miss a secret split by it
     */
    public String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        String scrubbed = scrubber.apply(text);
        String excerpt = Text.excerpt(scrubbed, max);
        // Scrubbed again only if folding or the cut changed it: a cut can leave a secret's head at the end.
        return excerpt == scrubbed ? excerpt : scrubber.apply(excerpt);
    }

    /**
     * @param text the text
     * @return the text with the request's secrets replaced by {@code ***}
     */
    public String scrub(String text) {
        return text == null ? null : scrubber.apply(text);
    }

    /**
     * @param providerCode the provider's error code, or {@code null}
     * @param serverMessage the provider's message, or {@code null}; it is scrubbed here
     * @return the facts of this error, for an exception's constructor
     */
    public ApiError error(String providerCode, String serverMessage) {
        return new ApiError(status, method, path, excerpt(providerCode, MAX_CODE_CHARS),
                excerpt(serverMessage, MAX_MESSAGE_CHARS), requestId, retryAfter, keptHeaders());
    }

    /** Credential headers: their values never reach an exception. */
    static final java.util.Set<String> MASKED_HEADERS = java.util.Set.of("authorization", "proxy-authorization",
            "cookie", "set-cookie", "x-api-key", "x-auth-token", "onlineauthorization");
    /** The most headers, and the longest value, an exception keeps: a hostile answer must not bloat it. */
    static final int MAX_HEADERS = 64;
    static final int MAX_HEADER_CHARS = 512;

    private java.util.Map<String, java.util.List<String>> kept;

    /** @return the headers an exception keeps: scrubbed, cut, credential values masked; computed once */
    private java.util.Map<String, java.util.List<String>> keptHeaders() {
        if (kept == null) {
            java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
            int n = Math.min(headers.size(), MAX_HEADERS);
            for (int i = 0; i < n; i++) {
                String name = excerpt(headers.name(i), 100); // a hostile server may echo a secret as a name
                String value = MASKED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "***"
                        : excerpt(headers.value(i), MAX_HEADER_CHARS);
                out.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            }
            kept = out;
        }
        return kept;
    }

    /**
     * The facts of this error read from a generic envelope: the message from {@code message},
     * {@code status_message}, {@code error_description}, {@code detail} or a string {@code error}; the code from
     * {@code code}, {@code status_code} or {@code error} when a separate message exists. A body that is not JSON gives
     * its title (HTML) or a short excerpt (text) as the message, so the status is never hidden.
     *
     * @return the facts of this error
     */
    public ApiError error() {
        Optional<JsonNode> tree = json();
        if (tree.isPresent()) {
            JsonNode n = tree.get();
            if (n.isTextual()) {
                return error(null, n.asText());
            }
            String message = firstText(n, "message", "status_message", "error_description", "detail");
            String code = firstText(n, "code", "status_code");
            JsonNode errorField = n.get("error");
            if (errorField != null && errorField.isValueNode()) {
                if (message == null) {
                    message = errorField.asText();
                } else if (code == null) {
                    code = errorField.asText();
                }
            }
            JsonNode errors = n.get("errors");
            if (message == null && errors != null && errors.isArray() && !errors.isEmpty()) {
                message = errors.get(0).asText();
            }
            return error(code, message);
        }
        if (body.isBlank()) {
            return error(null, null);
        }
        if (isHtml()) {
            String title = Text.htmlTitle(body);
            return error(null, "HTML page" + (title == null ? "" : " \"" + excerpt(title, 80) + '"')
                    + " instead of data");
        }
        return error(null, excerpt(body, 200));
    }

    /**
     * Maps an error to core's taxonomy by HTTP status alone: 400 and 422 validation, 401 unauthorized, 403
     * forbidden, 404 and 410 not found, 409 conflict, 429 rate limited, 5xx server, anything else unexpected.
     *
     * @param error the facts of the error
     * @return the exception for its status
     */
    public static ApiException byStatus(ApiError error) {
        int s = error.status();
        return switch (s) {
            case 400, 422 -> new ValidationException(error);
            case 401 -> new UnauthorizedException(error);
            case 403 -> new ForbiddenException(error);
            case 404, 410 -> new NotFoundException(error);
            case 409 -> new ConflictException(error);
            case 429 -> new RateLimitedException(error);
            default -> s >= 500 && s <= 599 ? new ServerException(error) : new UnexpectedStatusException(error);
        };
    }

    private static String firstText(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }
}
