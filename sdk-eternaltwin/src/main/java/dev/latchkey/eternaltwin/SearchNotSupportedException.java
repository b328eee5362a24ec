package dev.latchkey.eternaltwin;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ApiException;

/**
 * The server has no user search: {@code GET /api/v1/users} answered 405. Every Eternaltwin server version whose source
 * can be read (v0.4.0 to 2021-11) routes only {@code POST} there; eternaltwin.org's current server has the search.
 * {@code search} and {@code count} are then unavailable on this server; {@code user(id)} still works.
 */
public class SearchNotSupportedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public SearchNotSupportedException(ApiError error) {
        super(error);
    }
}
