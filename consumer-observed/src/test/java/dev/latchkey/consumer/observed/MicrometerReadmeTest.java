package dev.latchkey.consumer.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.observe.Observers;
import dev.latchkey.micrometer.MicrometerObserver;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.model.RequestToken;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sdk-micrometer's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class MicrometerReadmeTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    @Test
    void readmeExample() throws Exception {
        String key = FakeTmdb.API_KEY;
        String baseUrl = fake.baseUrl(); // TmdbClient.DEFAULT_BASE_URL for the real API
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // --- README ---
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (TmdbClient tmdb = TmdbClient.builder()
                .apiKey(key).baseUrl(baseUrl)
                .observer(MicrometerObserver.create(observations))
                .build()) {
            RequestToken token = tmdb.auth().createRequestToken();
            // --- end ---
            assertThat(token.value()).isNotBlank();
        }
        assertThat(Observers.drain(Duration.ofSeconds(20))).isTrue();
        assertThat(meters.get("latchkey.client.requests").tags("operation", "tmdb.newRequestToken", "status", "200",
                "outcome", "SUCCESS", "error", "none", "provider", "tmdb", "method", "GET").timer().count())
                .isEqualTo(1);
    }
}
