package dev.latchkey.consumer.observed;

import dev.latchkey.micrometer.MicrometerObserver;
import dev.latchkey.otel.OpenTelemetryObserver;
import dev.latchkey.tmdb.TmdbClient;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;

/** The application's one TMDb client, traced and measured: what compiles here compiles in a user's module. */
public final class ObservedTmdb {
    private ObservedTmdb() {
    }

    /**
     * @param baseUrl the API root
     * @param apiKey the v3 API key
     * @param otel where spans and metrics go
     * @param observations where observations go
     * @return a client seen by both
     */
    public static TmdbClient client(String baseUrl, String apiKey, OpenTelemetry otel,
            ObservationRegistry observations) {
        return TmdbClient.builder().baseUrl(baseUrl).apiKey(apiKey).observer(OpenTelemetryObserver.create(otel))
                .observer(MicrometerObserver.create(observations)).build();
    }
}
