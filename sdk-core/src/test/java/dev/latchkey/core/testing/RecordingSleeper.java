package dev.latchkey.core.testing;

import dev.latchkey.testkit.ManualClock;
import dev.latchkey.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Sleeper} that records every wait, advances a {@link ManualClock} by it, and returns at once: retry tests
 * assert exact delays and never sleep.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Long> sleptMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> scheduledMillis = Collections.synchronizedList(new ArrayList<>());
    private final ManualClock clock;

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    public RecordingSleeper() {
        this(null);
    }

    @Override
    public void sleep(Duration duration) {
        sleptMillis.add(duration.toMillis());
        if (clock != null) {
            clock.advance(duration);
        }
    }

    @Override
    public void schedule(Duration duration, Runnable task) {
        scheduledMillis.add(duration.toMillis());
        if (clock != null) {
            clock.advance(duration);
        }
        // On another thread, as a real scheduler would: the task must not run inside the failing callback.
        Thread t = new Thread(task, "recording-sleeper");
        t.setDaemon(true);
        t.start();
    }

    /** @return the blocking waits, in milliseconds, in order */
    public List<Long> slept() {
        synchronized (sleptMillis) {
            return List.copyOf(sleptMillis);
        }
    }

    /** @return the scheduled (async) waits, in milliseconds, in order */
    public List<Long> scheduled() {
        synchronized (scheduledMillis) {
            return List.copyOf(scheduledMillis);
        }
    }
}
