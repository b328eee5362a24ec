package dev.latchkey.testkit.accounts;

/** The name is shorter than 3 or longer than 128 characters (aioaccount: `NameLengthInvalidError`). */
public class NameLengthInvalidException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    NameLengthInvalidException(String message) {
        super(message);
    }

    NameLengthInvalidException() {
        this("Name must be 3 to 128 characters.");
    }
}
