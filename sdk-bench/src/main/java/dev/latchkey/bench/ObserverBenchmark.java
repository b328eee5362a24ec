package dev.latchkey.bench;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.Observers;
import dev.latchkey.micrometer.MicrometerObserver;
import dev.latchkey.otel.OpenTelemetryObserver;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import dev.latchkey.tmdb.model.Movie;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What seeing a call costs (issue 30): the TMDb favorites call with no observer, with the OpenTelemetry observer (the
 * SDK's tracer with a batch span processor and its meter, both exporting to nothing) and with the Micrometer observer
 * (an observation registry timing into a simple meter registry), on the canned server in its own process. Run with
 * {@code -prof gc -prof dev.latchkey.bench.CpuTimeProfiler}: the CPU per call counts every thread, the observers'
 * delivery threads and the SDK's export thread included. An observer that fell behind drops events, which would make
 * it look cheaper: the tear-down says how many were dropped (none, in the runs of docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ObserverBenchmark {
    @Param({"none", "otel", "micrometer"})
    public String observer;

    private CannedServer server;
    private OkHttpClient http;
    private TmdbClient tmdb;
    private TmdbAccount account;
    private OpenTelemetrySdk otel;
    private CallObserver seen;

    @Setup(Level.Trial)
    public void setUp() {
        Fixtures fixtures = Fixtures.record();
        server = fixtures.serve();
        http = new OkHttpClient();
        TmdbClient.Builder b = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(server.baseUrl())
                .httpClient(http).sessionStore(SessionStore.inMemory())
                .options(o -> o.retryPolicy(RetryPolicy.none()));
        if (observer.equals("otel")) {
            otel = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor
                            .builder(SpanExporter.composite()).build()).build())
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader
                            .builder(new DiscardMetrics()).setInterval(Duration.ofSeconds(10)).build()).build())
                    .build();
            seen = OpenTelemetryObserver.create(otel);
            b.observer(seen);
        } else if (observer.equals("micrometer")) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(
                    new SimpleMeterRegistry()));
            seen = MicrometerObserver.create(registry);
            b.observer(seen);
        }
        tmdb = b.build();
        account = tmdb.account(new TmdbSession(Fixtures.SESSION_ID));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        Observers.drain(Duration.ofSeconds(30));
        if (seen != null) {
            System.out.println("\n" + observer + " observer: " + dev.latchkey.core.internal.ObserverMailbox.of(seen)
                    .dropped() + " events dropped");
        }
        tmdb.close();
        if (otel != null) {
            otel.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    @Benchmark
    public List<Movie> favorites() {
        return account.favoriteMoviesPage(false).items();
    }

    /**
     * Metrics go nowhere, cumulatively aggregated as a real reader would (spans go to {@code SpanExporter.composite()}
     * of none, the SDK's no-op): the SDK's work is counted, not an exporter's.
     */
    static final class DiscardMetrics implements MetricExporter {
        @Override
        public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(
                io.opentelemetry.sdk.metrics.InstrumentType type) {
            return io.opentelemetry.sdk.metrics.data.AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode export(Collection<io.opentelemetry.sdk.metrics.data.MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
