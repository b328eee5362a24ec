package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.testing.LoopbackServers;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** TMDb's {@code expires_at} ("2016-08-26 17:04:39 UTC") is read from its fixed layout; anything else is refused. */
class ExpiryParsingTest {

    static RequestTokenAnswer token(String expiresAt) throws Exception {
        MockWebServer server = LoopbackServers.newServer();
        server.enqueue(new MockResponse.Builder().body("{\"success\":true,\"expires_at\":\"" + expiresAt
                + "\",\"request_token\":\"ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd\"}").build());
        server.start();
        return new RequestTokenAnswer(server);
    }

    record RequestTokenAnswer(MockWebServer server) implements AutoCloseable {
        Instant expiresAt() {
            try (TmdbClient tmdb = TmdbClient.builder().apiKey("k").baseUrl(server.url("/").toString()).build()) {
                return tmdb.auth().createRequestToken().expiresAt();
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void theDocumentedLayout() throws Exception {
        try (RequestTokenAnswer a = token("2016-08-26 17:04:39 UTC")) {
            assertThat(a.expiresAt()).isEqualTo(Instant.parse("2016-08-26T17:04:39Z"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-13-26 17:04:39 UTC", "2016-08-26T17:04:39 UTC", "2016-08-2x 17:04:39 UTC",
        "tomorrow", ""})
    void anythingElseIsAnInvalidResponse(String expiresAt) throws Exception {
        try (RequestTokenAnswer a = token(expiresAt)) {
            assertThatThrownBy(a::expiresAt).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("expires_at");
        }
    }
}
