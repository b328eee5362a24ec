package dev.latchkey.core.error;

/** The thing asked for does not exist. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
