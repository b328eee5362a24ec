package dev.latchkey.testkit.accounts;

/** The email address is not valid (aioaccount: `EmailError`). */
public class EmailInvalidException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    EmailInvalidException(String message) {
        super(message);
    }

    EmailInvalidException() {
        this("Email is invalid.");
    }
}
