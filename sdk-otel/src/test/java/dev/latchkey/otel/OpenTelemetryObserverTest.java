package dev.latchkey.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.observe.Observers;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.core.testing.contract.Leaks;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.kemono.FakeKemono;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 30: spans, attributes and metrics for every kind of call, and no secret in anything exported. */
class OpenTelemetryObserverTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    @RegisterExtension
    final FakeKemono kemono = FakeKemono.create();

    private OpenTelemetryObserver observer;

    /** After the extension's own set-up, which starts each test's metrics afresh (instruments made before are lost). */
    @org.junit.jupiter.api.BeforeEach
    void observer() {
        observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
    }

    private KemonoClient client(boolean relogin) {
        return KemonoClient.builder().baseUrl(kemono.baseUrl()).observer(observer).reloginOnExpiry(relogin)
                .options(b -> b.sleeper(new RecordingSleeper())).build();
    }

    private static List<SpanData> spans() throws InterruptedException {
        assertThat(Observers.drain(Duration.ofSeconds(20))).isTrue();
        return OTEL.getSpans();
    }

    private static SpanData span(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    @Test
    void aSuccessIsAnOperationSpanAroundAClientSpanUnderTheCallersSpan() throws Exception {
        Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("my request").startSpan();
        try (KemonoClient k = client(false); Scope ignored = parent.makeCurrent()) {
            k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD).favoriteCreators();
        } finally {
            parent.end();
        }
        List<SpanData> spans = spans();
        SpanData operation = span(spans, "kemono.favorites");
        SpanData attempt = span(spans, "GET /v1/account/favorites");
        assertThat(operation.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(operation.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attempt.getParentSpanId()).isEqualTo(operation.getSpanId());
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.METHOD)).isEqualTo("GET");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.STATUS)).isEqualTo(200L);
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.SERVER_PORT)).isEqualTo((long) kemono.port());
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.URL_FULL)).isEqualTo(kemono.baseUrl()
                + "/v1/account/favorites?type=artist");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.URL_TEMPLATE))
                .isEqualTo("/v1/account/favorites");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.RESEND_COUNT)).isNull();
        assertThat(attempt.getStartEpochNanos()).isGreaterThanOrEqualTo(operation.getStartEpochNanos());
        assertThat(attempt.getEndEpochNanos()).isLessThanOrEqualTo(operation.getEndEpochNanos());
        assertThat(span(spans, "kemono.login").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        HistogramPointData point = durations().stream()
                .filter(p -> "/v1/account/favorites".equals(p.getAttributes().get(OpenTelemetryObserver.URL_TEMPLATE)))
                .findFirst().orElseThrow();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getBoundaries()).containsExactlyElementsOf(OpenTelemetryObserver.DURATION_BUCKETS);
        assertThat(point.getAttributes().get(OpenTelemetryObserver.STATUS)).isEqualTo(200L);
        assertNothingLeaks();
    }

    @Test
    void a404IsAnErrorOfItsAttemptAndOperation() throws Exception {
        try (KemonoClient k = client(false)) {
            assertThat(k.creator(Service.FANBOX, "no-such-creator")).isEmpty();
        }
        List<SpanData> spans = spans();
        SpanData attempt = span(spans, "GET /v1/{service}/user/{id}/profile");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.STATUS)).isEqualTo(404L);
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.ERROR_TYPE)).isEqualTo("NotFoundException");
        assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span(spans, "kemono.creator").getAttributes().get(OpenTelemetryObserver.ERROR_TYPE))
                .isEqualTo("NotFoundException");
    }

    @Test
    void a429WithARetryIsTwoAttemptsAndARetryEvent() throws Exception {
        try (KemonoClient k = client(false)) {
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            kemono.faults().next(1).onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(1));
            alice.favoriteCreators();
        }
        List<SpanData> spans = spans();
        List<SpanData> attempts = spans.stream().filter(s -> s.getName().equals("GET /v1/account/favorites"))
                .toList();
        assertThat(attempts).extracting(s -> s.getAttributes().get(OpenTelemetryObserver.STATUS))
                .containsExactlyInAnyOrder(429L, 200L);
        assertThat(attempts).extracting(s -> s.getAttributes().get(OpenTelemetryObserver.RESEND_COUNT))
                .containsExactlyInAnyOrder(null, 1L);
        SpanData operation = span(spans, "kemono.favorites");
        assertThat(operation.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("latchkey.retry");
            assertThat(e.getAttributes().get(OpenTelemetryObserver.REASON)).isEqualTo("429 RateLimitedException");
            assertThat(e.getAttributes().get(OpenTelemetryObserver.DELAY_MS)).isEqualTo(1000L);
        });
        assertThat(operation.getAttributes().get(OpenTelemetryObserver.ATTEMPTS)).isEqualTo(2L);
        assertThat(operation.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aReloginIsItsOwnSpanAndCounted() throws Exception {
        try (KemonoClient k = client(true)) {
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            kemono.revokeSessions();
            alice.favoriteCreators();
        }
        List<SpanData> spans = spans();
        SpanData relogin = span(spans, "kemono.relogin");
        assertThat(relogin.getAttributes().get(OpenTelemetryObserver.LED)).isTrue();
        assertThat(relogin.getAttributes().get(OpenTelemetryObserver.STORE_KEY)).endsWith("#alice");
        assertThat(spans.stream().filter(s -> s.getName().equals("kemono.favorites"))).hasSize(2);
        assertThat(counter("latchkey.client.relogins")).isEqualTo(1);
        assertThat(counter("latchkey.client.session_store.operations")).isPositive();
        assertNothingLeaks();
    }

    @Test
    void aCancelledCallEndsItsSpansAsCancelled() throws Exception {
        dev.latchkey.core.testing.RecordingObserver sent = new dev.latchkey.core.testing.RecordingObserver();
        try (KemonoClient k = KemonoClient.builder().baseUrl(kemono.baseUrl()).observer(observer).observer(sent)
                .build()) {
            kemono.faults().next(1).onPath("/api/v1/posts/random").stall(Duration.ofSeconds(10));
            CompletableFuture<?> call = k.async().randomPost();
            while (sent.delivered().of(dev.latchkey.core.observe.AttemptStarted.class).isEmpty()) {
                Thread.onSpinWait(); // until the request is on its way
            }
            call.cancel(true);
        }
        SpanData operation = span(spans(), "kemono.randomPost");
        assertThat(operation.getAttributes().get(OpenTelemetryObserver.ERROR_TYPE))
                .isEqualTo("CancellationException");
        assertThat(operation.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span(spans(), "GET /v1/posts/random").hasEnded()).isTrue();
    }

    @Test
    void aTransportFailureHasNoStatusAndItsErrorType() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (KemonoClient k = KemonoClient.builder().baseUrl("http://127.0.0.1:" + closed + "/api").observer(observer)
                .options(b -> b.sleeper(new RecordingSleeper()).maxRetries(0)).build()) {
            assertThatThrownBy(k::randomPost).isInstanceOf(TransportException.class);
        }
        SpanData attempt = span(spans(), "GET /v1/posts/random");
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.STATUS)).isNull();
        assertThat(attempt.getAttributes().get(OpenTelemetryObserver.ERROR_TYPE)).isEqualTo("TransportException");
        assertThat(durations()).anySatisfy(p -> assertThat(p.getAttributes().get(OpenTelemetryObserver.ERROR_TYPE))
                .isEqualTo("TransportException"));
    }

    @Test
    void traceContextIsSentOnlyWhenAskedForAndIsTheCallers() throws Exception {
        Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("my request").startSpan();
        okhttp3.OkHttpClient propagating = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(TracePropagation.interceptor(OTEL.getOpenTelemetry(), observer)).build();
        try (Scope ignored = parent.makeCurrent();
                KemonoClient plain = client(false);
                KemonoClient traced = KemonoClient.builder().baseUrl(kemono.baseUrl()).observer(observer)
                        .httpClient(propagating).build()) {
            plain.randomPost();
            assertThat(kemono.lastCall().headers().get("traceparent")).as("off by default").isNull();
            traced.randomPost();
            traced.async().randomPost().get(5, TimeUnit.SECONDS);
        } finally {
            parent.end();
        }
        List<RecordedCall> calls = kemono.calls();
        for (RecordedCall c : calls.subList(1, 3)) {
            assertThat(c.headers().get("traceparent")).contains(parent.getSpanContext().getTraceId())
                    .contains(parent.getSpanContext().getSpanId());
        }
    }

    private static List<HistogramPointData> durations() {
        List<HistogramPointData> points = new ArrayList<>();
        for (MetricData m : OTEL.getMetrics()) {
            if (m.getName().equals("http.client.request.duration")) {
                assertThat(m.getUnit()).isEqualTo("s");
                points.addAll(m.getHistogramData().getPoints());
            }
        }
        return points;
    }

    private static long counter(String name) {
        return OTEL.getMetrics().stream().filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getLongSumData().getPoints().stream()).mapToLong(LongPointData::getValue).sum();
    }

    /** The password and the session cookie, wherever a span, an event or a metric could hold them. */
    private void assertNothingLeaks() throws InterruptedException {
        List<String> secrets = new ArrayList<>(List.of(FakeKemono.DEMO_PASSWORD));
        for (RecordedCall c : kemono.calls()) {
            String cookie = c.headers().get("Cookie");
            if (cookie != null) {
                secrets.add(cookie.substring(cookie.indexOf('=') + 1));
            }
        }
        assertThat(secrets).hasSizeGreaterThan(1);
        String exported = spans().toString() + OTEL.getMetrics();
        assertThat(Leaks.find(exported, secrets)).as("exported telemetry").isNull();
    }
}
