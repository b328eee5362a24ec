package dev.latchkey.testkit.accounts;

/** The name or email is already used by another account (aioaccount: `DetailsExistError`). */
public class DetailsExistException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    DetailsExistException(String message) {
        super(message);
    }

    DetailsExistException() {
        this("Account details already used.");
    }
}
