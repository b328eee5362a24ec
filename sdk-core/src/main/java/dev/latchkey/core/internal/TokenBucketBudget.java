package dev.latchkey.core.internal;

import dev.latchkey.core.Async;
import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateBudgetException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The reservation both built-in budgets make, on a Bucket4j token bucket (local or remote) and a pause mark: a permit
 * now if there is one; else, if the next one comes within the caller's wait, a permit taken on credit (the bucket
 * goes below zero, so later callers queue behind it instead of racing for the same refill); else none. A pause (a
 * server's {@code Retry-After}) adds its remaining time to the wait.
 */
public abstract class TokenBucketBudget implements RateBudget {
    private final String name;
    private final RateLimit limit;
    private final Clock clock;

    /**
     * @param name the budget's name, for messages
     * @param limit how fast
     * @param clock the clock the bucket refills by
     */
    protected TokenBucketBudget(String name, RateLimit limit, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param limit the rate limit
     * @return the bucket's configuration for a limit
     */
    public static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.burst()).refillGreedy(limit.permits(), limit.period())
                        .initialTokens(limit.burst()))
                .build();
    }

    /**
     * @param clock the clock Bucket4j reads
     * @return Bucket4j's time source on a clock, so that tests refill by an injected clock
     */
    public static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** @return takes a permit if there is one, else says how long until there is */
    protected abstract CompletableFuture<ConsumptionProbe> tryTake();

    /** @return takes a permit on credit: how many nanoseconds until it is really there */
    protected abstract CompletableFuture<Long> takeOnCredit();

    /** @return gives back a permit taken on credit that the caller will not use */
    protected abstract CompletableFuture<Void> giveBack();

    /** @return the end of the current pause in epoch milliseconds, or 0 */
    protected abstract CompletableFuture<Long> pausedUntilMillis();

    /**
     * @param untilMillis the epoch millisecond until which no permit is handed out
     * @return sets the pause to end then, unless a later one is set
     */
    protected abstract CompletableFuture<Void> pause(long untilMillis);

    /** @return where the budget lives, for messages (never a password) */
    protected abstract String where();

    @Override
    public final String name() {
        return name;
    }

    /** @return its limit */
    public final RateLimit limit() {
        return limit;
    }

    @Override
    public final Optional<Duration> reserve(Duration maxWait) {
        return join(reserveAsync(maxWait));
    }

    @Override
    public final CompletableFuture<Optional<Duration>> reserveAsync(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        long maxNanos = saturatedNanos(maxWait);
        return Async.start(() -> Async.compose(step(this::pausedUntilMillis), until -> {
            long pauseNanos = Math.max(0, until - clock.millis()) * 1_000_000L;
            if (pauseNanos > maxNanos) {
                return CompletableFuture.completedFuture(Optional.<Duration>empty());
            }
            return Async.compose(step(this::tryTake), probe -> {
                if (probe.isConsumed()) {
                    return CompletableFuture.completedFuture(Optional.of(Duration.ofNanos(pauseNanos)));
                }
                if (probe.getNanosToWaitForRefill() > maxNanos) {
                    return CompletableFuture.completedFuture(Optional.<Duration>empty());
                }
                return Async.compose(step(this::takeOnCredit), nanos -> {
                    if (nanos > maxNanos) {
                        // Others took the next permits meanwhile: this one would come too late.
                        return Async.map(step(this::giveBack), v -> Optional.<Duration>empty());
                    }
                    return CompletableFuture.completedFuture(Optional.of(Duration.ofNanos(Math.max(nanos,
                            pauseNanos))));
                });
            });
        }));
    }

    @Override
    public final Optional<Duration> maxPause() {
        return Optional.ofNullable(limit.maxPause());
    }

    @Override
    public final CompletableFuture<Void> pauseUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        // The budget's own cap holds whoever pauses it: a pause is a server's word, and a server may ask for years.
        Instant latest = limit.maxPause() == null ? until : clock.instant().plus(limit.maxPause());
        Instant capped = until.isAfter(latest) ? latest : until;
        return step(() -> pause(capped.toEpochMilli()));
    }

    /** Runs one store step; whatever it throws or fails with becomes a {@link RateBudgetException}. */
    private <T> CompletableFuture<T> step(java.util.function.Supplier<CompletableFuture<T>> store) {
        return Async.recover(Async.start(store), e -> CompletableFuture.failedFuture(e instanceof LatchkeyException ? e
                : new RateBudgetException("the rate budget '" + name + "' (" + where() + ") failed: "
                        + e.getClass().getSimpleName(), scrubbed(e))));
    }

    /**
     * @param failure what the store threw
     * @return it, fit to keep as a cause: a store that knows a secret (a Redis password) scrubs it here
     */
    protected Throwable scrubbed(Throwable failure) {
        return failure;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.max(0, d.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = Async.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RateBudgetException("the rate budget '" + name + "' failed", cause);
        }
    }

    @Override
    public String toString() {
        return "RateBudget(" + name + ", " + limit + ", " + where() + ")";
    }
}
