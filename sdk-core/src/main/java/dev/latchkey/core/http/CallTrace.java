package dev.latchkey.core.http;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.internal.ObserverMailbox;
import dev.latchkey.core.internal.Secrets;
import dev.latchkey.core.observe.AttemptEnded;
import dev.latchkey.core.observe.AttemptStarted;
import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.RetryScheduled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * What one call tells its observers, from its start to its end: the one place the pipeline's events are made. A call
 * without observers has none ({@link #of} answers {@code null}), so nothing is computed or allocated for them.
 * Attempts of a call follow each other (never two at once), so its fields need no lock, only visibility.
 */
final class CallTrace {
    private static final AtomicLong IDS = new AtomicLong();

    private final List<ObserverMailbox> mailboxes;
    private final ObservedCall call;
    /** The call's first request, tagged with the {@link ObservedCall} (an interceptor may read it: propagation). */
    private final okhttp3.Request original;
    private final okhttp3.Request request;
    private final long startNanos = System.nanoTime();
    private final long requestBytes;
    private boolean ended;
    /** Whether an attempt started and has not ended: a cancelled call ends it first, whichever thread comes second. */
    private boolean attemptOpen;
    private volatile int attempts;
    private volatile long attemptStartNanos;
    /** This attempt's answer: status 0 until one came. */
    private volatile int status;
    private volatile String requestId;
    private volatile long responseBytes = -1;
    /** The last answer's, for the call's end. */
    private volatile int lastStatus;
    private volatile String lastRequestId;

    private CallTrace(List<ObserverMailbox> mailboxes, ObservedCall call, long requestBytes, okhttp3.Request request) {
        this.mailboxes = mailboxes;
        this.call = call;
        this.original = request;
        this.request = request.newBuilder().tag(ObservedCall.class, call).build();
        this.requestBytes = requestBytes;
    }

    /** @return the call's trace, or {@code null} when no observer watches it */
    static CallTrace of(PreparedCall p, boolean async) {
        List<CallObserver> client = p.observers;
        List<CallObserver> own = p.api.options().observers();
        if (client.isEmpty() && own.isEmpty()) {
            return null;
        }
        List<ObserverMailbox> mailboxes = new ArrayList<>(client.size() + own.size());
        client.forEach(o -> mailboxes.add(ObserverMailbox.of(o)));
        own.forEach(o -> mailboxes.add(ObserverMailbox.of(o)));
        java.util.Map<CallObserver, Object> contexts = null;
        for (ObserverMailbox m : mailboxes) {
            Object context = m.capture();
            if (context != null) {
                if (contexts == null) {
                    contexts = new java.util.IdentityHashMap<>();
                }
                contexts.put(m.observer(), context);
            }
        }
        HttpUrl url = p.request.url();
        String operation = p.provider.name() + '.' + p.api.operation().orElse(p.api.method() + ' '
                + p.api.pathTemplate());
        ObservedCall call = new ObservedCall(IDS.incrementAndGet(), p.provider.name(), operation, p.api.method(),
                p.api.pathTemplate(), redacted(url, p), url.host(), url.port(), async,
                p.options.clock().instant(), contexts == null ? java.util.Map.of() : contexts);
        long bytes = p.request.body() == null ? 0 : contentLength(p);
        return new CallTrace(List.copyOf(mailboxes), call, bytes, p.request);
    }

    private static long contentLength(PreparedCall p) {
        try {
            return Math.max(0, p.request.body().contentLength());
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * The URL an observer sees: every query value of a secret name replaced, then every secret the request carries
     * (a path value, a value under another name) masked wherever it stands.
     */
    static String redacted(HttpUrl url, PreparedCall p) {
        HttpUrl.Builder b = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            b.addQueryParameter(name, p.api.isSecretQueryName(name) ? Secrets.MASK : url.queryParameterValue(i));
        }
        String masked = b.build().toString().replace("%2A%2A%2A", Secrets.MASK);
        return p.origin.secrets().scrub(masked);
    }

    ObservedCall call() {
        return call;
    }

    /**
     * @param r an attempt's request: the call's own, or the same call's on another site after a move
     * @return it tagged with the call, for interceptors
     */
    okhttp3.Request tagged(okhttp3.Request r) {
        return r == original ? request : r.newBuilder().tag(ObservedCall.class, call).build();
    }

    void started() {
        post(o -> o.callStarted(call), "callStarted");
    }

    synchronized void attemptStarted() {
        attemptOpen = true;
        int n = ++attempts;
        status = 0;
        requestId = null;
        responseBytes = -1;
        attemptStartNanos = System.nanoTime();
        AttemptStarted e = new AttemptStarted(call, n, call.startedAt().plusNanos(attemptStartNanos - startNanos));
        post(o -> o.attemptStarted(e), "attemptStarted");
    }

    /** An answer came for this attempt (any status): noted before it is mapped or read. */
    void answered(Response response, Origin origin) {
        status = response.code();
        requestId = origin.requestId(response.headers());
        responseBytes = response.body() == null ? -1 : response.body().contentLength();
        lastStatus = status;
        lastRequestId = requestId;
    }

    /** @param failure the attempt's failure, or {@code null} when it succeeded */
    synchronized void attemptEnded(Throwable failure) {
        if (!attemptOpen) {
            return; // already ended by the call's end (a cancel), or never started
        }
        attemptOpen = false;
        AttemptEnded e = new AttemptEnded(call, attempts, status, errorType(failure),
                Duration.ofNanos(System.nanoTime() - attemptStartNanos), Optional.ofNullable(requestId),
                requestBytes, responseBytes);
        post(o -> o.attemptEnded(e), "attemptEnded");
    }

    void retry(LatchkeyException failure, long delayMillis) {
        RetryScheduled e = new RetryScheduled(call, attempts, reason(failure), Duration.ofMillis(delayMillis));
        post(o -> o.retryScheduled(e), "retryScheduled");
    }

    /** @param attempt the attempt about to go: the waits come before {@link #attemptStarted} */
    void budgetWaited(String budget, Duration wait) {
        BudgetWaited e = new BudgetWaited(call, attempts + 1, budget, wait);
        post(o -> o.budgetWaited(e), "budgetWaited");
    }

    /** @param failure why the call failed, or {@code null}; only the first end counts */
    synchronized void ended(Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        Throwable f = failure == null ? null : Async.unwrap(failure);
        attemptEnded(f); // an attempt still in flight (a cancelled call's) ends before its call
        Outcome outcome = f == null ? Outcome.SUCCESS : cancelled(f) ? Outcome.CANCELLED : Outcome.ERROR;
        CallEnded e = new CallEnded(call, outcome, lastStatus, errorType(f), attempts,
                Duration.ofNanos(System.nanoTime() - startNanos), Optional.ofNullable(lastRequestId));
        post(o -> o.callEnded(e), "callEnded");
    }

    private static boolean cancelled(Throwable f) {
        return f instanceof CancellationException
                || f instanceof TransportException t && t.kind() == TransportException.Kind.CANCELED;
    }

    private static Optional<String> errorType(Throwable failure) {
        return failure == null ? Optional.empty() : Optional.of(Async.unwrap(failure).getClass().getSimpleName());
    }

    private static String reason(LatchkeyException failure) {
        if (failure instanceof ApiException a) {
            return a.error().status() + " " + failure.getClass().getSimpleName();
        }
        if (failure instanceof TransportException t) {
            return "TransportException " + t.kind();
        }
        return failure.getClass().getSimpleName();
    }

    private void post(Consumer<CallObserver> event, String what) {
        for (ObserverMailbox m : mailboxes) {
            m.post(event, what);
        }
    }
}
