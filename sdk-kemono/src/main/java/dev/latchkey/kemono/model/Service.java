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
    /** The {@code patreon} service. */
    public static final Service PATREON = new Service("patreon");
    /** The {@code fanbox} service. */
    public static final Service FANBOX = new Service("fanbox");
    /** The {@code fantia} service. */
    public static final Service FANTIA = new Service("fantia");
    /** The {@code afdian} service. */
    public static final Service AFDIAN = new Service("afdian");
    /** The {@code boosty} service. */
    public static final Service BOOSTY = new Service("boosty");
    /** The {@code gumroad} service. */
    public static final Service GUMROAD = new Service("gumroad");
    /** The {@code subscribestar} service. */
    public static final Service SUBSCRIBESTAR = new Service("subscribestar");
    /** The {@code dlsite} service. */
    public static final Service DLSITE = new Service("dlsite");
    /** The {@code discord} service. */
    public static final Service DISCORD = new Service("discord");
    /** The {@code onlyfans} service. */
    public static final Service ONLYFANS = new Service("onlyfans");
    /** The {@code fansly} service. */
    public static final Service FANSLY = new Service("fansly");
    /** The {@code candfans} service. */
    public static final Service CANDFANS = new Service("candfans");

    /** The services this version knows. */
    public enum Known {
        /** The {@code patreon} service. */
        PATREON,
        /** The {@code fanbox} service. */
        FANBOX,
        /** The {@code fantia} service. */
        FANTIA,
        /** The {@code afdian} service. */
        AFDIAN,
        /** The {@code boosty} service. */
        BOOSTY,
        /** The {@code gumroad} service. */
        GUMROAD,
        /** The {@code subscribestar} service. */
        SUBSCRIBESTAR,
        /** The {@code dlsite} service. */
        DLSITE,
        /** The {@code discord} service. */
        DISCORD,
        /** The {@code onlyfans} service. */
        ONLYFANS,
        /** The {@code fansly} service. */
        FANSLY,
        /** The {@code candfans} service. */
        CANDFANS
    }

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

    /**
     * @param value the service as Kemono names it, lower-cased
     * @return the service for a raw value
     */
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
