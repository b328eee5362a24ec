package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.latchkey.core.json.OpenEnum;
import java.util.Optional;

/**
 * A user's type: 0 operator (the app's admin), 1 user, 2 guest, or a number this version does not know (the app has
 * had 0.5 maintainer and 0.6 contributor levels in its role table).
 *
 * @param code the number Karaoke Mugen sends
 */
public record UserType(int code) implements OpenEnum<UserType.Known> {
    /** The {@code 0} user type. */
    public static final UserType OPERATOR = new UserType(0);
    /** The {@code 1} user type. */
    public static final UserType USER = new UserType(1);
    /** The {@code 2} user type. */
    public static final UserType GUEST = new UserType(2);

    /** The types this version knows. */
    public enum Known {
        /** The {@code operator} user type. */
        OPERATOR,
        /** The {@code user} user type. */
        USER,
        /** The {@code guest} user type. */
        GUEST
    }

    /**
     * @param code the number Karaoke Mugen sends
     * @return the type for a number
     */
    @JsonCreator
    public static UserType of(int code) {
        return new UserType(code);
    }

    /** @return the number Karaoke Mugen sends */
    @JsonValue
    @Override
    public int code() {
        return code;
    }

    @Override
    public String value() {
        return String.valueOf(code);
    }

    @Override
    public Optional<Known> known() {
        return switch (code) {
            case 0 -> Optional.of(Known.OPERATOR);
            case 1 -> Optional.of(Known.USER);
            case 2 -> Optional.of(Known.GUEST);
            default -> Optional.empty();
        };
    }

    /**
     * @param role the role name a token carries: {@code admin}, {@code user} or {@code guest}
     * @return its type: {@code admin} is the operator; a name this version does not know is a user (what the app's
     *     access checks make of it)
     */
    public static UserType ofRole(String role) {
        return "admin".equals(role) ? OPERATOR : "guest".equals(role) ? GUEST : USER;
    }

    /** @return the role name a token carries: {@code admin}, {@code user} or {@code guest} */
    public String role() {
        return code == 0 ? "admin" : code == 2 ? "guest" : "user";
    }

    @Override
    public String toString() {
        return known().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).orElse("type " + code);
    }
}
