package dev.latchkey.core.internal;

import dev.latchkey.core.observe.CallObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one observer on a thread of its own, in order, through a bounded queue: the calling thread only
 * enqueues, so an observer that blocks or throws never slows or fails a call. One mailbox per observer instance,
 * however many clients share it; its thread ends after a few idle seconds and comes back with the next event.
 */
public final class ObserverMailbox {
    /** The logger an observer's failure and a full queue are reported to, once each per observer. */
    public static final String LOGGER_NAME = "dev.latchkey.observe";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Map<CallObserver, ObserverMailbox> MAILBOXES =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CallObserver observer;
    private final ThreadPoolExecutor thread;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final AtomicBoolean dropLogged = new AtomicBoolean();
    /** Whether the observer's context capture may still run on calling threads. */
    private volatile boolean captures = true;

    private ObserverMailbox(CallObserver observer, int capacity) {
        this.observer = observer;
        String name = "latchkey-observer-" + THREADS.incrementAndGet() + "-" + observer.getClass().getSimpleName();
        this.thread = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // an observer never keeps a JVM alive
            return t;
        });
        this.thread.allowCoreThreadTimeOut(true);
    }

    /**
     * @param observer an observer
     * @return its mailbox, the same for every client that shares it
     */
    public static ObserverMailbox of(CallObserver observer) {
        return MAILBOXES.computeIfAbsent(observer, o -> new ObserverMailbox(o, CallObserver.QUEUE_CAPACITY));
    }

    /** A mailbox outside the registry, with its own capacity: for tests of a full queue. */
    static ObserverMailbox detached(CallObserver observer, int capacity) {
        return new ObserverMailbox(observer, capacity);
    }

    /** @return the observer it delivers to */
    public CallObserver observer() {
        return observer;
    }

    /**
     * Enqueues an event; never blocks. A full queue drops it (counted, logged once).
     *
     * @param event calls the observer's method for the event
     * @param what the event's name, for the log
     */
    public void post(Consumer<CallObserver> event, String what) {
        submitted.incrementAndGet();
        try {
            thread.execute(() -> deliver(event, what));
        } catch (RejectedExecutionException full) {
            done.incrementAndGet();
            long n = dropped.incrementAndGet();
            if (dropLogged.compareAndSet(false, true)) {
                LOG.warn("observer {} is not keeping up: its queue of {} events is full, so events are dropped "
                        + "({} so far; this is logged once)", observer.getClass().getName(),
                        CallObserver.QUEUE_CAPACITY, n);
            }
        }
    }

    private void deliver(Consumer<CallObserver> event, String what) {
        try {
            event.accept(observer);
        } catch (Throwable t) {
            if (failureLogged.compareAndSet(false, true)) {
                // The class of what it threw, not its message: an observer's own text could hold anything.
                LOG.warn("observer {} failed on {} with {}; the call was not affected, and later failures of this "
                        + "observer are not logged", observer.getClass().getName(), what, t.getClass().getName());
            }
        } finally {
            done.incrementAndGet();
        }
    }

    /**
     * Runs the observer's {@link CallObserver#captureContext} on the calling thread, guarded: one that throws or
     * overruns its budget is not asked again (logged once).
     *
     * @return what it returned, or {@code null}
     */
    public Object capture() {
        if (!captures) {
            return null;
        }
        long start = System.nanoTime();
        try {
            Object context = observer.captureContext();
            if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(CallObserver.CAPTURE_BUDGET_MILLIS)) {
                captures = false;
                LOG.warn("observer {} took over {} ms to capture its context on the calling thread; it is not asked "
                        + "again", observer.getClass().getName(), CallObserver.CAPTURE_BUDGET_MILLIS);
            }
            return context;
        } catch (RuntimeException e) {
            captures = false;
            LOG.warn("observer {} failed to capture its context with {}; it is not asked again",
                    observer.getClass().getName(), e.getClass().getName());
            return null;
        }
    }

    /** @return how many events were dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    boolean idle() {
        return done.get() >= submitted.get();
    }

    /**
     * Waits until every mailbox delivered what it was given.
     *
     * @param timeout the longest wait
     * @return whether all were delivered in time
     * @throws InterruptedException if interrupted
     */
    public static boolean drainAll(Duration timeout) throws InterruptedException {
        List<ObserverMailbox> all;
        synchronized (MAILBOXES) {
            all = new ArrayList<>(MAILBOXES.values());
        }
        return drain(all, timeout);
    }

    static boolean drain(List<ObserverMailbox> mailboxes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ObserverMailbox m : mailboxes) {
            while (!m.idle()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                LockSupport.parkNanos(100_000); // a poll: the event path pays nothing for a waiter
            }
        }
        return true;
    }
}
