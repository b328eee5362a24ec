package dev.latchkey.testkit.accounts;

/** The account details given are invalid or incomplete (aioaccount: `AccountDetailsError`). */
public class AccountDetailsException extends AccountException {
    private static final long serialVersionUID = 1L;

    AccountDetailsException(String message) {
        super(message);
    }

    AccountDetailsException() {
        this("Account details are invalid.");
    }
}
