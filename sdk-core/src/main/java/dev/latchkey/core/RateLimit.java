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
 * @param permits how many attempts per period, at least 1
 * @param period the period, positive
 * @param burst how many attempts may go at once after an idle spell, from 1 to {@code permits}
 */
public record RateLimit(long permits, Duration period, long burst) {

    /**
     * Creates a {@code RateLimit}, checking and normalizing its components.
     *
     * @param permits how many attempts per period, at least 1
     * @param period the period, positive
     * @param burst how many attempts may go at once after an idle spell, from 1 to {@code permits}
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
        return new RateLimit(permits, period, burst);
    }

    @Override
    public String toString() {
        return permits + " per " + period.toMillis() + " ms (burst " + burst + ")";
    }
}
