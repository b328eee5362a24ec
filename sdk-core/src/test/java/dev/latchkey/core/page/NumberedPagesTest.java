package dev.latchkey.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.testing.LoopbackServers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class NumberedPagesTest {
    record Body(int page, List<Integer> results, int total_pages) {
    }

    /** A server with 7 pages of 2 items; page n holds 10n and 10n+1. */
    static MockWebServer server() throws Exception {
        MockWebServer server = LoopbackServers.newServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int n = Integer.parseInt(r.getUrl().queryParameter("page"));
                return new MockResponse.Builder().body("{\"page\":" + n + ",\"results\":[" + 10 * n + "," + (10 * n + 1)
                        + "],\"total_pages\":7}").build();
            }
        });
        server.start();
        return server;
    }

    static IntFunction<ApiCall<NumberedPages.Slice<Integer>>> call() {
        return n -> new ApiCall<>(ApiRequest.get("/list").query("page", n).build(), r -> {
            Body b = r.json(new TypeReference<Body>() { });
            return new NumberedPages.Slice<>(b.results(), b.page(), b.total_pages());
        });
    }

    @Test
    void walksPagesLazilyAndStopsAtTheLastOrTheCap() throws Exception {
        try (MockWebServer server = server();
                HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString())
                        .build(), ProviderSpec.of("t", "https://x.invalid"))) {
            Page<Integer> first = NumberedPages.fetch(p, call(), 1, 500);
            assertThat(first.autoPager().stream().limit(3).toList()).containsExactly(10, 11, 20);
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(first.autoPager().stream().count()).isEqualTo(14);
            assertThat(NumberedPages.fetch(p, call(), 1, 3).autoPager().stream().toList())
                    .containsExactly(10, 11, 20, 21, 30, 31);
            assertThat(NumberedPages.fetchAsync(p, call(), 6, 500).get(5, TimeUnit.SECONDS).autoPagerAsync()
                    .collect(10).get(5, TimeUnit.SECONDS)).containsExactly(60, 61, 70, 71);
        }
    }
}
