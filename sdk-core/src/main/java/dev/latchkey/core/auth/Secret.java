package dev.latchkey.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.latchkey.core.error.InvalidInputException;

/**
 * A secret value (password, API key, token) that prints as {@code ***}: in {@code toString()}, in records that hold
 * it, in logs. Read it with {@link #reveal()} at the one place that must send it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the secret
     * @return it, wrapped
     * @throws InvalidInputException if it is null or blank (a blank password is always a mistake)
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("secret is blank");
        }
        return new Secret(value);
    }

    /**
     * @param value the secret as characters (from a console prompt)
     * @return it, wrapped
     */
    public static Secret of(char[] value) {
        if (value == null) {
            throw new InvalidInputException("secret is blank");
        }
        return of(new String(value));
    }

    /** @return the secret itself; send it, never print it */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        // Constant time, so comparing secrets leaks nothing through timing.
        return o instanceof Secret s && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 1; // hashing the value would leak it to anyone who can see hash codes; secrets are not map keys
    }

    @Override
    public String toString() {
        return "***";
    }
}
