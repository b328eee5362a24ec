package dev.latchkey.eternaltwin.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Eternaltwin user (eternaltwin-py's {@code User}, without its token: a logged-in user is an
 * {@link dev.latchkey.eternaltwin.EternaltwinAccount}). Eternaltwin sends the display name as
 * {@code display_name.current.value}; the short user of {@code auth/self} and of some listings has only the id and the
 * display name, so the other facts are empty there.
 *
 * @param id the user's UUID
 * @param displayName the name shown on Eternaltwin
 * @param administrator whether the user is an administrator; empty where the answer does not say
 * @param createdAt when the account was created; empty where the answer does not say
 * @param deletedAt when the account was deleted; empty if it is not, or the answer does not say
 */
public record User(String id, String displayName, Optional<Boolean> administrator, Optional<Instant> createdAt,
        Optional<Instant> deletedAt) {
    /** A user id: a lower-case UUID, as Eternaltwin writes them. */
    public static final Pattern ID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * Creates an {@code User}, checking and normalizing its components.
     *
     * @param id the user's UUID
     * @param displayName the name shown on Eternaltwin
     * @param administrator whether the user is an administrator; {@code null} reads as empty
     * @param createdAt when the account was created; {@code null} reads as empty
     * @param deletedAt when the account was deleted; {@code null} reads as empty
     */
    public User {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a user id is a UUID");
        }
        if (displayName == null) {
            throw new IllegalArgumentException("a user has a display name");
        }
        administrator = administrator == null ? Optional.empty() : administrator;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        deletedAt = deletedAt == null ? Optional.empty() : deletedAt;
    }

    /**
     * A user known by its id and display name only (the short user of {@code auth/self}, a stored session).
     *
     * @param id the user's UUID
     * @param displayName the name shown on Eternaltwin
     * @return the user, its other facts empty
     */
    public static User of(String id, String displayName) {
        return new User(id, displayName, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The wire shape of a display name: {@code {"current": {"value": "..."}}}. */
    record DisplayName(@JsonProperty(value = "current", required = true) Current current) {
        record Current(@JsonProperty(value = "value", required = true) String value) {
        }
    }

    @JsonCreator
    static User fromJson(@JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "display_name", required = true) DisplayName displayName,
            @JsonProperty("is_administrator") Boolean administrator,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("deleted_at") Instant deletedAt) {
        if (displayName == null || displayName.current() == null) {
            throw new IllegalArgumentException("a user has a display name");
        }
        return new User(id, displayName.current().value(), Optional.ofNullable(administrator),
                Optional.ofNullable(createdAt), Optional.ofNullable(deletedAt));
    }
}
