package dev.latchkey.bench;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.karaokemugen.KaraokeMugenAccount;
import dev.latchkey.karaokemugen.KaraokeMugenClient;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
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
 * Karaoke Mugen: one command, the operator's {@code getUsers} ({@code POST /api/command}, the token inside the
 * body), Latchkey against its floor ({@link ProviderFloors.KaraokeMugen}), both served the bytes
 * {@link FakeKaraokeMugen} gave (twelve users).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class KaraokeMugenBenchmark {
    private CannedServer server;
    private OkHttpClient http;
    private ProviderFloors.KaraokeMugen floor;
    private KaraokeMugenClient km;
    private KaraokeMugenAccount operator;
    private String token;

    @Setup(Level.Trial)
    public void setUp() {
        CannedAnswers answers = new CannedAnswers();
        try (FakeKaraokeMugen fake = FakeKaraokeMugen.create().start();
                KaraokeMugenClient recording = client(fake.baseUrl(), answers.recordingClient())) {
            for (int i = 1; i <= 10; i++) {
                fake.addUser("singer" + i, "singer-password-" + i, 1, true);
            }
            KaraokeMugenAccount op = recording.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD,
                    fake.securityCode());
            if (op.users().size() < 12) {
                throw new IllegalStateException("the fake did not list the users");
            }
        }
        server = CannedServer.start(answers);
        http = ProviderBenchmarks.sharedClient();
        floor = new ProviderFloors.KaraokeMugen(http, server.baseUrl());
        km = client(server.baseUrl(), http);
        operator = km.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD, "000000");
        token = "canned-token";
    }

    private static KaraokeMugenClient client(String baseUrl, OkHttpClient http) {
        return KaraokeMugenClient.builder().baseUrl(baseUrl).httpClient(http).sessionStore(SessionStore.inMemory())
                .options(ProviderBenchmarks.ONE_ATTEMPT).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        km.close();
        ProviderBenchmarks.shutDown(http);
        server.close();
    }

    @Benchmark
    public List<UserSummary> usersFloor() throws IOException {
        return floor.users(token);
    }

    @Benchmark
    public List<UserSummary> usersLatchkey() {
        return operator.users();
    }
}
