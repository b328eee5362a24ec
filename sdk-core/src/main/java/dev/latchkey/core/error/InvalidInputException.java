package dev.latchkey.core.error;

/**
 * A call was refused before anything was sent, because an argument is unusable: a blank user name or password, a
 * blank or malformed id, a rating out of range. Nothing reached the provider and no state changed.
 */
public class InvalidInputException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with which argument (never the value of a secret) */
    public InvalidInputException(String message) {
        super(message);
    }
}
