package dev.latchkey.core.error;

/** The call needs a session and there is none, or the session expired or was revoked. Log in again. */
public class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public UnauthorizedException(ApiError error) {
        super(error);
    }
}
