package dev.latchkey.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * A client read or wrote its session store.
 *
 * @param storeKey the key
 * @param operation what was done
 * @param found for a load, whether a session was there; for a compare-and-set, whether it was stored; otherwise
 *     {@code true}
 * @param outcome success or error
 * @param errorType the simple name of the exception it failed with, if it failed
 * @param duration how long it took
 */
public record StoreAccess(String storeKey, Operation operation, boolean found, Outcome outcome,
        Optional<String> errorType, Duration duration) {
    /** What a client does with its store. */
    public enum Operation {
        /** Reads a session. */
        LOAD,
        /** Writes a session. */
        SAVE,
        /** Removes a session. */
        DELETE,
        /** Writes a session if the stored one is still the expected one. */
        COMPARE_AND_SET
    }
}
