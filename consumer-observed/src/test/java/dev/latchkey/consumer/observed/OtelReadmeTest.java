package dev.latchkey.consumer.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.observe.Observers;
import dev.latchkey.otel.OpenTelemetryObserver;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.model.RequestToken;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sdk-otel's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class OtelReadmeTest {
    @RegisterExtension
    static final OpenTelemetryExtension SDK = OpenTelemetryExtension.create();

    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    @Test
    void readmeExample() throws Exception {
        String key = FakeTmdb.API_KEY;
        String baseUrl = fake.baseUrl(); // TmdbClient.DEFAULT_BASE_URL for the real API
        assertThat(GlobalOpenTelemetry.get()).as("the README's choice; the test uses its own SDK").isNotNull();
        // --- README ---
        OpenTelemetry otel = SDK.getOpenTelemetry();
        try (TmdbClient tmdb = TmdbClient.builder()
                .apiKey(key).baseUrl(baseUrl)
                .observer(OpenTelemetryObserver.create(otel))
                .build()) {
            RequestToken token = tmdb.auth().createRequestToken();
            // --- end ---
            assertThat(token.value()).isNotBlank();
        }
        assertThat(Observers.drain(Duration.ofSeconds(20))).isTrue();
        assertThat(SDK.getSpans()).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("tmdb.newRequestToken", "GET /3/authentication/token/new");
        assertThat(SDK.getMetrics()).anySatisfy(m -> assertThat(m.getName()).isEqualTo("http.client.request.duration"));
    }
}
