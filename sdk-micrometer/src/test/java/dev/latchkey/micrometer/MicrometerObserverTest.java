package dev.latchkey.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

import dev.latchkey.core.observe.Observers;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.core.testing.contract.Leaks;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.kemono.FakeKemono;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 30: a latchkey.client.requests observation per call, low-cardinality tags only, no secret anywhere. */
class MicrometerObserverTest {
    @RegisterExtension
    final FakeKemono kemono = FakeKemono.create();

    private static void delivered() throws InterruptedException {
        org.assertj.core.api.Assertions.assertThat(Observers.drain(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void everyCallIsAnObservationWithItsTagsAndARetryIsAnEvent() throws Exception {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public void onEvent(io.micrometer.observation.Observation.Event event,
                    io.micrometer.observation.Observation.Context context) {
                events.add(context.getContextualName() + ": " + event.getName());
            }

            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }
        });
        try (KemonoClient k = KemonoClient.builder().baseUrl(kemono.baseUrl())
                .observer(MicrometerObserver.create(registry)).options(b -> b.sleeper(new RecordingSleeper()))
                .build()) {
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            kemono.faults().next(1).onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(1));
            alice.favoriteCreators();
            assertThat(k.creator(Service.FANBOX, "no-such-creator")).isEmpty();
        }
        delivered();
        assertThat(registry).hasNumberOfObservationsWithNameEqualTo(MicrometerObserver.REQUESTS, 3)
                .hasAnObservation(o -> o.hasContextualNameEqualTo("kemono.favorites")
                        .hasLowCardinalityKeyValue("provider", "kemono").hasLowCardinalityKeyValue("method", "GET")
                        .hasLowCardinalityKeyValue("status", "200").hasLowCardinalityKeyValue("outcome", "SUCCESS")
                        .hasLowCardinalityKeyValue("error", "none"))
                .hasAnObservation(o -> o.hasContextualNameEqualTo("kemono.creator")
                        .hasLowCardinalityKeyValue("status", "404").hasLowCardinalityKeyValue("outcome", "ERROR")
                        .hasLowCardinalityKeyValue("error", "NotFoundException"));
        assertThat(events).containsExactly("kemono.favorites: latchkey.retry");
    }

    @Test
    void withAMeterHandlerItIsATimerAndNothingInItLeaks() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (KemonoClient k = KemonoClient.builder().baseUrl(kemono.baseUrl()).reloginOnExpiry(true)
                .observer(MicrometerObserver.create(observations)).build()) {
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            kemono.revokeSessions();
            alice.favoriteCreators(); // 401, a re-login, then the favorites
        }
        delivered();
        Timer favorites = meters.get(MicrometerObserver.REQUESTS).tags("operation", "kemono.favorites",
                "outcome", "SUCCESS").timer();
        assertThat(favorites.count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.REQUESTS).tags("operation", "kemono.favorites", "status", "401")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.RELOGINS).tags("provider", "kemono", "led", "true").timer().count())
                .isEqualTo(1);
        List<String> secrets = new ArrayList<>(List.of(FakeKemono.DEMO_PASSWORD));
        for (RecordedCall c : kemono.calls()) {
            String cookie = c.headers().get("Cookie");
            if (cookie != null) {
                secrets.add(cookie.substring(cookie.indexOf('=') + 1));
            }
        }
        StringBuilder all = new StringBuilder();
        for (Meter m : meters.getMeters()) {
            all.append(m.getId()).append(' ');
            m.measure().forEach(ms -> all.append(ms).append(' '));
        }
        assertThat(Leaks.find(all.toString(), secrets)).isNull();
        assertThat(all.toString()).doesNotContain("127.0.0.1", "alice");
    }
}
