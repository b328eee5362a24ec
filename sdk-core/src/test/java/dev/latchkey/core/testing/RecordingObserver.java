package dev.latchkey.core.testing;

import dev.latchkey.core.observe.AttemptEnded;
import dev.latchkey.core.observe.AttemptStarted;
import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Observers;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import dev.latchkey.core.observe.StoreAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every event it is given, in order, for tests: {@link #events()} after {@link #delivered()}, which waits until
 * the observers' threads handed everything over.
 */
public final class RecordingObserver implements CallObserver {
    private final List<Object> events = new ArrayList<>();

    @Override
    public synchronized void callStarted(ObservedCall call) {
        events.add(call);
    }

    @Override
    public synchronized void attemptStarted(AttemptStarted event) {
        events.add(event);
    }

    @Override
    public synchronized void attemptEnded(AttemptEnded event) {
        events.add(event);
    }

    @Override
    public synchronized void retryScheduled(RetryScheduled event) {
        events.add(event);
    }

    @Override
    public synchronized void budgetWaited(BudgetWaited event) {
        events.add(event);
    }

    @Override
    public synchronized void callEnded(CallEnded event) {
        events.add(event);
    }

    @Override
    public synchronized void reloggedIn(Relogin event) {
        events.add(event);
    }

    @Override
    public synchronized void storeAccessed(StoreAccess event) {
        events.add(event);
    }

    /** @return this observer once every event created so far reached it */
    public RecordingObserver delivered() {
        try {
            if (!Observers.drain(Duration.ofSeconds(20))) {
                throw new AssertionError("observer events were not delivered within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }

    /** @return every event so far, in order */
    public synchronized List<Object> events() {
        return List.copyOf(events);
    }

    /** @return the events of each call, by call, in the order the calls started */
    public synchronized Map<ObservedCall, List<Object>> byCall() {
        Map<ObservedCall, List<Object>> calls = new LinkedHashMap<>();
        for (Object e : events) {
            ObservedCall c = callOf(e);
            if (c != null) {
                calls.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            }
        }
        return calls;
    }

    /** @return the events of one type, in order */
    public synchronized <E> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets every event so far. */
    public synchronized void clear() {
        events.clear();
    }

    /** @return the call an event belongs to, or {@code null} for a re-login or a store access */
    public static ObservedCall callOf(Object e) {
        if (e instanceof ObservedCall c) {
            return c;
        }
        if (e instanceof AttemptStarted a) {
            return a.call();
        }
        if (e instanceof AttemptEnded a) {
            return a.call();
        }
        if (e instanceof RetryScheduled r) {
            return r.call();
        }
        if (e instanceof BudgetWaited b) {
            return b.call();
        }
        if (e instanceof CallEnded c) {
            return c.call();
        }
        return null;
    }

    /**
     * Checks that a call's events are whole and in order: started; attempts each started then ended, each retried one
     * followed by its retry; ended once, counting the attempts it made.
     *
     * @param events one call's events
     * @return what is wrong, or {@code null}
     */
    public static String wellFormed(List<Object> events) {
        if (events.isEmpty() || !(events.get(0) instanceof ObservedCall)) {
            return "does not start with callStarted: " + events;
        }
        if (!(events.get(events.size() - 1) instanceof CallEnded end)) {
            return "does not end with callEnded: " + events;
        }
        int attempts = 0;
        boolean open = false;
        for (Object e : events.subList(1, events.size() - 1)) {
            if (e instanceof AttemptStarted a) {
                if (open || a.attempt() != attempts + 1) {
                    return "attempt " + a.attempt() + " started out of order: " + events;
                }
                attempts++;
                open = true;
            } else if (e instanceof AttemptEnded a) {
                if (!open || a.attempt() != attempts) {
                    return "attempt " + a.attempt() + " ended out of order: " + events;
                }
                open = false;
            } else if (e instanceof RetryScheduled r) {
                if (open || r.failedAttempt() != attempts) {
                    return "a retry out of order: " + events;
                }
            } else if (!(e instanceof BudgetWaited)) {
                return "an unexpected event inside a call: " + e;
            }
        }
        if (open) {
            return "an attempt never ended: " + events;
        }
        return end.attempts() == attempts ? null : "callEnded counts " + end.attempts() + " attempts, " + attempts
                + " were seen: " + events;
    }
}
