package dev.latchkey.bench;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.eternaltwin.EternaltwinAccount;
import dev.latchkey.eternaltwin.EternaltwinClient;
import dev.latchkey.eternaltwin.model.User;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Eternaltwin: the end of an OAuth login, the code exchange ({@code POST /oauth/token}) plus {@code GET
 * /api/v1/auth/self}, Latchkey against its floor ({@link ProviderFloors.Eternaltwin}), both served the bytes
 * {@link FakeEternaltwin} gave. Latchkey's call also signs a fresh state and checks it (HMAC, claims, single use)
 * and derives the PKCE verifier from it, which a login cannot skip; {@code stateLatchkey} is that part alone, with no
 * call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class EternaltwinBenchmark {
    private static final byte[] STATE_KEY = "a-benchmark-state-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private CannedServer server;
    private OkHttpClient http;
    private ProviderFloors.Eternaltwin floor;
    private EternaltwinClient etwin;

    @Setup(Level.Trial)
    public void setUp() {
        CannedAnswers answers = new CannedAnswers();
        try (FakeEternaltwin fake = FakeEternaltwin.create().start();
                EternaltwinClient recording = client(fake.baseUrl(), answers.recordingClient())) {
            Authorization start = recording.startAuthorization();
            HttpUrl callback = HttpUrl.get(fake.authorize(start.url().toString(), FakeEternaltwin.DEMO_USER));
            recording.fromAuthorizationCode(callback.queryParameter("code"), callback.queryParameter("state"),
                    start.state());
        }
        server = CannedServer.start(answers);
        http = ProviderBenchmarks.sharedClient();
        floor = new ProviderFloors.Eternaltwin(http, server.baseUrl(), FakeEternaltwin.DEMO_CLIENT,
                FakeEternaltwin.DEMO_CLIENT_SECRET, FakeEternaltwin.DEMO_CALLBACK);
        etwin = client(server.baseUrl(), http);
    }

    private static EternaltwinClient client(String baseUrl, OkHttpClient http) {
        return EternaltwinClient.builder().baseUrl(baseUrl).httpClient(http).sessionStore(SessionStore.inMemory())
                .clientId(FakeEternaltwin.DEMO_CLIENT).clientSecret(FakeEternaltwin.DEMO_CLIENT_SECRET)
                .redirectUri(FakeEternaltwin.DEMO_CALLBACK).stateKey(STATE_KEY)
                .options(ProviderBenchmarks.ONE_ATTEMPT).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        etwin.close();
        ProviderBenchmarks.shutDown(http);
        server.close();
    }

    @Benchmark
    public User exchangeFloor() throws IOException {
        return floor.exchangeAndSelf("a-code", VERIFIER);
    }

    @Benchmark
    public EternaltwinAccount exchangeLatchkey() {
        Authorization start = etwin.startAuthorization();
        return etwin.fromAuthorizationCode("a-code", start.state(), start.state());
    }

    @Benchmark
    public Authorization stateLatchkey() {
        return etwin.startAuthorization();
    }
}
