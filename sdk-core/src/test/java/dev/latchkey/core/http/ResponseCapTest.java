package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.InvalidResponseException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** maxResponseBytes: an answer over the cap fails typed, whether its length is announced or only found by reading. */
class ResponseCapTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String BIG = "[" + "1,".repeat(1000) + "1]";

    private HttpPipeline pipeline() {
        return HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString()).maxResponseBytes(1000)
                .retryPolicy(RetryPolicy.none()).build(), ProviderSpec.of("t", "https://x.invalid"));
    }

    @Test
    void anAnswerAnnouncingMoreThanTheCapFailsBeforeItIsRead() {
        server.enqueue(new MockResponse.Builder().body(BIG).build());
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(ApiRequest.builder("GET", "/big").build(), ResponseParser.tree()))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("larger than 1000 bytes")
                    .hasMessageContaining("GET /big");
        }
    }

    @Test
    void aChunkedAnswerGrowingPastTheCapFailsWhenItGetsThere() {
        server.enqueue(new MockResponse.Builder().chunkedBody(BIG, 128).build());
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(ApiRequest.builder("GET", "/big").build(), ResponseParser.tree()))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("larger than 1000 bytes");
        }
    }

    @Test
    void anAnswerUnderTheCapIsRead() {
        server.enqueue(new MockResponse.Builder().body("[1,2,3]").build());
        try (HttpPipeline p = pipeline()) {
            assertThat(p.execute(ApiRequest.builder("GET", "/small").build(), ResponseParser.tree()).size())
                    .isEqualTo(3);
        }
    }
}
