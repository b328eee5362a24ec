package dev.latchkey.core.http;

import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The raw facts of an HTTP answer, beside the value a call made of it: status, headers, and the provider's request id
 * (what Retrofit's {@code Response<T>} and openai-java's {@code withRawResponse()} give). Failed calls carry the same
 * facts in their exception's {@link dev.latchkey.core.error.ApiError}.
 */
public final class ResponseInfo {
    private final int status;
    private final Headers headers;
    private final String requestId;

    /**
     * @param status the HTTP status
     * @param headers the answer's headers, as received
     * @param requestId the provider's request id, or {@code null}
     */
    public ResponseInfo(int status, Headers headers, String requestId) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.requestId = requestId;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /**
     * @return the answer's headers as received: rate-limit headers, caching headers, and credentials too (a login's
     *     {@code Set-Cookie}), so never log them whole
     */
    public Headers headers() {
        return headers;
    }

    /** @return the provider's request id, when the answer carried one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        // Header values may be credentials: names only.
        return "ResponseInfo{status=" + status + ", requestId=" + requestId + ", headers=" + headers.names() + '}';
    }
}
