package dev.latchkey.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long Latchkey waits before trying a call again.
 *
 * <p>Only idempotent requests (GET, HEAD, PUT, DELETE) and requests marked safe to replay are retried, and only after
 * a connection failure, a reset, a timeout, or HTTP 408, 429, 502, 503 or 504. Logins, token exchanges and password
 * changes are never retried. The wait is the server's {@code Retry-After} when it sent one; otherwise exponential
 * backoff with jitter. A {@code Retry-After} above {@link #maxRetryAfter()} is not waited for: the
 * {@link dev.latchkey.core.error.RateLimitedException} is thrown at once.
 *
 * <p>Defaults: 2 retries, 0.5 s doubling up to 8 s, jitter 25 %, {@code maxRetryAfter} 60 s.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.random = b.random;
    }

    /** @return the default policy */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.multiplier = multiplier;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.random = random;
        return b;
    }

    /** @return retries after the first attempt; 0 disables retrying */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the wait before the first retry, before jitter */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the factor applied to the wait at each retry */
    public double multiplier() {
        return multiplier;
    }

    /** @return the longest backoff wait, before jitter */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the share of each backoff wait that is randomized: the wait is {@code backoff * (1 - jitter * r)} */
    public double jitter() {
        return jitter;
    }

    /** @return the longest {@code Retry-After} that is waited for; above it, the error is thrown at once */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * @param retry the retry about to be made, from 1
     * @return the backoff wait before it, in milliseconds, jitter applied
     */
    public long backoffMillis(int retry) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        return Math.round(capped * (1.0 - jitter * random.getAsDouble()));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", multiplier="
                + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + '}';
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double jitter = 0.25;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * @param maxRetries retries after the first attempt, 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param initialBackoff the wait before the first retry, positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * @param multiplier the factor applied at each retry, 1 or more
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be 1 or more: " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * @param maxBackoff the longest backoff wait, positive
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * @param jitter the randomized share of each wait, from 0 (none) to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * @param maxRetryAfter the longest server-asked wait that is honoured, 0 or more
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * @param random the source of jitter, giving values in [0, 1); tests pass a constant to assert exact delays
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
