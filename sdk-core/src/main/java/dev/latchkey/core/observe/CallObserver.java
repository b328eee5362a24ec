package dev.latchkey.core.observe;

/**
 * Sees what a client does: register one with {@code ClientOptions.Builder.observer(...)} (several may be, each sees
 * every call) or for one call with {@code RequestOptions.Builder.observer(...)}. Every method has an empty default:
 * implement the ones you need.
 *
 * <p><b>Redacted.</b> An observer receives no header, no cookie, no body and no credential: the URL comes with every
 * secret replaced by {@code ***} (the provider's credential query parameters, secret path values, and every secret the
 * request carries, wherever it would appear); re-logins and store accesses name the store key, which holds a user
 * name, not a secret.
 *
 * <p><b>Never in the way.</b> Apart from {@link #captureContext}, events reach each observer on a thread of its own, in the order they happened, through a
 * queue of {@value #QUEUE_CAPACITY} events: the calling thread only enqueues. An observer that throws is logged once
 * (at WARN, logger {@code dev.latchkey.observe}) and keeps receiving events; one that blocks or falls behind loses the
 * events that do not fit in its queue (counted, and logged once), and never slows a call, sync or async. So the events
 * of a call may arrive after the call returned; {@link Observers#drain} waits until every event was delivered.
 *
 * <p><b>Off by default.</b> A client without observers creates no event and allocates nothing for them.
 *
 * <p>Which calls and events: every logical call of every provider client, sync and async ({@link #callStarted},
 * {@link #callEnded}); each wire attempt ({@link #attemptStarted}, {@link #attemptEnded}); each retry
 * ({@link #retryScheduled}) and rate-budget wait ({@link #budgetWaited}); each re-login, led or followed
 * ({@link #reloggedIn}); each session store access by a client ({@link #storeAccessed}). Re-logins and store
 * accesses are seen by the client's observers, not a single call's.
 */
public interface CallObserver {
    /** How many events wait for one observer before more are dropped. */
    int QUEUE_CAPACITY = 8192;

    /** The longest {@link #captureContext} may take before the observer is not asked again. */
    long CAPTURE_BUDGET_MILLIS = 5;

    /**
     * The one method called on the calling thread, when a call starts, before anything is sent: return what the
     * other events need from that thread (an OpenTelemetry {@code Context}, a logging MDC); it comes back as
     * {@link ObservedCall#context(CallObserver)}. It must be quick: one that throws, or takes longer than
     * {@value #CAPTURE_BUDGET_MILLIS} ms, is not asked again (logged once).
     *
     * @return what to keep for this call's events, or {@code null} (the default)
     */
    default Object captureContext() {
        return null;
    }

    /** @param call a logical call started */
    default void callStarted(ObservedCall call) {
    }

    /** @param event a wire attempt is about to be sent */
    default void attemptStarted(AttemptStarted event) {
    }

    /** @param event a wire attempt ended, with an answer or without */
    default void attemptEnded(AttemptEnded event) {
    }

    /** @param event a failed attempt will be retried after a wait */
    default void retryScheduled(RetryScheduled event) {
    }

    /** @param event an attempt waited for the rate budget */
    default void budgetWaited(BudgetWaited event) {
    }

    /** @param event a logical call ended */
    default void callEnded(CallEnded event) {
    }

    /** @param event a session was renewed, by this worker's login or another's */
    default void reloggedIn(Relogin event) {
    }

    /** @param event a client read or wrote its session store */
    default void storeAccessed(StoreAccess event) {
    }
}
