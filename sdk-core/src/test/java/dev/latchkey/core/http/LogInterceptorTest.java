package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.internal.RedactingLogInterceptor;
import dev.latchkey.core.testing.LogCapture;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** What the log interceptor writes at DEBUG and TRACE, and what it never writes. */
class LogInterceptorTest {
    static final int MAX = 64 * 1024;

    private static Fixture fixture() {
        return new Fixture(b -> b.retryPolicy(RetryPolicy.none()));
    }

    @Test
    void secretQueryParametersAreMaskedAtDebug() {
        try (Fixture f = fixture(); LogCapture logs = new LogCapture()) {
            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").query("api_key", "k3y-0f9e8d7c").build(), ResponseParser.discard());
            assertThat(logs.text()).contains("api_key=***").doesNotContain("k3y-0f9e8d7c");
        }
    }

    @Test
    void aSecretQueryValueTooShortToScrubIsStillMaskedByName() {
        // Values under 4 characters are not scrubbed by value (that would mask every "a" in a log): the query
        // parameter's name alone must hide it.
        try (Fixture f = fixture(); LogCapture logs = new LogCapture()) {
            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").query("api_key", "k3y").build(), ResponseParser.discard());
            assertThat(logs.text()).contains("api_key=***").doesNotContain("api_key=k3y");
        }
    }

    @Test
    void atTraceBothBodiesAreLoggedUnlessTheCallIsSensitive() {
        try (Fixture f = fixture(); LogCapture logs = new LogCapture()) {
            f.enqueue(200, "{\"answer\":42}").enqueue(200, "{\"token\":\"t\"}");
            f.pipeline.execute(ApiRequest.post("/a").jsonBody(Map.of("question", "life")).build(),
                    ResponseParser.discard());
            assertThat(logs.text()).contains("--> body (19 bytes): {\"question\":\"life\"}")
                    .contains("<-- body: {\"answer\":42}");
            f.pipeline.execute(ApiRequest.post("/login").jsonBody(Map.of("password", "pw-6e1d")).sensitive().build(),
                    ResponseParser.discard());
            assertThat(logs.text()).doesNotContain("pw-6e1d").doesNotContain("\"token\"");
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsLoggedWholeAndOneByteMoreIsMarkedCut() {
        try (Fixture f = fixture(); LogCapture logs = new LogCapture()) {
            f.enqueue(200, "\"" + "x".repeat(MAX - 2) + "\"");
            f.pipeline.execute(ApiRequest.get("/exact").build(), ResponseParser.discard());
            assertThat(logs.text()).contains("<-- body: \"xxx").doesNotContain("(first");
            f.enqueue(200, "\"" + "x".repeat(MAX - 1) + "\"");
            f.pipeline.execute(ApiRequest.get("/more").build(), ResponseParser.discard());
            assertThat(logs.text()).contains("<-- body (first " + MAX + " bytes): \"xxx");
        }
    }

    @Test
    void aBodyThatBreaksIsLoggedAsUnreadable() {
        try (Fixture f = fixture(); LogCapture logs = new LogCapture()) {
            f.enqueue(new MockResponse.Builder().code(200).body("{\"a\":" + "1".repeat(5000))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
            try {
                f.pipeline.execute(ApiRequest.get("/broken").build(), ResponseParser.tree());
            } catch (RuntimeException expected) {
                // The failure itself is tested elsewhere.
            }
            assertThat(logs.text()).contains("<-- body unreadable");
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void nothingIsLoggedWhenDebugIsOff() {
        try (Fixture f = fixture()) {
            f.enqueue(200, "{}");
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RedactingLogInterceptor.LOGGER_NAME);
            assertThat(log.isDebugEnabled()).isFalse();
            f.pipeline.execute(ApiRequest.get("/quiet").build(), ResponseParser.discard());
        }
    }
}
