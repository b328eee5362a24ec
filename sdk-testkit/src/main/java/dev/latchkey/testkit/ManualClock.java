package dev.latchkey.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to. Give the same one to a fake ({@code FakeTmdb.builder().clock(clock)}) and to
 * the client under test, then {@link #advance} it to expire tokens, codes and guest sessions without waiting.
 * Thread-safe.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    /** A clock at 2026-11-24T12:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-11-24T12:00:00Z"));
    }

    /** @param start the time it starts at */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far to move the clock
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * Sets the time.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public String toString() {
        return "ManualClock{" + now + '}';
    }
}
