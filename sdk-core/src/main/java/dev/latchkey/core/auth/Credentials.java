package dev.latchkey.core.auth;

import java.util.Objects;

/**
 * A user name (or email) and password. {@code toString()} shows the name and {@code ***}.
 *
 * @param username the name or email the provider logs in with
 * @param password the password
 */
public record Credentials(String username, Secret password) {

    /** @throws IllegalArgumentException if the name is blank */
    public Credentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is blank");
        }
        Objects.requireNonNull(password, "password");
    }

    /**
     * @param username the name or email
     * @param password the password
     * @return the credentials
     * @throws IllegalArgumentException if either is blank
     */
    public static Credentials of(String username, String password) {
        return new Credentials(username, Secret.of(password));
    }
}
