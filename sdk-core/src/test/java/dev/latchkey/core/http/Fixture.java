package dev.latchkey.core.http;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.core.testing.LoopbackServers;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** A loopback server and a pipeline wired to it with a recording sleeper, a fixed clock and an open-body counter. */
final class Fixture implements AutoCloseable {
    final MockWebServer server = LoopbackServers.newServer();
    final ManualClock clock = new ManualClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final OpenResponseCounter counter = new OpenResponseCounter();
    final OkHttpClient userClient = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    final HttpPipeline pipeline;

    Fixture() {
        this(b -> b);
    }

    Fixture(UnaryOperator<ClientOptions.Builder> customize) {
        // A provider that declares its secret query names, as TMDb does: core knows only the generic ones.
        this(customize, ProviderSpec.of("test", "https://example.invalid").withSecretQueryNames("api_key",
                "session_id"));
    }

    Fixture(UnaryOperator<ClientOptions.Builder> customize, ProviderSpec spec) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClientOptions.Builder b = ClientOptions.builder()
                .baseUrl(server.url("/api").toString())
                .httpClient(userClient)
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build());
        pipeline = HttpPipeline.create(customize.apply(b).build(), spec);
    }

    Fixture enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body)
                .setHeader("Content-Type", "application/json").build());
        return this;
    }

    Fixture enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived");
            }
            return r;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        pipeline.close();
        server.close();
        userClient.dispatcher().executorService().shutdown();
        userClient.connectionPool().evictAll();
    }
}
