package dev.latchkey.core;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one rule of every async call in Latchkey: it never throws. An argument refused before sending (a blank id, a
 * rating out of range) fails the returned future, exactly as a failure on the wire would.
 */
public final class Async {
    private Async() {
    }

    /**
     * @param call starts the call; may throw on bad input
     * @param <T> the result
     * @return the call's future, or a future failed with what {@code call} threw
     */
    public static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
