package dev.latchkey.bench;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.redis.RedisFleet;
import dev.latchkey.testkit.redis.LocalRedis;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.TmdbSession;
import java.time.Duration;
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
 * The time a rate budget adds to a call: the TMDb favorites call with no budget, a local (in-process Bucket4j) budget
 * and the fleet's Redis budget (loopback redis-server), the budget so large it never makes a call wait. Round trips
 * and bytes per call: {@link FleetCost}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FleetBenchmark {
    private CannedServer server;
    private OkHttpClient http;
    private RedisFleet fleet;
    private TmdbClient plain;
    private TmdbClient local;
    private TmdbClient shared;
    private TmdbAccount plainAccount;
    private TmdbAccount localAccount;
    private TmdbAccount sharedAccount;

    @Setup(Level.Trial)
    public void setUp() {
        server = Fixtures.record().serve();
        http = new OkHttpClient();
        fleet = RedisFleet.connect(LocalRedis.shared().url());
        RateLimit unlimited = RateLimit.of(1_000_000_000L, Duration.ofSeconds(1));
        plain = client(null);
        local = client(RateBudget.local("bench", unlimited));
        shared = client(fleet.rateBudget("bench", unlimited));
        plainAccount = plain.account(new TmdbSession(Fixtures.SESSION_ID));
        localAccount = local.account(new TmdbSession(Fixtures.SESSION_ID));
        sharedAccount = shared.account(new TmdbSession(Fixtures.SESSION_ID));
    }

    private TmdbClient client(RateBudget budget) {
        TmdbClient.Builder b = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(server.baseUrl()).httpClient(http)
                .sessionStore(SessionStore.inMemory()).options(o -> o.retryPolicy(RetryPolicy.none()));
        if (budget != null) {
            b.rateBudget(budget);
        }
        return b.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        local.close();
        shared.close();
        fleet.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    @Benchmark
    public List<Movie> favoritesNoBudget() {
        return plainAccount.favoriteMoviesPage(false).items();
    }

    @Benchmark
    public List<Movie> favoritesLocalBudget() {
        return localAccount.favoriteMoviesPage(false).items();
    }

    @Benchmark
    public List<Movie> favoritesRedisBudget() {
        return sharedAccount.favoriteMoviesPage(false).items();
    }
}
