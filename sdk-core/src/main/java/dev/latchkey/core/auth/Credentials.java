package dev.latchkey.core.auth;

import dev.latchkey.core.error.InvalidInputException;

/**
 * A user name (or email) and password. {@code toString()} shows the name and {@code ***}.
 *
 * @param username the name or email the provider logs in with
 * @param password the password
 */
public record Credentials(String username, Secret password) {

    /**
     * @param password the password
     * @param username the user name
     * @throws InvalidInputException if the name is blank or the password missing
     */
    public Credentials {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is blank");
        }
        if (password == null) {
            throw new InvalidInputException("password is missing");
        }
    }

    /**
     * @param username the name or email
     * @param password the password
     * @return the credentials
     * @throws InvalidInputException if either is blank
     */
    public static Credentials of(String username, String password) {
        return new Credentials(username, Secret.of(password));
    }
}
