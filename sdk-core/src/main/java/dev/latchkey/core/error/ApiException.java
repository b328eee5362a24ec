package dev.latchkey.core.error;

import java.util.Optional;

/**
 * A provider answered with an HTTP error status. Subclasses name the category; this class carries the facts:
 * status, provider error code, server message, request id, method and (redacted) path.
 */
public class ApiException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** Serializable: a deserialized exception still answers {@link #status()} and the rest. */
    private final ApiError error;

    /** The message, built on first read: an error a caller handles by its type never pays for its text. */
    private transient volatile String message;

    /** @param error what the provider answered */
    public ApiException(ApiError error) {
        super(null);
        this.error = java.util.Objects.requireNonNull(error, "error");
    }

    /** @return {@code HTTP <status> on <method> <path>: <message> (code: ..., request-id: ...)}, free of secrets */
    @Override
    public String getMessage() {
        String m = message;
        if (m == null) {
            message = m = capped(error.describe());
        }
        return m;
    }

    /** @return everything known about the failed answer */
    public ApiError error() {
        return error;
    }

    /** @return the HTTP status code */
    public int status() {
        return error.status();
    }

    /** @return the provider's own error code, when it sent one */
    public Optional<String> providerCode() {
        return Optional.ofNullable(error.providerCode());
    }

    /** @return the provider's message (scrubbed of secrets), when it sent one */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(error.serverMessage());
    }

    /** @return the request id the server sent back, when it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(error.requestId());
    }

    /**
     * @param name a response header's name, case-insensitive
     * @return its first value (scrubbed of the request's secrets), if the answer had it: rate-limit headers, say
     */
    public Optional<String> header(String name) {
        return error.header(name);
    }

    /** @return the HTTP method of the failed request */
    public String method() {
        return error.method();
    }

    /** @return the request path with secrets replaced by {@code ***} */
    public String path() {
        return error.path();
    }
}
