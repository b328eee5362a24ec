package dev.latchkey.core.error;

/**
 * An OAuth {@code state} failed verification: it was tampered with, expired, already used, or is not the one this
 * client issued. The authorization response must be discarded.
 */
public class InvalidStateException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** @param message why the state was refused (never the state itself) */
    public InvalidStateException(String message) {
        super(message);
    }

    /**
     * @param message why the state was refused (never the state itself)
     * @param cause the verifier's exception
     */
    public InvalidStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
