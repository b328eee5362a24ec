package dev.latchkey.core.internal;

import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import dev.latchkey.core.observe.StoreAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log: one line per call at DEBUG on {@value #LOGGER_NAME} (operation, method, redacted URL, status,
 * attempts and why each retry, rate-budget waits, time, request id), one per re-login, and one per session store
 * access at TRACE. An observer like any other, on the same redacted events: a client adds it when that logger is at
 * DEBUG when the client is built, and otherwise pays nothing for it. The wire log (headers, bodies) is
 * {@link RedactingLogInterceptor}'s, on {@code dev.latchkey.http}: observers are never given headers or bodies.
 */
public final class LoggingObserver implements CallObserver {
    /** The logger the call lines go to. */
    public static final String LOGGER_NAME = "dev.latchkey.call";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    /** One instance: one delivery thread for every client's lines. */
    public static final LoggingObserver INSTANCE = new LoggingObserver();

    /** Retries and waits of the calls in progress; touched by the one delivery thread only. */
    private final Map<ObservedCall, List<String>> notes = new HashMap<>();

    private LoggingObserver() {
    }

    /**
     * @param observers a client's observers
     * @return them, with this one added when its logger is at DEBUG
     */
    public static List<CallObserver> with(List<CallObserver> observers) {
        if (!LOG.isDebugEnabled()) {
            return observers;
        }
        List<CallObserver> all = new ArrayList<>(observers);
        all.add(INSTANCE);
        return List.copyOf(all);
    }

    @Override
    public void retryScheduled(RetryScheduled e) {
        note(e.call(), "retry after " + e.reason() + " in " + e.delay().toMillis() + " ms");
    }

    @Override
    public void budgetWaited(BudgetWaited e) {
        note(e.call(), "waited " + e.waited().toMillis() + " ms for rate budget '" + e.budget() + "'");
    }

    @Override
    public void callEnded(CallEnded e) {
        List<String> n = notes.remove(e.call());
        ObservedCall c = e.call();
        LOG.debug("{} {} {} -> {} in {} ms, {} attempt{}{}{}", c.operation(), c.method(), Text.visible(c.url()),
                e.outcome() == dev.latchkey.core.observe.Outcome.SUCCESS ? String.valueOf(e.status())
                        : e.status() + " " + e.errorType().orElse(e.outcome().toString()),
                millis(e.duration()), e.attempts(), e.attempts() == 1 ? "" : "s",
                n == null ? "" : " (" + String.join("; ", n) + ")",
                e.requestId().map(id -> ", request id " + Text.visible(id)).orElse(""));
    }

    @Override
    public void reloggedIn(Relogin e) {
        LOG.debug("{} re-login for {}: {} in {} ms{}", e.provider(), Text.visible(e.storeKey()),
                e.led() ? "logged in" : "used another's login", millis(e.duration()),
                e.errorType().map(t -> ", failed: " + t).orElse(""));
    }

    @Override
    public void storeAccessed(StoreAccess e) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("session store {} {}: {} in {} ms", e.operation(), Text.visible(e.storeKey()),
                    e.errorType().orElse(e.found() ? "found" : "none"), millis(e.duration()));
        }
    }

    private void note(ObservedCall call, String what) {
        notes.computeIfAbsent(call, k -> new ArrayList<>()).add(what);
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
