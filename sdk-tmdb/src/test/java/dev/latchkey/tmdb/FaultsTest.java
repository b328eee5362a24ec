package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on the paged favorites walk and on the login sequence, with the session unchanged after each. */
class FaultsTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    final RecordingSleeper sleeper = new RecordingSleeper();
    final SessionStore store = SessionStore.inMemory();
    final OpenResponseCounter counter = new OpenResponseCounter();
    final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    TmdbClient tmdb;
    TmdbAccount me;
    Session before;

    @BeforeEach
    void login() {
        tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).sessionStore(store)
                .httpClient(http).options(o -> o.sleeper(sleeper)
                        .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())).build();
        me = tmdb.account(tmdb.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD));
        before = store.load(me.storeKey()).orElseThrow();
        fake.clearCalls();
    }

    @AfterEach
    void sessionUnchangedAndEverythingClosed() {
        assertThat(store.load(me.storeKey())).contains(before);
        assertThat(me.session()).isEqualTo(new TmdbSession(before.token(Session.SESSION_ID).orElseThrow()));
        assertThat(counter.open()).isZero();
        tmdb.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void a429OnTheSecondPageIsRetriedAfterRetryAfter() {
        fake.faults().next().onPath("/3/account/*/favorite/movies").rateLimited(Duration.ofSeconds(1));
        var pager = me.favoriteMovies();
        assertThat(sleeper.slept()).containsExactly(1000L);
        fake.faults().next().onPath("/3/account/*/favorite/movies").rateLimited(Duration.ofSeconds(2));
        assertThat(pager.stream().count()).isEqualTo(FakeTmdb.DEMO_FAVORITE_MOVIES);
        assertThat(sleeper.slept()).containsExactly(1000L, 2000L);
    }

    @Test
    void a429OverTheCapIsThrownAtOnce() {
        fake.faults().next().onPath("/3/account/*/favorite/movies").rateLimited(Duration.ofSeconds(600));
        assertThatThrownBy(me::favoriteMovies).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(600)));
        assertThat(sleeper.slept()).isEmpty();
    }

    @Test
    void a503MidWalkIsRetriedAndPersistent503sSurface() {
        var pager = me.favoriteMovies();
        fake.faults().next().serverError(503);
        assertThat(pager.stream().count()).isEqualTo(FakeTmdb.DEMO_FAVORITE_MOVIES);
        fake.faults().next(3).serverError(503);
        assertThatThrownBy(() -> pager.stream().count()).isInstanceOf(ServerException.class);
    }

    @Test
    void aResetMidWalkIsRetried() {
        var pager = me.favoriteMovies();
        fake.faults().next().reset();
        assertThat(pager.stream().count()).isEqualTo(FakeTmdb.DEMO_FAVORITE_MOVIES);
        assertThat(sleeper.slept()).containsExactly(500L);
    }

    @Test
    void truncatedJsonOnAPageIsAnInvalidResponse() {
        var pager = me.favoriteMovies();
        fake.faults().next().truncatedJson();
        assertThatThrownBy(() -> pager.stream().count()).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("truncated JSON");
    }

    @Test
    void aConnectionDroppedMidBodyIsAResetThatIsRetried() {
        var pager = me.favoriteMovies();
        fake.faults().next().droppedMidBody();
        assertThat(pager.stream().count()).isEqualTo(45); // the second page's reset was retried
        assertThat(sleeper.slept()).hasSize(1);
        fake.faults().next(4).droppedMidBody();
        assertThatThrownBy(() -> me.favoriteMovies().stream().count()).isInstanceOfSatisfying(TransportException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET);
                    assertThat(e.getMessage()).contains("GET /3/account/");
                });
    }

    @Test
    void anHtmlPageMidWalkIsTypedNotAParseError() {
        var pager = me.favoriteMovies();
        fake.faults().next().htmlChallenge();
        assertThatThrownBy(() -> pager.stream().count()).isInstanceOf(dev.latchkey.core.error.ForbiddenException.class)
                .hasMessageContaining("HTML page");
        fake.faults().next().emptyBody();
        assertThatThrownBy(() -> me.favoriteMovies().stream().count()).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void aStalledPageEndsAsATimeoutAfterTheRetries() {
        TmdbClient impatient = tmdb.withOptions(o -> o.readTimeout(Duration.ofMillis(200)));
        TmdbAccount same = impatient.resume(me.username()).orElseThrow();
        fake.faults().next(3).onPath("/3/account/*/favorite/movies").stall(Duration.ofSeconds(5));
        assertThatThrownBy(same::favoriteMovies).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }

    @Test
    void faultsInTheLoginSequenceAreNeverRetried() {
        fake.faults().next().onPath("/3/authentication/token/new").serverError(503);
        assertThatThrownBy(() -> tmdb.auth().login("alice", FakeTmdb.DEMO_PASSWORD))
                .isInstanceOf(ServerException.class);
        fake.faults().next().onPath("/3/authentication/token/validate_with_login").rateLimited(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tmdb.auth().login("alice", FakeTmdb.DEMO_PASSWORD))
                .isInstanceOf(RateLimitedException.class);
        fake.faults().next().onPath("/3/authentication/session/new").reset();
        assertThatThrownBy(() -> tmdb.auth().login("alice", FakeTmdb.DEMO_PASSWORD))
                .isInstanceOf(TransportException.class);
        fake.faults().next().onPath("/3/authentication/session/new").truncatedJson();
        assertThatThrownBy(() -> tmdb.auth().login("alice", FakeTmdb.DEMO_PASSWORD))
                .isInstanceOf(InvalidResponseException.class);
        assertThat(sleeper.slept()).isEmpty();
    }

    @Test
    void theFakesRateLimitWithCode25IsHonoured() {
        try (FakeTmdb limited = FakeTmdb.builder().rateLimitPerSecond(1000).build().start()) {
            assertThat(limited.isStarted()).isTrue(); // the fault path above covers 429s; here: code 25 on the body
        }
        fake.faults().next().status(429, "{\"success\":false,\"status_code\":25,\"status_message\":\"slow\"}");
        assertThat(me.favoriteMovies().stream().limit(1).count()).isEqualTo(1);
    }
}
