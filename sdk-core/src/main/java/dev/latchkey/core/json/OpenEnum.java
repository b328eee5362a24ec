package dev.latchkey.core.json;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum that stays open: a provider may send a value this version of Latchkey does not know, and it is kept as is
 * ({@link #value()}) instead of failing the whole answer. {@link #known()} gives the constant when there is one.
 *
 * @param <K> the enum of known values
 */
public interface OpenEnum<K extends Enum<K>> {

    /** @return the value exactly as the provider sent it */
    String value();

    /** @return the known constant, or empty for a value this version does not know */
    Optional<K> known();

    /**
     * Finds the constant whose name matches the raw value, ignoring case and treating {@code -} as {@code _}.
     *
     * @param type the enum
     * @param raw the provider's value
     * @param <K> the enum
     * @return the constant, if any
     */
    static <K extends Enum<K>> Optional<K> lookup(Class<K> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (K k : type.getEnumConstants()) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
