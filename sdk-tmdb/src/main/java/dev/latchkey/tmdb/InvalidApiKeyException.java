package dev.latchkey.tmdb;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.UnauthorizedException;

/**
 * TMDb refused the application's credentials: the API key or read access token is invalid (code 7) or suspended
 * (code 10). Unlike an expired user session, logging in again does not help: fix the key.
 */
public class InvalidApiKeyException extends UnauthorizedException {
    private static final long serialVersionUID = 1L;

    /** @param error TMDb's answer */
    public InvalidApiKeyException(ApiError error) {
        super(error);
    }
}
