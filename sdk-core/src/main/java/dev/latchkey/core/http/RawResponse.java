package dev.latchkey.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Headers;

/**
 * A successful answer kept whole, for callers that want more than the typed result: status, headers, request id,
 * and the body parsed on demand. Errors still throw typed exceptions.
 */
public final class RawResponse {
    private final ResponseInfo info;
    private final byte[] body;
    private final Function<RawResponse, ResponseView> views;

    RawResponse(int status, Headers headers, String requestId, byte[] body, Function<RawResponse, ResponseView> views) {
        this.info = new ResponseInfo(status, headers, requestId);
        this.body = body;
        this.views = views;
    }

    /** @return the status, headers and request id, as {@link WithResponse} gives them */
    public ResponseInfo info() {
        return info;
    }

    /** @return the HTTP status */
    public int status() {
        return info.status();
    }

    /** @return the headers */
    public Headers headers() {
        return info.headers();
    }

    /** @return the request id the server sent, if any */
    public Optional<String> requestId() {
        return info.requestId();
    }

    /** @return the body bytes (a copy) */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return the body parsed as JSON into the type, with the same checks as typed calls
     */
    public <T> T parse(Class<T> type) {
        return parse(r -> r.json(type));
    }

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return the body parsed as JSON into the generic type
     */
    public <T> T parse(TypeReference<T> type) {
        return parse(r -> r.json(type));
    }

    /**
     * @param <T> the type the answer is read into
     * @param parser reads a successful answer
     * @return the body read by the parser, with the same checks as typed calls
     */
    public <T> T parse(ResponseParser<T> parser) {
        return Failures.parse((BodyView) views.apply(this), parser);
    }

    @Override
    public String toString() {
        return "RawResponse{status=" + info.status() + ", bytes=" + body.length + ", requestId="
                + info.requestId().orElse(null) + '}';
    }
}
