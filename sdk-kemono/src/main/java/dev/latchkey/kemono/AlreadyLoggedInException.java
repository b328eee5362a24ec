package dev.latchkey.kemono;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ConflictException;

/** Kemono refused a login because the request already carried a valid session (HTTP 409; pykemo's AlreadyLoggedIn). */
public class AlreadyLoggedInException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param error Kemono's answer */
    public AlreadyLoggedInException(ApiError error) {
        super(error);
    }
}
