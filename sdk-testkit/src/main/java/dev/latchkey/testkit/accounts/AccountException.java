package dev.latchkey.testkit.accounts;

/** The root of the account store's errors; one subclass per aioaccount error. */
public class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccountException(String message) {
        super(message);
    }
}
