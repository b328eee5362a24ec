package dev.latchkey.core.error;

/** The provider rejected the credentials: wrong name, email or password, or an unknown user. */
public class InvalidCredentialsException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public InvalidCredentialsException(ApiError error) {
        super(error);
    }
}
