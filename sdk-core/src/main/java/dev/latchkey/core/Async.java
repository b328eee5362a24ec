package dev.latchkey.core;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rules of every async call in Latchkey, in one place.
 *
 * <ul>
 *   <li>It never throws. An argument refused before sending (a blank id, a rating out of range) fails the returned
 *       future, exactly as a failure on the wire would ({@link #start}).</li>
 *   <li>Cancelling the future a caller holds cancels the HTTP call in flight and every step not yet started. A
 *       future derived with {@code thenApply} or {@code thenCompose} does not do that (cancelling it leaves its
 *       source running), so multi-step calls derive with {@link #map}, {@link #compose} and {@link #recover}.</li>
 *   <li>A failure is the exception itself, not a {@link CompletionException} around it.</li>
 * </ul>
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
            return Objects.requireNonNull(call.get(), "call returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * @param source the first step
     * @param fn turns its value into the result (on the completing thread)
     * @param <T> the first step's value
     * @param <U> the result
     * @return the result; cancelling it cancels {@code source}
     */
    public static <T, U> CompletableFuture<U> map(CompletableFuture<T> source, Function<? super T, ? extends U> fn) {
        return compose(source, v -> CompletableFuture.completedFuture(fn.apply(v)));
    }

    /**
     * @param source the first step
     * @param next starts the second step from the first's value; not called if the result was cancelled meanwhile
     * @param <T> the first step's value
     * @param <U> the result
     * @return the second step's result; cancelling it cancels whichever step is in flight
     */
    public static <T, U> CompletableFuture<U> compose(CompletableFuture<T> source,
            Function<? super T, ? extends CompletableFuture<U>> next) {
        Chain<U> out = new Chain<>();
        out.follow(source);
        source.whenComplete((value, error) -> {
            if (out.isDone()) {
                return;
            }
            if (error != null) {
                out.completeExceptionally(unwrap(error));
                return;
            }
            out.then(() -> next.apply(value));
        });
        return out;
    }

    /**
     * @param source the first step
     * @param onError starts a replacement from the first step's failure (unwrapped), or throws to keep a failure
     * @param <T> the result
     * @return the first step's value, or the replacement's; cancelling it cancels whichever step is in flight
     */
    public static <T> CompletableFuture<T> recover(CompletableFuture<T> source,
            Function<Throwable, ? extends CompletableFuture<T>> onError) {
        Chain<T> out = new Chain<>();
        out.follow(source);
        source.whenComplete((value, error) -> {
            if (out.isDone()) {
                return;
            }
            if (error == null) {
                out.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof CancellationException) {
                out.completeExceptionally(cause);
                return;
            }
            out.then(() -> onError.apply(cause));
        });
        return out;
    }

    /**
     * @param error what a future failed with
     * @return the failure itself, without the {@link CompletionException} or {@link ExecutionException} around it
     */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A future that, when cancelled, cancels the step it currently waits on. */
    private static final class Chain<T> extends CompletableFuture<T> {
        private final AtomicReference<Future<?>> upstream = new AtomicReference<>();

        void follow(Future<?> step) {
            upstream.set(step);
            if (isCancelled()) {
                step.cancel(true);
            }
        }

        /** Starts the next step and completes with it; a step that throws while starting fails this future. */
        void then(Supplier<? extends CompletableFuture<T>> step) {
            CompletableFuture<T> next;
            try {
                next = Objects.requireNonNull(step.get(), "step returned no future");
            } catch (Throwable t) {
                completeExceptionally(t);
                return;
            }
            follow(next);
            next.whenComplete((v, e) -> {
                if (e != null) {
                    completeExceptionally(unwrap(e));
                } else {
                    complete(v);
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Future<?> step = upstream.get();
            if (step != null) {
                step.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }
    }
}
