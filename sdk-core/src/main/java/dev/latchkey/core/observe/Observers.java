package dev.latchkey.core.observe;

import dev.latchkey.core.internal.ObserverMailbox;
import java.time.Duration;

/** What concerns every observer at once. */
public final class Observers {
    private Observers() {
    }

    /**
     * Waits until every event already created has reached its observer (or was dropped): before reading what an
     * observer gathered, at the end of a run or of a test.
     *
     * @param timeout the longest wait
     * @return whether everything was delivered in time
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean drain(Duration timeout) throws InterruptedException {
        return ObserverMailbox.drainAll(timeout);
    }
}
