package dev.latchkey.karaokemugen;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ApiException;

/**
 * The operator closed the app to this call (503 {@code WEBAPPMODE_CLOSED_API_MESSAGE}): the web-app mode is "closed"
 * or "limited". Only the operator can reopen it; operators' own calls pass. Like every 503 of a read, the call was
 * tried again before this was thrown, in case the mode changed meanwhile.
 */
public class AppClosedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the app answered */
    public AppClosedException(ApiError error) {
        super(error);
    }
}
