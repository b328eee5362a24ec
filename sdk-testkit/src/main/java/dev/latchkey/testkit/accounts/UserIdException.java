package dev.latchkey.testkit.accounts;

/** No account has this id (aioaccount: `UserIdError`). */
public class UserIdException extends AccountException {
    private static final long serialVersionUID = 1L;

    UserIdException(String message) {
        super(message);
    }

    UserIdException() {
        this("User id incorrect.");
    }
}
