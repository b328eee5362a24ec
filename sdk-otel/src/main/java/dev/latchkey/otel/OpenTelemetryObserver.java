package dev.latchkey.otel;

import dev.latchkey.core.observe.AttemptEnded;
import dev.latchkey.core.observe.AttemptStarted;
import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import dev.latchkey.core.observe.StoreAccess;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every Latchkey call as OpenTelemetry spans and metrics, from the core observer's redacted events:
 *
 * <ul>
 *   <li>an INTERNAL span per logical call, named after its operation ({@code kemono.favorites}), child of the span
 *   that was current on the calling thread, covering its retries and rate-budget waits (each an event on it);</li>
 *   <li>a CLIENT span per wire attempt inside it, named {@code {method} {url.template}}, with the stable HTTP client
 *   attributes: {@code http.request.method}, {@code server.address}, {@code server.port}, {@code url.full} (every
 *   secret replaced by {@code ***}), {@code url.template}, {@code http.response.status_code}, {@code error.type},
 *   {@code http.request.resend_count};</li>
 *   <li>the {@code http.client.request.duration} histogram (seconds, the semantic conventions' advised buckets), and
 *   Latchkey's counters: {@code latchkey.client.relogins}, {@code latchkey.client.rate_budget.waits},
 *   {@code latchkey.client.session_store.operations};</li>
 *   <li>an INTERNAL span {@code <provider>.relogin} per re-login, with whether this worker led it.</li>
 * </ul>
 *
 * <p>No header is ever recorded (observers are given none: no cookie, no credential), and nothing is sent to the
 * provider: no {@code traceparent} unless you add {@link TracePropagation#interceptor} yourself. Events are delivered
 * on the observer's own thread, so spans carry the times the events happened, not the times they were recorded.
 *
 * <p>Built on {@code opentelemetry-api} alone; {@code opentelemetry-instrumentation-api}'s HTTP client instrumenter
 * was not used: it times a request on the thread that sends it, where an observer that never slows a call cannot be.
 */
public final class OpenTelemetryObserver implements CallObserver {
    /** The instrumentation scope of every span and metric. */
    public static final String SCOPE = "dev.latchkey";
    /** The semantic conventions' advised buckets for {@code http.client.request.duration}, in seconds. */
    static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("latchkey.provider");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("latchkey.operation");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("latchkey.attempts");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("latchkey.retry.reason");
    static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("latchkey.wait_ms");
    static final AttributeKey<String> BUDGET = AttributeKey.stringKey("latchkey.rate_budget");
    static final AttributeKey<Boolean> LED = AttributeKey.booleanKey("latchkey.relogin.led");
    static final AttributeKey<String> STORE_KEY = AttributeKey.stringKey("latchkey.session_store.key");
    static final AttributeKey<String> STORE_OPERATION = AttributeKey.stringKey("latchkey.session_store.operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("latchkey.outcome");

    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final LongCounter relogins;
    private final LongCounter budgetWaits;
    private final LongCounter storeOperations;
    private final Map<ObservedCall, Span> calls = new ConcurrentHashMap<>();
    private final Map<ObservedCall, Attempt> attempts = new ConcurrentHashMap<>();

    private record Attempt(Span span, Instant start) {
    }

    private OpenTelemetryObserver(OpenTelemetry otel) {
        this.tracer = otel.getTracer(SCOPE, Version.VALUE);
        Meter meter = otel.getMeter(SCOPE);
        this.duration = meter.histogramBuilder("http.client.request.duration").setUnit("s")
                .setDescription("Duration of HTTP client requests.").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.relogins = meter.counterBuilder("latchkey.client.relogins").setUnit("{relogin}")
                .setDescription("Renewals of a rejected session: led by this worker's login, or another's used.")
                .build();
        this.budgetWaits = meter.counterBuilder("latchkey.client.rate_budget.waits").setUnit("{wait}")
                .setDescription("Attempts that waited for the client's rate budget.").build();
        this.storeOperations = meter.counterBuilder("latchkey.client.session_store.operations")
                .setUnit("{operation}").setDescription("Reads and writes of the session store.").build();
    }

    /**
     * @param otel the OpenTelemetry to record to (an SDK, or {@code GlobalOpenTelemetry.get()})
     * @return an observer to give every client that should be traced ({@code .observer(...)} on its builder)
     */
    public static OpenTelemetryObserver create(OpenTelemetry otel) {
        return new OpenTelemetryObserver(Objects.requireNonNull(otel, "otel"));
    }

    /** The span current on the calling thread: the parent of the call's span. */
    @Override
    public Object captureContext() {
        return Context.current();
    }

    @Override
    public void callStarted(ObservedCall call) {
        Context parent = call.context(this) instanceof Context c ? c : Context.root();
        Span span = tracer.spanBuilder(call.operation()).setSpanKind(SpanKind.INTERNAL).setParent(parent)
                .setStartTimestamp(call.startedAt()).setAttribute(PROVIDER, call.provider())
                .setAttribute(OPERATION, call.operation()).startSpan();
        calls.put(call, span);
    }

    @Override
    public void attemptStarted(AttemptStarted e) {
        ObservedCall c = e.call();
        Span parent = calls.getOrDefault(c, Span.getInvalid());
        var builder = tracer.spanBuilder(c.method() + ' ' + c.urlTemplate()).setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(parent)).setStartTimestamp(e.at()).setAttribute(METHOD, c.method())
                .setAttribute(SERVER_ADDRESS, c.serverAddress()).setAttribute(SERVER_PORT, (long) c.serverPort())
                .setAttribute(URL_FULL, c.url()).setAttribute(URL_TEMPLATE, c.urlTemplate());
        if (e.attempt() > 1) {
            builder.setAttribute(RESEND_COUNT, (long) e.attempt() - 1);
        }
        attempts.put(c, new Attempt(builder.startSpan(), e.at()));
    }

    @Override
    public void attemptEnded(AttemptEnded e) {
        ObservedCall c = e.call();
        Attempt a = attempts.remove(c);
        AttributesBuilder metric = Attributes.builder().put(METHOD, c.method()).put(SERVER_ADDRESS,
                c.serverAddress()).put(SERVER_PORT, (long) c.serverPort()).put(URL_TEMPLATE, c.urlTemplate());
        if (e.status() > 0) {
            metric.put(STATUS, (long) e.status());
        }
        e.errorType().ifPresent(t -> metric.put(ERROR_TYPE, t));
        duration.record(e.duration().toNanos() / 1e9, metric.build());
        if (a == null) {
            return;
        }
        if (e.status() > 0) {
            a.span().setAttribute(STATUS, (long) e.status());
        }
        e.errorType().ifPresent(t -> {
            a.span().setAttribute(ERROR_TYPE, t);
            a.span().setStatus(StatusCode.ERROR);
        });
        a.span().end(a.start().plus(e.duration()));
    }

    @Override
    public void retryScheduled(RetryScheduled e) {
        Span span = calls.get(e.call());
        if (span != null) {
            span.addEvent("latchkey.retry", Attributes.of(REASON, e.reason(), DELAY_MS, e.delay().toMillis()));
        }
    }

    @Override
    public void budgetWaited(BudgetWaited e) {
        budgetWaits.add(1, Attributes.of(BUDGET, e.budget(), PROVIDER, e.call().provider()));
        Span span = calls.get(e.call());
        if (span != null) {
            span.addEvent("latchkey.rate_budget.wait", Attributes.of(BUDGET, e.budget(), DELAY_MS,
                    e.waited().toMillis()));
        }
    }

    @Override
    public void callEnded(CallEnded e) {
        Span span = calls.remove(e.call());
        attempts.remove(e.call());
        if (span == null) {
            return;
        }
        span.setAttribute(ATTEMPTS, (long) e.attempts());
        if (e.outcome() != Outcome.SUCCESS) {
            span.setAttribute(ERROR_TYPE, e.errorType().orElse(e.outcome().name()));
            span.setStatus(StatusCode.ERROR);
        }
        span.end(e.call().startedAt().plus(e.duration()));
    }

    @Override
    public void reloggedIn(Relogin e) {
        relogins.add(1, Attributes.of(PROVIDER, e.provider(), LED, e.led(), OUTCOME, e.outcome().name()));
        Instant end = Instant.now();
        Span span = tracer.spanBuilder(e.provider() + ".relogin").setSpanKind(SpanKind.INTERNAL)
                .setNoParent().setStartTimestamp(end.minus(e.duration())).setAttribute(PROVIDER, e.provider())
                .setAttribute(LED, e.led()).setAttribute(STORE_KEY, e.storeKey()).startSpan();
        if (e.outcome() != Outcome.SUCCESS) {
            span.setAttribute(ERROR_TYPE, e.errorType().orElse(e.outcome().name()));
            span.setStatus(StatusCode.ERROR);
        }
        span.end(end);
    }

    @Override
    public void storeAccessed(StoreAccess e) {
        storeOperations.add(1, Attributes.of(STORE_OPERATION, e.operation().name(), OUTCOME, e.outcome().name()));
    }
}
