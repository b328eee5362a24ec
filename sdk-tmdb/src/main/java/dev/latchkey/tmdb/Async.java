package dev.latchkey.tmdb;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Async calls never throw: an invalid argument fails the returned future instead. */
final class Async {
    private Async() {
    }

    static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
