package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults from the fake, each ending as documented, with the session unchanged and every response closed. */
class FaultsTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    final RecordingSleeper sleeper = new RecordingSleeper();
    final SessionStore store = SessionStore.inMemory();
    final OpenResponseCounter counter = new OpenResponseCounter();
    final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    KemonoClient kemono;
    KemonoAccount me;
    Session before;

    @BeforeEach
    void login() {
        kemono = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).httpClient(http)
                .options(o -> o.sleeper(sleeper).retryPolicy(RetryPolicy.builder().random(() -> 0.0).build()))
                .build();
        me = kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
        before = me.session();
    }

    @AfterEach
    void sessionUnchangedAndEverythingClosed() {
        assertThat(me.session()).isEqualTo(before);
        assertThat(store.load(me.storeKey())).contains(before);
        assertThat(counter.open()).isZero();
        kemono.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aRateLimitedFavoritesCallIsRetriedAfterRetryAfterThenSucceeds() {
        fake.faults().next().onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(2));
        assertThat(me.favoriteCreators()).hasSize(2);
        assertThat(sleeper.slept()).containsExactly(2000L);
    }

    @Test
    void aRateLimitedLoginIsNotRetried() {
        fake.faults().next().onPath("/api/v1/authentication/login").rateLimited(Duration.ofSeconds(2));
        assertThatThrownBy(() -> kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(sleeper.slept()).isEmpty();
    }

    @Test
    void aResetOnFavoritesIsRetriedAndAResetOnChangePasswordIsNot() {
        fake.faults().next().onPath("/api/v1/account/favorites").reset();
        assertThat(me.favoritePosts()).hasSize(1);
        fake.faults().next().onPath("/api/v1/account/change_password").reset();
        assertThatThrownBy(() -> me.changePassword(FakeKemono.DEMO_PASSWORD, "next-pass", false))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
        assertThat(sleeper.slept()).containsExactly(500L);
    }

    @Test
    void persistentResetsEndAsATransportException() {
        fake.faults().next(3).reset();
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("GET /v1/account/favorites?type=artist: connection reset");
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }

    @Test
    void aConnectionDroppedMidBodyIsARetriedResetAndMidStreamAResetThatStops() {
        fake.faults().next().droppedMidBody();
        assertThat(me.favoriteCreators()).hasSize(2);
        assertThat(sleeper.slept()).containsExactly(500L);
        // A stream has handed out elements already: its reset is reported, never silently restarted.
        fake.faults().next().droppedMidBody();
        try (var creators = me.streamFavoriteCreators()) {
            assertThatThrownBy(creators::count).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
        }
    }

    @Test
    void truncatedJsonIsAnInvalidResponse() {
        fake.faults().next().truncatedJson();
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("truncated JSON").hasMessageContaining("text/css");
    }

    @Test
    void theDdosGuardPageSaysWhatToDo() {
        fake.faults().next().htmlChallenge();
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(BotChallengeException.class)
                .hasMessageContaining("DDoS-Guard").hasMessageContaining("cookies(Cookies.fromNetscape(path))")
                .hasMessageContaining("code: ddos-guard");
    }

    @Test
    void aStalledAnswerEndsAsATimeoutAfterTheRetries() {
        KemonoClient impatient = kemono.withOptions(o -> o.readTimeout(java.time.Duration.ofMillis(200)));
        KemonoAccount same = impatient.resume(me.username()).orElseThrow();
        fake.faults().next(3).onPath("/api/v1/account/favorites").stall(Duration.ofSeconds(5));
        assertThatThrownBy(same::favoriteCreators).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }

    @Test
    void anEmptyBodyIsAnInvalidResponse() {
        fake.faults().next().emptyBody();
        assertThatThrownBy(me::favoritePosts).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void aServerErrorOnAnIdempotentCallIsRetried() {
        fake.faults().next(2).serverError(503);
        assertThat(kemono.randomPost()).isPresent();
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }
}
