package dev.latchkey.testkit.accounts;

/** The password reset code is wrong, expired or used (aioaccount: `PasswordResetInvalid`). */
public class PasswordResetInvalidException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    PasswordResetInvalidException(String message) {
        super(message);
    }

    PasswordResetInvalidException() {
        this("Password reset code is invalid.");
    }
}
