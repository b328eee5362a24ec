package dev.latchkey.core.error;

/** A {@link dev.latchkey.core.auth.SessionStore} could not read or write its sessions. */
public class SessionStoreException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed (a path, never a session's content)
     * @param cause the I/O or parse failure
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
