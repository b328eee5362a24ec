package dev.latchkey.testkit.accounts;

/** The email confirmation code is wrong, expired or used, or no account has the email (aioaccount: `UnableToConfirmEmail`). */
public class UnableToConfirmEmailException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    UnableToConfirmEmailException(String message) {
        super(message);
    }

    UnableToConfirmEmailException() {
        this("Unable to confirm email with given details.");
    }
}
