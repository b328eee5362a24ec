package dev.latchkey.bench;

import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.FavoriteCreator;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * A Kemono favorites answer of 100,000 creators (about 24 MB) walked one record at a time: Latchkey's
 * {@code streamFavoriteCreators()} against a Jackson-streaming floor ({@code MappingIterator}) that builds the same
 * {@link FavoriteCreator} records, three timestamps each. {@link HugeListWalk} measures the same walk's heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class KemonoStreamBenchmark {
    static final int CREATORS = 100_000;
    private static final String SESSION = "bench-session-cookie";

    private CannedServer server;
    private OkHttpClient http;
    private ProviderFloors.Kemono floor;
    private KemonoClient kemono;
    private KemonoAccount account;

    @Setup(Level.Trial)
    public void setUp() {
        server = CannedServer.start(new CannedAnswers()
                .json("/api/v1/account/favorites", 200, HugeListWalk.creators(CREATORS))
                .json("/api/v1/account", 200, HugeListWalk.ACCOUNT));
        http = ProviderBenchmarks.sharedClient();
        floor = new ProviderFloors.Kemono(http, server.baseUrl());
        kemono = KemonoClient.builder().baseUrl(server.baseUrl() + "/api").httpClient(http)
                .options(ProviderBenchmarks.ONE_ATTEMPT).build();
        account = kemono.withSessionCookie(SESSION);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kemono.close();
        ProviderBenchmarks.shutDown(http);
        server.close();
    }

    @Benchmark
    public long streamFloor() throws IOException {
        return floor.streamFavorites(SESSION);
    }

    @Benchmark
    public long streamLatchkey() {
        long n = 0;
        try (Stream<FavoriteCreator> s = account.streamFavoriteCreators()) {
            Iterator<FavoriteCreator> it = s.iterator();
            while (it.hasNext()) {
                if (it.next().id().isEmpty()) {
                    throw new IllegalStateException("no id");
                }
                n++;
            }
        }
        return n;
    }
}
