package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults from the fake, each ending as documented, with the session unchanged and every response closed. */
class FaultsTest {
    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().asGitlabMaster2026().build();

    final RecordingSleeper sleeper = new RecordingSleeper();
    final SessionStore store = SessionStore.inMemory();
    final OpenResponseCounter counter = new OpenResponseCounter();
    final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    EternaltwinClient etwin;
    EternaltwinAccount me;
    Session before;

    @BeforeEach
    void login() {
        etwin = EternaltwinClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).httpClient(http)
                .options(o -> o.sleeper(sleeper).retryPolicy(RetryPolicy.builder().random(() -> 0.0).build()))
                .clientId(FakeEternaltwin.DEMO_CLIENT).clientSecret(FakeEternaltwin.DEMO_CLIENT_SECRET)
                .redirectUri(FakeEternaltwin.DEMO_CALLBACK).build();
        Authorization start = etwin.startAuthorization();
        me = etwin.fromCallback(approve(start), start.state());
        before = me.session();
        fake.clearCalls();
    }

    AuthorizationCallback approve(Authorization start) {
        return EternaltwinClientTest.callback(fake.authorize(start.url().toString(), FakeEternaltwin.DEMO_USER));
    }

    @AfterEach
    void sessionUnchangedAndEverythingClosed() {
        assertThat(me.session()).isEqualTo(before);
        assertThat(store.load(me.storeKey())).contains(before);
        assertThat(counter.open()).isZero();
        etwin.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aResetTokenExchangeIsNeverRetriedAndTheLoginMustStartAgain() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start);
        fake.faults().next().onPath("/oauth/token").reset();
        assertThatThrownBy(() -> etwin.fromCallback(back, start.state()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
        assertThat(sleeper.slept()).isEmpty();
        assertThat(fake.calls()).hasSize(1);
        // The state was spent on the attempt: the same redirect is not accepted twice.
        assertThatThrownBy(() -> etwin.fromCallback(back, start.state())).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void aRateLimitedTokenExchangeIsNotRetried() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start);
        fake.faults().next().onPath("/oauth/token").rateLimited(Duration.ofSeconds(2));
        assertThatThrownBy(() -> etwin.fromCallback(back, start.state()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(sleeper.slept()).isEmpty();
    }

    @Test
    void readsAreRetriedAfterRetryAfterAndResets() {
        fake.faults().next().onPath("/api/v1/users").rateLimited(Duration.ofSeconds(3));
        assertThat(etwin.count()).isEqualTo(5);
        fake.faults().next().onPath("/api/v1/auth/self").reset();
        assertThat(me.self().displayName()).isEqualTo("Alice");
        fake.faults().next(2).serverError(503);
        assertThat(etwin.user(me.id())).isPresent();
        assertThat(sleeper.slept()).containsExactly(3000L, 500L, 500L, 1000L);
    }

    @Test
    void aConnectionDroppedMidBodyIsARetriedReset() {
        fake.faults().next().droppedMidBody();
        assertThat(etwin.search("user").items()).hasSize(2);
        assertThat(sleeper.slept()).containsExactly(500L);
    }

    @Test
    void truncatedJsonAndEmptyBodiesAreInvalidResponsesAndAChallengeIsForbidden() {
        fake.faults().next().truncatedJson();
        assertThatThrownBy(me::self).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("truncated JSON").hasMessageContaining("GET /api/v1/auth/self");
        fake.faults().next().emptyBody();
        assertThatThrownBy(() -> etwin.user(me.id())).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("empty body");
        // A challenge page comes with 403: a typed refusal that says what came instead of data.
        fake.faults().next().htmlChallenge();
        assertThatThrownBy(() -> etwin.count("user")).isInstanceOf(dev.latchkey.core.error.ForbiddenException.class)
                .hasMessageContaining("HTTP 403 on GET /api/v1/users").hasMessageContaining("HTML page");
    }

    @Test
    void aStalledAnswerEndsAsATimeoutAfterTheRetries() {
        EternaltwinClient impatient = etwin.withOptions(o -> o.readTimeout(Duration.ofMillis(200)));
        fake.faults().next(3).onPath("/api/v1/users").stall(Duration.ofSeconds(5));
        assertThatThrownBy(() -> impatient.count()).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }
}
