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
 * @param administrator whether the user is an administrator, or {@code null} where the answer does not say
 * @param createdAt when the account was created, or {@code null} where the answer does not say
 * @param deletedAt when the account was deleted, or {@code null}
 */
public record User(String id, String displayName, Boolean administrator, Instant createdAt, Instant deletedAt) {
    /** A user id: a lower-case UUID, as Eternaltwin writes them. */
    public static final Pattern ID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * Creates an {@code User}, checking and normalizing its components.
     *
     * @param id the user's UUID
     * @param displayName the name shown on Eternaltwin
     * @param administrator whether the user is an administrator, or {@code null} where the answer does not say
     * @param createdAt when the account was created, or {@code null} where the answer does not say
     * @param deletedAt when the account was deleted, or {@code null}
     */
    public User {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a user id is a UUID");
        }
        if (displayName == null) {
            throw new IllegalArgumentException("a user has a display name");
        }
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
        return new User(id, displayName.current().value(), administrator, createdAt, deletedAt);
    }

    /** @return whether the user is an administrator, if the answer said */
    public Optional<Boolean> isAdministrator() {
        return Optional.ofNullable(administrator);
    }

    /** @return whether the account is deleted, if the answer said when */
    public boolean isDeleted() {
        return deletedAt != null;
    }
}
