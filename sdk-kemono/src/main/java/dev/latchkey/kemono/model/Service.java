package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.json.OpenEnum;
import java.util.Locale;
import java.util.Optional;

/**
 * The paid service a creator publishes on ({@code fanbox}, {@code patreon}, ...). Open: a service Kemono adds later
 * is kept as its raw value.
 *
 * @param value the service id as Kemono writes it in paths and JSON
 */
public record Service(String value) implements OpenEnum<Service.Known> {
    public static final Service PATREON = new Service("patreon");
    public static final Service FANBOX = new Service("fanbox");
    public static final Service FANTIA = new Service("fantia");
    public static final Service AFDIAN = new Service("afdian");
    public static final Service BOOSTY = new Service("boosty");
    public static final Service GUMROAD = new Service("gumroad");
    public static final Service SUBSCRIBESTAR = new Service("subscribestar");
    public static final Service DLSITE = new Service("dlsite");
    public static final Service DISCORD = new Service("discord");
    public static final Service ONLYFANS = new Service("onlyfans");
    public static final Service FANSLY = new Service("fansly");
    public static final Service CANDFANS = new Service("candfans");

    /** The services this version knows. */
    public enum Known { PATREON, FANBOX, FANTIA, AFDIAN, BOOSTY, GUMROAD, SUBSCRIBESTAR, DLSITE, DISCORD, ONLYFANS,
        FANSLY, CANDFANS }

    /**
     * @param value the service id; lower-cased, since Kemono's ids are lower case
     * @throws InvalidInputException if blank or not a single path segment
     */
    public Service {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new InvalidInputException("service must be a non-blank id such as 'fanbox': " + value);
        }
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    /** @return the service for a raw value */
    @JsonCreator
    public static Service of(String value) {
        return new Service(value);
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
