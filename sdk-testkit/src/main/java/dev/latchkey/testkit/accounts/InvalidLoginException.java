package dev.latchkey.testkit.accounts;

/** The login failed; deliberately does not say whether the user or the password was wrong (aioaccount: `InvalidLogin`). */
public class InvalidLoginException extends AccountException {
    private static final long serialVersionUID = 1L;

    InvalidLoginException(String message) {
        super(message);
    }

    InvalidLoginException() {
        this("Provided details are incorrect.");
    }
}
