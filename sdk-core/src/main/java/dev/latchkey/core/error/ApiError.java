package dev.latchkey.core.error;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a provider answered when a call failed with an HTTP error status: the facts every {@link ApiException}
 * carries.
 *
 * @param status the HTTP status code
 * @param method the HTTP method of the request
 * @param path the request path, with secret path segments and query values replaced by {@code ***}
 * @param providerCode the provider's own error code (TMDb's {@code status_code}, for example), or {@code null}
 * @param serverMessage the provider's message, scrubbed of the request's secrets, or {@code null}
 * @param requestId the request id the server sent back, or {@code null}
 * @param retryAfter the server's {@code Retry-After}, as a duration from now, or {@code null}
 * @param headers the answer's headers (names case-insensitive), scrubbed of the request's secrets, credential headers
 *     such as {@code Set-Cookie} masked: the rate-limit headers a caller may need to pace itself
 *
 * @serial exclude
 */
public record ApiError(int status, String method, String path, String providerCode, String serverMessage,
        String requestId, Duration retryAfter, Map<String, List<String>> headers) implements Serializable {

    /**
     * Creates an {@code ApiError}, checking and normalizing its components.
     *
     * @param status the HTTP status code
     * @param method the HTTP method of the request
     * @param path the request path, with secret path segments and query values replaced by {@code ***}
     * @param providerCode the provider's own error code (TMDb's {@code status_code}, for example), or {@code null}
     * @param serverMessage the provider's message, scrubbed of the request's secrets, or {@code null}
     * @param requestId the request id the server sent back, or {@code null}
     * @param retryAfter the server's {@code Retry-After}, as a duration from now, or {@code null}
     * @param headers the answer's headers (names case-insensitive), scrubbed of the request's secrets, credential
     *     headers such as {@code Set-Cookie} masked: the rate-limit headers a caller may need to pace itself
     */
    public ApiError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = caseInsensitiveCopy(headers);
    }

    /**
     * The facts of an error answer whose headers are not known.
     *
     * @param status the HTTP status of the answer
     * @param method the HTTP method
     * @param path the redacted request path
     * @param providerCode the provider's error code, or {@code null}
     * @param serverMessage the provider's message, or {@code null}; it is scrubbed here
     * @param requestId the request id header's value, or {@code null}
     * @param retryAfter the parsed {@code Retry-After}, or {@code null}
     */
    public ApiError(int status, String method, String path, String providerCode, String serverMessage,
            String requestId, Duration retryAfter) {
        this(status, method, path, providerCode, serverMessage, requestId, retryAfter, Map.of());
    }

    /**
     * @param name the header name
     * @return the first value of a response header (name case-insensitive), if the answer had it
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        // Serializable all the way down, so an exception that crossed a process boundary still has its facts.
        SortedMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.merge(name, List.copyOf(values),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /** @return the provider's error code, when it sent one */
    public Optional<String> code() {
        return Optional.ofNullable(providerCode);
    }

    /**
     * @param newCode the provider code to show
     * @param newMessage the message to show
     * @return this error with another provider code and message (a mapper refining a generic answer)
     */
    public ApiError withCodeAndMessage(String newCode, String newMessage) {
        return new ApiError(status, method, path, newCode, newMessage, requestId, retryAfter, headers);
    }

    /**
     * The message every {@link ApiException} shows, for example
     * {@code HTTP 429 on GET /api/v1/account/favorites: Too many requests (code: 25, request-id: abc)}.
     */
    String describe() {
        StringBuilder sb = new StringBuilder(96)
                .append("HTTP ").append(status).append(" on ").append(method).append(' ').append(path).append(": ")
                .append(serverMessage != null && !serverMessage.isBlank() ? serverMessage : reasonPhrase(status));
        if (providerCode != null || requestId != null || retryAfter != null) {
            sb.append(" (");
            String sep = "";
            if (providerCode != null) {
                sb.append("code: ").append(providerCode);
                sep = ", ";
            }
            if (requestId != null) {
                sb.append(sep).append("request-id: ").append(requestId);
                sep = ", ";
            }
            if (retryAfter != null) {
                sb.append(sep).append("retry-after: ").append(seconds(retryAfter)).append('s');
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Whole seconds past 292 million years, where {@code toMillis()} overflows: anyone may build an ApiError. */
    private static double seconds(Duration d) {
        long s = d.getSeconds();
        return s > Long.MIN_VALUE / 1000 && s < Long.MAX_VALUE / 1000 ? d.toMillis() / 1000.0 : s;
    }

    /** The standard reason phrase, so a message is never empty when the body said nothing useful. */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP status " + status;
        };
    }
}
