package dev.latchkey.core;

import dev.latchkey.core.internal.LocalRateBudget;
import dev.latchkey.core.internal.OptionalDependency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A rate budget consulted before every attempt of every call of a client ({@link ClientOptions.Builder#rateBudget}),
 * so that the client, or a whole fleet sharing one budget, stays under a provider's rate limit instead of running into
 * its 429s. Give one budget to every client that calls the same provider account: the budget is the account's, not
 * the client's.
 *
 * <p>A 429 with {@code Retry-After} seen by any sharer {@link #pauseUntil pauses} the budget for all of them until
 * then, so they back off together instead of each learning it alone; never longer than {@link #maxPause()}.
 *
 * <p>Built in: {@link #local} (this process) and {@code RedisFleet.rateBudget} of {@code sdk-redis} (every process on
 * one Redis), both on Bucket4j's token bucket. Bucket4j is an optional dependency of sdk-core (sdk-redis brings it):
 * to use {@link #local}, add {@code com.bucket4j:bucket4j_jdk17-core} to your build (without it, {@code local} throws
 * {@link IllegalStateException} saying so).
 */
public interface RateBudget {

    /**
     * Reserves a permit for one attempt. Never blocks beyond the budget's own store round trip.
     *
     * @param maxWait the longest the caller can wait for it
     * @return how long the caller must wait before sending ({@link Duration#ZERO}: at once), the permit being its own;
     *     or empty if no permit is to be had within {@code maxWait} (then none is taken)
     * @throws dev.latchkey.core.error.RateBudgetException if the budget's store failed
     */
    Optional<Duration> reserve(Duration maxWait);

    /**
     * The async form of {@link #reserve}: never blocks a thread.
     *
     * @param maxWait the longest the caller can wait for it
     * @return as {@link #reserve}, or a future failed with {@link dev.latchkey.core.error.RateBudgetException}
     */
    CompletableFuture<Optional<Duration>> reserveAsync(Duration maxWait);

    /**
     * Pauses the budget for everyone sharing it until then (a server's {@code Retry-After}); the later pause wins.
     *
     * @param until when attempts may go again
     * @return done when the pause is recorded (never blocks; a sync caller may {@code join()} it)
     */
    CompletableFuture<Void> pauseUntil(Instant until);

    /** @return the budget's name (for example the provider and account it paces), for messages */
    String name();

    /**
     * @return the longest a server's {@code Retry-After} may pause this budget ({@link RateLimit#maxPause()}); empty:
     *     the pausing client's {@link RetryPolicy#maxRetryAfter()}
     */
    default Optional<Duration> maxPause() {
        return Optional.empty();
    }

    /**
     * @param name what it paces, for messages (for example {@code "kemono:alice"})
     * @param limit how fast
     * @return a budget for this process, on Bucket4j
     * @throws IllegalStateException if Bucket4j ({@code com.bucket4j:bucket4j_jdk17-core}) is not there
     */
    static RateBudget local(String name, RateLimit limit) {
        return local(name, limit, Clock.systemUTC());
    }

    /**
     * @param name what it paces
     * @param limit how fast
     * @param clock the clock it refills by (tests inject one)
     * @return a budget for this process
     * @throws IllegalStateException if Bucket4j ({@code com.bucket4j:bucket4j_jdk17-core}) is not there
     */
    static RateBudget local(String name, RateLimit limit, Clock clock) {
        return OptionalDependency.BUCKET4J.require(() -> new LocalRateBudget(name, limit, clock));
    }
}
