package dev.latchkey.bench;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import dev.latchkey.tmdb.model.Movie;
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
 * TMDb calls: Latchkey against the floor (raw OkHttp 5 + Jackson into records) and two peers, tmdb-java and
 * themoviedbapi, all served the same recorded bytes by the canned server in its own process. Run through
 * {@link Report} (or with {@code -prof gc -prof dev.latchkey.bench.CpuTimeProfiler}) for bytes and CPU per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TmdbBenchmark {
    private CannedServer server;
    private OkHttpClient http;
    private TmdbFloor floor;
    private TmdbClient tmdb;
    private TmdbAccount account;
    private TmdbJavaPeer tmdbJava;
    private info.movito.themoviedbapi.TmdbApi theMovieDbApi;

    @Setup(Level.Trial)
    public void setUp() {
        Fixtures fixtures = Fixtures.record();
        server = fixtures.serve();
        http = new OkHttpClient();
        floor = new TmdbFloor(http, server.baseUrl(), FakeTmdb.API_KEY);
        tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(server.baseUrl()).httpClient(http)
                .sessionStore(SessionStore.inMemory()).options(o -> o.retryPolicy(RetryPolicy.none())).build();
        account = tmdb.account(new TmdbSession(Fixtures.SESSION_ID));
        tmdbJava = new TmdbJavaPeer(FakeTmdb.API_KEY, http, server.baseUrl());
        tmdbJava.setSessionId(Fixtures.SESSION_ID);
        theMovieDbApi = TheMovieDbApiPeer.api("read-access-token", server.baseUrl());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tmdb.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    @Benchmark
    public TmdbFloor.Page favoritesFloor() throws IOException {
        return floor.favorites(Fixtures.ACCOUNT_ID, Fixtures.SESSION_ID);
    }

    @Benchmark
    public List<Movie> favoritesLatchkeySync() {
        return account.favoriteMoviesPage(false).items();
    }

    @Benchmark
    public List<Movie> favoritesLatchkeyAsync() {
        return account.async().favoriteMovies().firstPage().join().items();
    }

    @Benchmark
    public com.uwetrottmann.tmdb2.entities.MovieResultsPage favoritesTmdbJava() throws IOException {
        retrofit2.Response<com.uwetrottmann.tmdb2.entities.MovieResultsPage> r = tmdbJava.accountService()
                .favoriteMovies(Fixtures.ACCOUNT_ID, null, null, 1).execute();
        tmdbJava.throwOnKnownError(r);
        return r.body();
    }

    @Benchmark
    public Object favoritesTheMovieDbApi() throws Exception {
        return theMovieDbApi.getAccount().getFavoriteMovies(Fixtures.ACCOUNT_ID, Fixtures.SESSION_ID, null, 1, null);
    }

    @Benchmark
    public String loginFloor() throws IOException {
        return floor.login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD);
    }

    @Benchmark
    public TmdbSession loginLatchkey() {
        return tmdb.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD);
    }

    @Benchmark
    public String loginTmdbJava() throws IOException {
        var auth = tmdbJava.authenticationService();
        var token = auth.requestToken().execute().body();
        auth.validateToken(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD, token.request_token).execute();
        return auth.createSession(token.request_token).execute().body().session_id;
    }

    @Benchmark
    public String loginTheMovieDbApi() throws Exception {
        var auth = theMovieDbApi.getAuthentication();
        var token = auth.createRequestToken();
        auth.createAuthenticatedRequestToken(token, FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD);
        return auth.createSession(token).getSessionId();
    }

    @Benchmark
    public int errorFloor() throws IOException {
        return floor.statusOfMissing(Fixtures.SESSION_ID);
    }

    @Benchmark
    public IOException errorTmdbJava() throws IOException {
        retrofit2.Response<com.uwetrottmann.tmdb2.entities.AccountStates> r = tmdbJava.moviesService()
                .accountStates(1).execute();
        try {
            tmdbJava.throwOnKnownError(r);
            throw new IllegalStateException("expected a 404");
        } catch (com.uwetrottmann.tmdb2.exceptions.TmdbNotFoundException e) {
            return e;
        }
    }

    @Benchmark
    public Exception errorTheMovieDbApi() {
        try {
            theMovieDbApi.getMovies().getAccountStates(1, Fixtures.SESSION_ID, null);
            throw new IllegalStateException("expected a 404");
        } catch (info.movito.themoviedbapi.tools.TmdbException e) {
            return e;
        }
    }

    @Benchmark
    public NotFoundException errorLatchkey() {
        try {
            account.movieStates(1);
            throw new IllegalStateException("expected a 404");
        } catch (NotFoundException e) {
            return e;
        }
    }
}
