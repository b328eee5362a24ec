package dev.latchkey.karaokemugen.model;

import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;

/**
 * An account to create ({@code createUser}). A new account is a user unless the operator asks for an operator; the
 * app makes its guests itself. A code lets anyone create an account when the app asks for one. {@code toString()}
 * hides the password and the code.
 *
 * @param login the login: letters, digits, {@code _ . -}; {@code name@instance} for an online account
 * @param password at least 8 characters
 * @param nickname the name shown, or {@code null} for the login
 * @param type {@link UserType#USER} or {@link UserType#OPERATOR} (the operator's calls only), or {@code null} for a
 *     user
 * @param securityCode the app's current new-account code or security code, or {@code null}
 */
public record NewUser(String login, Secret password, String nickname, UserType type, String securityCode) {

    /**
     * Creates a {@code NewUser}, checking and normalizing its components.
     *
     * @param login the login: letters, digits, {@code _ . -}; {@code name@instance} for an online account
     * @param password at least 8 characters
     * @param nickname the name shown, or {@code null} for the login
     * @param type the type (operator callers only), or {@code null}
     * @param securityCode the app's current security code, or {@code null}
     */
    public NewUser {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException("login is blank");
        }
        InvalidInputException.require(password, "password");
    }

    /**
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param password the password
     * @return an account with a login and a password, nothing else
     */
    public static NewUser of(String login, String password) {
        return new NewUser(login, Secret.of(password), null, null, null);
    }

    /**
     * @param nickname the name shown
     * @return this account with a nickname
     */
    public NewUser withNickname(String nickname) {
        return new NewUser(login, password, nickname, type, securityCode);
    }

    /**
     * @param type {@link UserType#USER}, or {@link UserType#OPERATOR} when the operator creates another operator
     * @return this account with a type; a guest type, or an operator asked for by anyone but the operator, is refused
     *     when the account is created
     */
    public NewUser withType(UserType type) {
        return new NewUser(login, password, nickname, type, securityCode);
    }

    /**
     * @param securityCode the six digits the app asks for when it requires a code for new accounts: its current
     *     "NEW ACCOUNT CODE" or its security code (either is accepted, {@code app:src/services/user.ts:282}); or
     *     {@code null}
     * @return this account with the code
     */
    public NewUser withSecurityCode(String securityCode) {
        return new NewUser(login, password, nickname, type, securityCode);
    }

    @Override
    public String toString() {
        return "NewUser{login=" + login + ", password=***, nickname=" + nickname + ", type=" + type
                + (securityCode == null ? "" : ", securityCode=***") + '}';
    }
}
