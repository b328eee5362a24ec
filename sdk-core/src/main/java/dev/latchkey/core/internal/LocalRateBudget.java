package dev.latchkey.core.internal;

import dev.latchkey.core.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A rate budget for this process: a local Bucket4j bucket and a pause mark in memory. */
public final class LocalRateBudget extends TokenBucketBudget {
    private final Bucket bucket;
    private final AtomicLong pausedUntil = new AtomicLong();

    /**
     * @param name the budget's name, for messages
     * @param limit how fast
     * @param clock the clock the bucket refills by
     */
    public LocalRateBudget(String name, RateLimit limit, Clock clock) {
        super(name, limit, clock);
        this.bucket = Bucket.builder()
                .addLimit(configuration(limit).getBandwidths()[0])
                .withCustomTimePrecision(timeMeter(clock))
                .build();
    }

    @Override
    protected CompletableFuture<ConsumptionProbe> tryTake() {
        return CompletableFuture.completedFuture(bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    protected CompletableFuture<Long> takeOnCredit() {
        return CompletableFuture.completedFuture(bucket.consumeIgnoringRateLimits(1));
    }

    @Override
    protected CompletableFuture<Void> giveBack() {
        bucket.addTokens(1);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Long> pausedUntilMillis() {
        return CompletableFuture.completedFuture(pausedUntil.get());
    }

    @Override
    protected CompletableFuture<Void> pause(long untilMillis) {
        pausedUntil.accumulateAndGet(untilMillis, Math::max);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected String where() {
        return "this process";
    }
}
