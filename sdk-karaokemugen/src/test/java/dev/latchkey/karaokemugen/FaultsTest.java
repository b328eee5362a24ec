package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults from the fake, each ending as documented, with the session unchanged and every response closed. Every
 * command is a POST: only the reading ones are sent again after a failure.
 */
class FaultsTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    final RecordingSleeper sleeper = new RecordingSleeper();
    final SessionStore store = SessionStore.inMemory();
    final OpenResponseCounter counter = new OpenResponseCounter();
    final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    KaraokeMugenClient km;
    KaraokeMugenAccount me;
    Session before;

    @BeforeEach
    void login() {
        km = KaraokeMugenClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).httpClient(http)
                .options(o -> o.sleeper(sleeper).retryPolicy(RetryPolicy.builder().random(() -> 0.0).build()))
                .build();
        me = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        before = me.session();
        fake.clearCalls();
    }

    @AfterEach
    void sessionUnchangedAndEverythingClosed() {
        assertThat(me.session()).isEqualTo(before);
        assertThat(store.load(me.storeKey())).contains(before);
        assertThat(counter.open()).isZero();
        km.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void readingCommandsAreRetriedWritingOnesAreNot() {
        fake.faults().next().reset();
        assertThat(me.myAccount().login()).isEqualTo("alice");
        fake.faults().next().rateLimited(Duration.ofSeconds(2));
        assertThat(me.users()).isNotEmpty();
        assertThat(sleeper.slept()).containsExactly(500L, 2000L);
        fake.faults().next().reset();
        assertThatThrownBy(() -> me.createUser(NewUser.of("carol", "long-enough-pw")))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
        fake.faults().next().reset();
        assertThatThrownBy(() -> me.convertToOnline(FakeKaraokeMugen.INSTANCE, FakeKaraokeMugen.DEMO_PASSWORD))
                .isInstanceOf(TransportException.class);
        assertThat(sleeper.slept()).hasSize(2);
        assertThat(me.username()).isEqualTo("alice");
    }

    @Test
    void aLoginIsNeverRetried() {
        fake.faults().next().serverError(503);
        assertThatThrownBy(() -> km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD))
                .isInstanceOf(dev.latchkey.core.error.ServerException.class);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void brokenAnswersAreInvalidResponses() {
        fake.faults().next().truncatedJson();
        assertThatThrownBy(me::myAccount).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("truncated JSON").hasMessageContaining("POST /api/command");
        fake.faults().next().emptyBody();
        assertThatThrownBy(me::users).isInstanceOf(InvalidResponseException.class).hasMessageContaining("empty body");
        fake.faults().next().droppedMidBody();
        assertThat(me.animeList().stream().count()).isEqualTo(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
    }

    @Test
    void aStalledAppEndsAsATimeoutAfterTheRetries() {
        KaraokeMugenClient impatient = km.withOptions(o -> o.readTimeout(Duration.ofMillis(200)));
        KaraokeMugenAccount same = impatient.resume("alice").orElseThrow();
        fake.faults().next(3).stall(Duration.ofSeconds(5));
        assertThatThrownBy(same::myAccount).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(sleeper.slept()).containsExactly(500L, 1000L);
    }
}
