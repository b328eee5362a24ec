package dev.latchkey.testkit.accounts;

/**
 * One account of an {@link AccountStore}, by id (aioaccount's {@code User}). Each call checks that the account still
 * exists.
 */
public final class UserHandle {
    private final AccountStore store;
    private final String userId;

    UserHandle(AccountStore store, String userId) {
        this.store = store;
        this.userId = userId;
    }

    /** @return the account id */
    public String userId() {
        return userId;
    }

    /** @return the account's details; {@link UserIdException} if it no longer exists */
    public UserRecord get() {
        return store.get(userId);
    }

    /**
     * @param currentPassword the password now ({@link InvalidLoginException} if wrong)
     * @param newPassword the new one ({@link PasswordPolicyException} if it fails the policy)
     */
    public void updatePassword(String currentPassword, String newPassword) {
        store.updatePassword(userId, currentPassword, newPassword);
    }

    /** @param name the new name: length, characters and uniqueness are checked */
    public void updateName(String name) {
        store.updateName(userId, name);
    }

    /** @param email the new email: syntax and uniqueness are checked; needs a new confirmation if required */
    public void updateEmail(String email) {
        store.updateEmail(userId, email);
    }

    /** @return a fresh password reset code (the previous one stops working) */
    public String resetPassword() {
        return store.resetPassword(userId);
    }

    /**
     * @param newPassword the new password (checked against the policy first)
     * @param code the reset code ({@link PasswordResetInvalidException} if wrong, expired or used)
     */
    public void confirmPasswordReset(String newPassword, String code) {
        store.confirmPasswordReset(userId, newPassword, code);
    }

    /** Deletes the account; nothing happens if it is already gone. */
    public void delete() {
        store.delete(userId);
    }

    @Override
    public String toString() {
        return "UserHandle{" + userId + '}';
    }
}
