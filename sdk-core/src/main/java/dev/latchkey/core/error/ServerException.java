package dev.latchkey.core.error;

/** The provider failed (HTTP 5xx). Idempotent calls were retried before this was thrown. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public ServerException(ApiError error) {
        super(error);
    }
}
