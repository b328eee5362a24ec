package dev.latchkey.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How Latchkey waits between retries: by blocking the calling thread for sync calls, and by scheduling for async
 * calls (never a blocked thread). Tests inject one that records the delays and returns at once.
 */
public interface Sleeper {

    /**
     * Blocks the calling thread.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Runs a task later, without blocking any thread in the meantime. The task must be quick (it starts an async
     * HTTP call).
     *
     * @param duration how long to wait
     * @param task what to run then
     */
    void schedule(Duration duration, Runnable task);

    /**
     * @return the real sleeper: {@link Thread#sleep} and the JDK's shared delay scheduler (a daemon thread, so it never
     *     keeps the JVM alive and needs no shutdown)
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}

final class SystemSleeper implements Sleeper {
    static final SystemSleeper INSTANCE = new SystemSleeper();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void schedule(Duration duration, Runnable task) {
        CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS, Runnable::run).execute(task);
    }
}
