package dev.latchkey.redis.internal;

import dev.latchkey.core.RateLimit;
import dev.latchkey.core.internal.TokenBucketBudget;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A rate budget shared through Redis: Bucket4j's compare-and-swap bucket on Lettuce (the bucket's state is one Redis
 * key, updated atomically by every worker), and a pause mark beside it that only moves forward (a Lua max). Worker
 * clocks drive the refill, so keep them in sync (NTP); a skew of a few milliseconds changes nothing that matters.
 */
public final class RedisRateBudget extends TokenBucketBudget {
    /** ARGV: pause end in epoch ms, time to live in ms. */
    private static final RedisScript PAUSE = new RedisScript("""
            local now = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > now then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            end
            return 1
            """);

    private final RedisConnection redis;
    private final AsyncBucketProxy bucket;
    private final byte[] pauseKey;
    private final Clock clock;

    public RedisRateBudget(RedisConnection redis, String prefix, String name, RateLimit limit, Clock clock) {
        super(name, limit, clock);
        this.redis = redis;
        this.clock = clock;
        String tag = prefix + ":{budget:" + RedisConnection.tag(name) + "}";
        BucketConfiguration configuration = configuration(limit);
        LettuceBasedProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                .clientClock(timeMeter(clock))
                // A budget nobody used for a while is forgotten: it would be full again anyway.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.bucket = buckets.asAsync().builder().build((tag + ":bucket").getBytes(StandardCharsets.UTF_8),
                () -> CompletableFuture.completedFuture(configuration));
        this.pauseKey = (tag + ":pause").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected CompletableFuture<ConsumptionProbe> tryTake() {
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    @Override
    protected CompletableFuture<Long> takeOnCredit() {
        return bucket.consumeIgnoringRateLimits(1);
    }

    @Override
    protected CompletableFuture<Void> giveBack() {
        return bucket.addTokens(1);
    }

    @Override
    protected CompletableFuture<Long> pausedUntilMillis() {
        return redis.async().get(pauseKey).toCompletableFuture()
                .thenApply(v -> v == null ? 0L : Long.parseLong(new String(v, StandardCharsets.US_ASCII)));
    }

    @Override
    protected CompletableFuture<Void> pause(long untilMillis) {
        long ttl = Math.max(1, untilMillis - clock.millis());
        return PAUSE.runAsync(redis.async(), new byte[][] {pauseKey},
                Long.toString(untilMillis).getBytes(StandardCharsets.US_ASCII),
                Long.toString(ttl).getBytes(StandardCharsets.US_ASCII)).toCompletableFuture().thenApply(x -> null);
    }

    @Override
    protected Throwable scrubbed(Throwable failure) {
        return redis.scrubbed(failure);
    }

    @Override
    protected String where() {
        return redis.where();
    }
}
