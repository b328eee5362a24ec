package dev.latchkey.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.testing.LoopbackServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Offset paging against honest and dishonest servers: every walk ends, and no item is served twice. */
class OffsetPagesTest {
    record Body(long count, List<Integer> items) {
    }

    /** A server whose answer to (limit, offset) the test chooses. */
    static MockWebServer server(BiFunction<Integer, Integer, String> answer) throws Exception {
        MockWebServer server = LoopbackServers.newServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
                int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
                return new MockResponse.Builder().body(answer.apply(limit, offset)).build();
            }
        });
        server.start();
        return server;
    }

    /** An honest server: {@code total} items 0, 1, 2, ... served {@code max} at most per page. */
    static String honest(int total, int max, int limit, int offset) {
        List<String> items = new ArrayList<>();
        for (int i = offset; i < Math.min(total, offset + Math.min(limit, max)); i++) {
            items.add(String.valueOf(i));
        }
        return "{\"count\":" + total + ",\"items\":[" + String.join(",", items) + "]}";
    }

    static OffsetPages.SliceCall<Integer> call() {
        return (limit, offset) -> new ApiCall<>(ApiRequest.get("/users").query("limit", limit).query("offset", offset)
                .build(), r -> {
                    Body b = r.json(new TypeReference<Body>() { });
                    return new OffsetPages.Slice<>(b.items(), b.count());
                });
    }

    static HttpPipeline pipeline(MockWebServer server) {
        return HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString()).build(),
                ProviderSpec.of("t", "https://x.invalid"));
    }

    @Test
    void walksLazilyToTheTotalAndGoesOnAfterAShortPage() throws Exception {
        // The server serves 3 at most whatever is asked: a short page is not the end.
        try (MockWebServer server = server((l, o) -> honest(10, 3, l, o)); HttpPipeline p = pipeline(server)) {
            Page<Integer> first = OffsetPages.fetch(p, call(), 4, 0);
            assertThat(first.items()).containsExactly(0, 1, 2);
            assertThat(first.autoPager().stream().limit(5).toList()).containsExactly(0, 1, 2, 3, 4);
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(first.autoPager().stream().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(OffsetPages.fetch(p, call(), 4, 8).autoPager().stream().toList()).containsExactly(8, 9);
            assertThat(OffsetPages.fetchAsync(p, call(), 4, 5).get(5, TimeUnit.SECONDS).autoPagerAsync().collect(100)
                    .get(5, TimeUnit.SECONDS)).containsExactly(5, 6, 7, 8, 9);
        }
    }

    @Test
    void aServerThatIgnoresTheOffsetIsAskedTwiceNotForever() throws Exception {
        try (MockWebServer server = server((l, o) -> honest(1000, 100, l, 0)); HttpPipeline p = pipeline(server)) {
            assertThat(OffsetPages.fetch(p, call(), 2, 0).autoPager().stream().toList()).containsExactly(0, 1);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatRaisesItsTotalPageAfterPageExtendsNothing() throws Exception {
        try (MockWebServer server = server((l, o) -> honest(4 + o, 100, l, o)); HttpPipeline p = pipeline(server)) {
            assertThat(OffsetPages.fetch(p, call(), 2, 0).autoPager().stream().toList()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverTheTotalSays() throws Exception {
        try (MockWebServer server = server((l, o) -> o == 0 ? honest(1_000_000, 100, l, o)
                : "{\"count\":1000000,\"items\":[]}"); HttpPipeline p = pipeline(server)) {
            assertThat(OffsetPages.fetch(p, call(), 2, 0).autoPager().stream().toList()).containsExactly(0, 1);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aNegativeTotalIsNoMore() throws Exception {
        try (MockWebServer server = server((l, o) -> "{\"count\":-5,\"items\":[1,2]}"); HttpPipeline p = pipeline(server)) {
            Page<Integer> page = OffsetPages.fetch(p, call(), 2, 0);
            assertThat(page.items()).containsExactly(1, 2);
            assertThat(page.hasNext()).isFalse();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() throws Exception {
        try (MockWebServer server = server((l, o) -> honest(10, 10, l, o)); HttpPipeline p = pipeline(server)) {
            assertThatThrownBy(() -> OffsetPages.fetch(p, call(), 0, 0)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("limit");
            assertThatThrownBy(() -> OffsetPages.fetch(p, call(), 1, -1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("offset");
            assertThatThrownBy(() -> OffsetPages.fetchAsync(p, call(), 0, 0).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InvalidInputException.class);
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
