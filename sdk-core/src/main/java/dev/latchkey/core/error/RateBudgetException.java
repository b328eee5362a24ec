package dev.latchkey.core.error;

/**
 * A shared {@link dev.latchkey.core.RateBudget} could not be consulted (its store, such as Redis, failed or timed
 * out). Nothing was sent: a call that cannot be paced is not made.
 */
public class RateBudgetException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed (the budget's name and where it lives, never a password)
     * @param cause the store's failure
     */
    public RateBudgetException(String message, Throwable cause) {
        super(message, cause);
    }
}
