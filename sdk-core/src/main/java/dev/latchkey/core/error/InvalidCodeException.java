package dev.latchkey.core.error;

/** A confirmation, password-reset or OAuth code was wrong, expired or already used. */
public class InvalidCodeException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public InvalidCodeException(ApiError error) {
        super(error);
    }
}
