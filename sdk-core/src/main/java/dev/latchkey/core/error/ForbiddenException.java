package dev.latchkey.core.error;

/** The session is valid but may not do this (or an anti-bot wall refused the request). */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public ForbiddenException(ApiError error) {
        super(error);
    }
}
