package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.core.testing.LoopbackServers;
import dev.latchkey.core.testing.Traces;
import java.net.Proxy;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Issue 31: a proxy per client, its credentials answering the proxy's 407 and shown nowhere. */
class ProxyTest {
    private static final String PASSWORD = "pr0xy-s3cret-pass";

    @Test
    void callsGoThroughTheProxyWhichIsAnsweredOnceWithItsCredentials() throws Exception {
        try (MockWebServer proxy = LoopbackServers.newServer(); LogCapture log = new LogCapture()) {
            proxy.start();
            proxy.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"p\"")
                    .build());
            proxy.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"ok\":true}").build());
            ClientOptions options = ClientOptions.builder().baseUrl("http://127.0.0.1:9/api")
                    .proxy("http://scraper:" + PASSWORD + "@127.0.0.1:" + proxy.getPort())
                    .retryPolicy(RetryPolicy.none()).build();
            try (HttpPipeline p = HttpPipeline.create(options, ProviderSpec.of("test", "https://example.invalid"))) {
                Map<?, ?> answer = p.request("GET", "/thing", null, null, Map.class);
                assertThat(answer.get("ok")).isEqualTo(true);
            }
            RecordedRequest first = proxy.takeRequest();
            RecordedRequest second = proxy.takeRequest();
            assertThat(first.getTarget()).isEqualTo("http://127.0.0.1:9/api/thing");
            assertThat(first.getHeaders().get("Proxy-Authorization")).isNull();
            assertThat(second.getHeaders().get("Proxy-Authorization"))
                    .isEqualTo(okhttp3.Credentials.basic("scraper", PASSWORD));
            assertThat(options.proxy()).map(Proxy::type).contains(Proxy.Type.HTTP);
            assertThat(options.toString()).contains("proxy=http://***@127.0.0.1:" + proxy.getPort())
                    .doesNotContain(PASSWORD, "scraper");
            assertThat(log.text()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsFailsTypedWithoutQuotingThem() throws Exception {
        try (MockWebServer proxy = LoopbackServers.newServer()) {
            proxy.start();
            for (int i = 0; i < 2; i++) {
                proxy.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate",
                        "Basic realm=\"" + PASSWORD + "\"").body("bad credentials for scraper:" + PASSWORD).build());
            }
            ClientOptions options = ClientOptions.builder().baseUrl("http://127.0.0.1:9/api")
                    .proxy("http://scraper:" + PASSWORD + "@127.0.0.1:" + proxy.getPort())
                    .retryPolicy(RetryPolicy.none()).build();
            try (HttpPipeline p = HttpPipeline.create(options, ProviderSpec.of("test", "https://example.invalid"))) {
                Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                        () -> p.request("GET", "/thing", null, null, Map.class));
                assertThat(t).isInstanceOf(LatchkeyException.class);
                assertThat(Traces.printed(t)).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void onlyHttpAndSocks5WithAHostAndPortAndNoSocksCredentials() {
        assertThat(ClientOptions.builder().proxy("socks5://127.0.0.1:1080").build().proxy()).map(Proxy::type)
                .contains(Proxy.Type.SOCKS);
        assertThat(ClientOptions.builder().build().proxy()).isEmpty();
        assertThatThrownBy(() -> ClientOptions.builder().proxy("socks5://u:" + PASSWORD + "@127.0.0.1:1080"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SOCKS proxy with credentials")
                .message().doesNotContain(PASSWORD);
        assertThatThrownBy(() -> ClientOptions.builder().proxy("ftp://127.0.0.1:21"))
                .hasMessageContaining("http://host:port or socks5://host:port");
        assertThatThrownBy(() -> ClientOptions.builder().proxy("http://127.0.0.1"))
                .hasMessageContaining("a host and a port");
        assertThatThrownBy(() -> ClientOptions.builder().proxy("http://u:" + PASSWORD + "@[bad"))
                .isInstanceOf(InvalidInputException.class).message().doesNotContain(PASSWORD);
    }
}
