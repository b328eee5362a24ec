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

    /**
     * @param value an argument
     * @param name its name, for the message
     * @param <T> its type
     * @return the value
     * @throws InvalidInputException naming the argument, if it is {@code null}
     */
    public static <T> T require(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " is missing (null)");
        }
        return value;
    }
}
