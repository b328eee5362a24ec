package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.latchkey.core.json.OpenEnum;
import java.util.Locale;
import java.util.Optional;

/**
 * The rank of a Kemono account: consumer, moderator or administrator, or the raw value of a role this version does not
 * know.
 *
 * @param value the role as Kemono sent it, lower-cased
 */
public record Role(String value) implements OpenEnum<Role.Known> {
    /** The {@code consumer} role. */
    public static final Role CONSUMER = new Role("consumer");
    /** The {@code moderator} role. */
    public static final Role MODERATOR = new Role("moderator");
    /** The {@code administrator} role. */
    public static final Role ADMINISTRATOR = new Role("administrator");

    /** The roles this version knows. */
    public enum Known {
        /** The {@code consumer} role. */
        CONSUMER,
        /** The {@code moderator} role. */
        MODERATOR,
        /** The {@code administrator} role. */
        ADMINISTRATOR
    }

    /**
     * Creates a {@code Role}, checking and normalizing its components.
     *
     * @param value the role as Kemono sent it, lower-cased
     */
    public Role {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value the role as Kemono sent it, lower-cased
     * @return the role for a raw value
     */
    @JsonCreator
    public static Role of(String value) {
        return new Role(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public Optional<Known> known() {
        return OpenEnum.lookup(Known.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
