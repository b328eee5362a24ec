package dev.latchkey.testkit.accounts;

/** The name has characters other than letters and digits (aioaccount: `NameInvalidCharactersError`). */
public class NameInvalidCharactersException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    NameInvalidCharactersException(String message) {
        super(message);
    }

    NameInvalidCharactersException() {
        this("Name may only contain letters and digits.");
    }
}
