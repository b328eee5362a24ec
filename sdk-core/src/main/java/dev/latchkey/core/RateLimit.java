package dev.latchkey.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a {@link RateBudget} lets calls through: {@code permits} per {@code period}, refilled smoothly (one permit
 * every {@code period / permits}), with at most {@code burst} saved up while idle.
 *
 * <p>A server that counts requests per clock second sees at most {@code burst + permits} in any one second, so set
 * {@code permits} and {@code burst} so that their sum stays under the server's limit.
 *
 * <p>A 429's {@code Retry-After} pauses the budget for everyone sharing it, but never longer than {@code maxPause}:
 * one answer asking for ten years must not stop a fleet for ten years. Without one, the pause is capped by the
 * pausing client's {@link RetryPolicy#maxRetryAfter()} (a wait it would not honour itself is not imposed on others).
 *
 * @param permits how many attempts per period, at least 1
 * @param period the period, positive
 * @param burst how many attempts may go at once after an idle spell, from 1 to {@code permits}
 * @param maxPause the longest a server's {@code Retry-After} may pause the budget, or {@code null} for the pausing
 *     client's {@code maxRetryAfter}
 */
public record RateLimit(long permits, Duration period, long burst, Duration maxPause) {

    /**
     * Creates a {@code RateLimit}, checking and normalizing its components.
     *
     * @param permits how many attempts per period, at least 1
     * @param period the period, positive
     * @param burst how many attempts may go at once after an idle spell, from 1 to {@code permits}
     * @param maxPause the longest pause a server may set, zero or more, or {@code null}
     */
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, not " + period);
        }
        if (burst < 1 || burst > permits) {
            throw new IllegalArgumentException("burst must be from 1 to " + permits + ", not " + burst);
        }
        if (maxPause != null && maxPause.isNegative()) {
            throw new IllegalArgumentException("maxPause must not be negative, not " + maxPause);
        }
    }

    /**
     * @param permits how many attempts per period, at least 1
     * @param period the period, positive
     * @param burst how many attempts may go at once after an idle spell, from 1 to {@code permits}
     */
    public RateLimit(long permits, Duration period, long burst) {
        this(permits, period, burst, null);
    }

    /**
     * @param permits attempts per second
     * @return that rate, with a burst of one (the steadiest pace)
     */
    public static RateLimit perSecond(long permits) {
        return new RateLimit(permits, Duration.ofSeconds(1), 1);
    }

    /**
     * @param permits attempts per period
     * @param period the period
     * @return that rate, with a burst of {@code permits}
     */
    public static RateLimit of(long permits, Duration period) {
        return new RateLimit(permits, period, permits);
    }

    /**
     * @param burst how many attempts may go at once after an idle spell
     * @return this rate with that burst
     */
    public RateLimit withBurst(long burst) {
        return new RateLimit(permits, period, burst, maxPause);
    }

    /**
     * @param maxPause the longest a server's {@code Retry-After} may pause the budget, zero or more
     * @return this rate with that cap on pauses
     */
    public RateLimit withMaxPause(Duration maxPause) {
        return new RateLimit(permits, period, burst, Objects.requireNonNull(maxPause, "maxPause"));
    }

    @Override
    public String toString() {
        return permits + " per " + period.toMillis() + " ms (burst " + burst + (maxPause == null ? ""
                : ", pauses at most " + maxPause.toMillis() + " ms") + ")";
    }
}
