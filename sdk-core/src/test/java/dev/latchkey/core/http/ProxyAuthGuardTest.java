package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.LoopbackServers;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A 407 from a server that is not a proxy: a typed failure, and no connection left open (OkHttp leaked one). */
class ProxyAuthGuardTest {
    @Test
    void a407WithoutAProxyIsATransportFailureThatLeavesNothingOpen() throws Exception {
        OpenResponseCounter counter = new OpenResponseCounter();
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
        try (MockWebServer server = LoopbackServers.newServer()) {
            for (int i = 0; i < 4; i++) {
                server.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic")
                        .body("proxy says no").build());
            }
            server.start();
            try (HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString())
                    .httpClient(http).retryPolicy(RetryPolicy.builder().maxRetries(0).build()).build(),
                    ProviderSpec.of("t", "https://x.invalid"))) {
                ApiCall<Void> call = new ApiCall<>(ApiRequest.post("/login").jsonBody(java.util.Map.of("a", 1))
                        .build(), ResponseParser.discard());
                assertThatThrownBy(() -> call.execute(p)).isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.getMessage()).contains("POST /login").contains("407"));
                assertThatThrownBy(() -> call.executeAsync(p).get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TransportException.class);
                assertThat(counter.open()).as("bodies left open").isZero();
            }
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }
}
