package dev.latchkey.testkit.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store knows of an account, without its secrets (aioaccount's {@code UserModel}).
 *
 * @param userId 32 hex characters, a UUID without dashes
 * @param name the name, if the account has one
 * @param email the email, normalized, if the account has one
 * @param emailConfirmed {@code null} if confirmation was never required, else whether it is confirmed
 * @param createdAt when the account was created
 */
public record UserRecord(String userId, Optional<String> name, Optional<String> email, Boolean emailConfirmed,
        Instant createdAt) {

    /** @return the name if set, else the email */
    public String displayName() {
        return name.or(() -> email).orElse(userId);
    }
}
