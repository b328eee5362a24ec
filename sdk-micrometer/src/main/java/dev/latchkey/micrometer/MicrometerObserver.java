package dev.latchkey.micrometer;

import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every Latchkey call as a Micrometer {@link Observation} named {@value #REQUESTS}, with low-cardinality tags only:
 * {@code provider}, {@code operation} ({@code kemono.favorites}), {@code method}, {@code status} (the last answer's,
 * {@code 0} when none came), {@code outcome} ({@code SUCCESS}, {@code ERROR}, {@code CANCELLED}) and {@code error}
 * (the typed exception's simple name, {@code none}); its retries and rate-budget waits are events on it. A re-login
 * is a {@value #RELOGINS} observation tagged {@code provider}, {@code led} and {@code outcome}.
 *
 * <p>With a {@code DefaultMeterObservationHandler} each becomes a timer. The observation starts when the call's start
 * reaches the observer's thread and stops when its end does: both are delivered moments after they happen, in order,
 * so the timer measures the call, not the delivery. No URL, id or user name is ever a tag.
 */
public final class MicrometerObserver implements CallObserver {
    /** The name of the observation of every call. */
    public static final String REQUESTS = "latchkey.client.requests";
    /** The name of the observation of every re-login. */
    public static final String RELOGINS = "latchkey.client.relogins";

    private final ObservationRegistry registry;
    private final Map<ObservedCall, Observation> calls = new ConcurrentHashMap<>();

    private MicrometerObserver(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param registry where observations go (give it a {@code DefaultMeterObservationHandler} for timers)
     * @return an observer to give every client that should be measured ({@code .observer(...)} on its builder)
     */
    public static MicrometerObserver create(ObservationRegistry registry) {
        return new MicrometerObserver(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void callStarted(ObservedCall call) {
        Observation o = Observation.createNotStarted(REQUESTS, registry).contextualName(call.operation())
                .lowCardinalityKeyValue("provider", call.provider())
                .lowCardinalityKeyValue("operation", call.operation())
                .lowCardinalityKeyValue("method", call.method()).start();
        calls.put(call, o);
    }

    @Override
    public void retryScheduled(RetryScheduled e) {
        Observation o = calls.get(e.call());
        if (o != null) {
            o.event(Observation.Event.of("latchkey.retry", "retry after " + e.reason()));
        }
    }

    @Override
    public void budgetWaited(BudgetWaited e) {
        Observation o = calls.get(e.call());
        if (o != null) {
            o.event(Observation.Event.of("latchkey.rate_budget.wait", "waited for the rate budget"));
        }
    }

    @Override
    public void callEnded(CallEnded e) {
        Observation o = calls.remove(e.call());
        if (o == null) {
            return;
        }
        o.lowCardinalityKeyValue("status", String.valueOf(e.status()))
                .lowCardinalityKeyValue("outcome", e.outcome().name())
                .lowCardinalityKeyValue("error", e.errorType().orElse("none"))
                .stop();
    }

    @Override
    public void reloggedIn(Relogin e) {
        Observation.createNotStarted(RELOGINS, registry).lowCardinalityKeyValue("provider", e.provider())
                .lowCardinalityKeyValue("led", String.valueOf(e.led()))
                .lowCardinalityKeyValue("outcome", e.outcome().name()).start().stop();
    }
}
