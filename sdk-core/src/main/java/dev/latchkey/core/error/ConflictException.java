package dev.latchkey.core.error;

/** The request conflicts with the current state: details already used, or already logged in. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public ConflictException(ApiError error) {
        super(error);
    }
}
