package dev.latchkey.testkit;

import java.time.Clock;
import java.util.Objects;

/**
 * What every fake's builder offers, so that all of them read the same: the clock, whether to start with the fake's
 * demo data (its class comment lists it), and the password hash cost of its account store.
 *
 * @param <B> the fake's builder, for fluent calls
 * @param <F> the fake it builds
 */
public abstract class FakeBuilder<B extends FakeBuilder<B, F>, F> {
    private Clock clock = Clock.systemUTC();
    private boolean seeded = true;
    private int hashIterations = 1_000;

    /** For subclasses. */
    protected FakeBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * @param clock the fake's clock: timestamps, expiries, rate-limit windows
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * @param seeded start with the demo data (default true)
     * @return this builder
     */
    public B seeded(boolean seeded) {
        this.seeded = seeded;
        return self();
    }

    /**
     * @param iterations password hash cost (1,000 by default: a fake, tuned for fast tests)
     * @return this builder
     */
    public B hashIterations(int iterations) {
        this.hashIterations = iterations;
        return self();
    }

    /** @return the clock set */
    public Clock clock() {
        return clock;
    }

    /** @return whether the fake starts with its demo data */
    public boolean seeded() {
        return seeded;
    }

    /** @return the password hash cost */
    public int hashIterations() {
        return hashIterations;
    }

    /** @return the fake, not started */
    public abstract F build();
}
