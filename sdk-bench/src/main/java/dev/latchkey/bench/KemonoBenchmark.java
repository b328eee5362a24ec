package dev.latchkey.bench;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kemono: the login (a JSON post answered with a session cookie) and a page of 20 favorite creators, Latchkey against
 * its floor ({@link ProviderFloors.Kemono}), both served the bytes {@link FakeKemono} gave for the same calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class KemonoBenchmark {
    private CannedServer server;
    private OkHttpClient http;
    private ProviderFloors.Kemono floor;
    private KemonoClient kemono;
    private KemonoAccount account;
    private String floorSession;

    @Setup(Level.Trial)
    public void setUp() {
        CannedAnswers answers = new CannedAnswers();
        try (FakeKemono fake = FakeKemono.create().start();
                KemonoClient recording = KemonoClient.builder().baseUrl(fake.baseUrl())
                        .httpClient(answers.recordingClient()).sessionStore(SessionStore.inMemory()).build()) {
            fake.addBulkFavoriteCreators(FakeKemono.DEMO_USER, 20);
            KemonoAccount me = recording.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            if (me.favoriteCreators().size() < 20) {
                throw new IllegalStateException("the fake gave fewer than 20 favorites");
            }
        }
        server = CannedServer.start(answers);
        http = ProviderBenchmarks.sharedClient();
        floor = new ProviderFloors.Kemono(http, server.baseUrl());
        kemono = KemonoClient.builder().baseUrl(server.baseUrl() + "/api").httpClient(http)
                .sessionStore(SessionStore.inMemory()).options(ProviderBenchmarks.ONE_ATTEMPT).build();
        account = kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
        try {
            floorSession = floor.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD).session();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kemono.close();
        ProviderBenchmarks.shutDown(http);
        server.close();
    }

    @Benchmark
    public ProviderFloors.Kemono.Login loginFloor() throws IOException {
        return floor.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
    }

    @Benchmark
    public KemonoAccount loginLatchkey() {
        return kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
    }

    @Benchmark
    public List<FavoriteCreator> favoritesFloor() throws IOException {
        return floor.favorites(floorSession);
    }

    @Benchmark
    public List<FavoriteCreator> favoritesLatchkey() {
        return account.favoriteCreators();
    }
}
