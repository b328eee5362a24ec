package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.LoopbackServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void closeLeavesTheCallersClientUsable() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{}").enqueue(200, "plain");
            f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            f.pipeline.close();
            f.pipeline.close(); // idempotent
            try (Response r = f.userClient.newCall(new Request.Builder().url(f.server.url("/y")).build()).execute()) {
                assertThat(r.body().string()).isEqualTo("plain");
            }
            assertThat(f.userClient.dispatcher().executorService().isShutdown()).isFalse();
        }
    }

    @Test
    void closeShutsDownWhatLatchkeyCreated() throws Exception {
        try (MockWebServer server = LoopbackServers.newServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{}").build());
            HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString()).build(),
                    ProviderSpec.of("t", "https://x.invalid"));
            p.executeAsync(ApiRequest.get("/x").build(), ResponseParser.discard()).get(5, TimeUnit.SECONDS);
            p.close();
            assertThat(p.ownedClientForTest().dispatcher().executorService().isShutdown()).isTrue();
            assertThat(p.ownedClientForTest().connectionPool().connectionCount()).isZero();
            assertThatThrownBy(() -> p.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void withOptionsSharesThePoolAndItsCloseReleasesNothing() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{\"a\":1}").enqueue(200, "{\"a\":2}");
            HttpPipeline derived = f.pipeline.withOptions(f.pipeline.options().toBuilder().userAgent("bot/2").build());
            derived.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            derived.close();
            assertThat(f.take().getHeaders().get("User-Agent")).startsWith("bot/2 latchkey-java/");
            f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            var second = f.take();
            assertThat(second.getHeaders().get("User-Agent")).startsWith("latchkey-java/");
            assertThat(second.getConnectionIndex()).isZero(); // the same pooled connection served both
        }
    }

    @Test
    void everythingDerivedFromAClientEndsWithIt() throws Exception {
        // Issue 28, bug 1: after parent.close(), a withOptions client kept making sync calls while its async calls
        // failed with "executor rejected". One lifecycle now: every derivation ends with its client, sync and async.
        try (MockWebServer server = LoopbackServers.newServer()) {
            server.start();
            OkHttpClient callers = new OkHttpClient();
            HttpPipeline parent = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString())
                    .build(), ProviderSpec.of("t", "https://x.invalid"));
            java.util.List<java.util.function.Supplier<HttpPipeline>> derivations = java.util.List.of(
                    () -> parent.withOptions(parent.options().toBuilder().userAgent("bot/2").build()),
                    () -> parent.withOptions(parent.options().toBuilder().httpClient(callers).build()),
                    () -> parent.withRequestOptions(dev.latchkey.core.RequestOptions.builder().build()),
                    () -> parent.withOptions(parent.options()).withRequestOptions(
                            dev.latchkey.core.RequestOptions.builder().build()));
            java.util.List<HttpPipeline> derived = derivations.stream().map(java.util.function.Supplier::get).toList();
            for (HttpPipeline d : derived) {
                server.enqueue(new MockResponse.Builder().body("{}").build());
                d.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
                d.close(); // a derived client's close ends nothing
            }
            server.enqueue(new MockResponse.Builder().body("{}").build());
            parent.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            parent.close();
            for (HttpPipeline d : derived) {
                assertThatThrownBy(() -> d.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
                assertThat(d.executeAsync(ApiRequest.get("/x").build(), ResponseParser.discard()))
                        .failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .havingCause().isInstanceOf(IllegalStateException.class).withMessageContaining("closed");
                assertThatThrownBy(() -> d.withResponse(v -> v.execute(ApiRequest.get("/x").build(),
                        ResponseParser.discard()))).isInstanceOf(IllegalStateException.class);
            }
            assertThat(server.getRequestCount()).isEqualTo(derived.size() + 1);
            callers.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            CompletableFuture<JsonNode> future = f.pipeline.executeAsync(ApiRequest.get("/stall").build(),
                    ResponseParser.tree());
            f.take(); // the request reached the server
            assertThat(f.userClient.dispatcher().runningCallsCount()).isEqualTo(1);
            assertThat(future.cancel(true)).isTrue();
            awaitNoRunningCalls(f.userClient);
            assertThat(f.userClient.dispatcher().runningCallsCount()).isZero();
            assertThat(f.server.getRequestCount()).isEqualTo(1);
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aSyncCallFromAnInterruptedCancellationIsTyped() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            Thread caller = Thread.currentThread();
            Thread canceller = new Thread(() -> {
                f.take();
                f.userClient.dispatcher().cancelAll();
            });
            canceller.start();
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/stall").build(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELED));
            assertThat(caller.isInterrupted()).isFalse();
        }
    }

    @Test
    void streamReadsAHugeArrayLazilyAndClosesTheResponse() {
        try (Fixture f = new Fixture()) {
            String body = IntStream.range(0, 20_000).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"n" + i + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            f.enqueue(200, body).enqueue(200, body);
            try (Stream<FailureTest.Item> s = f.pipeline.stream(ApiRequest.get("/all").build(),
                    FailureTest.Item.class)) {
                assertThat(s.mapToLong(FailureTest.Item::id).sum()).isEqualTo(19_999L * 20_000 / 2);
            }
            assertThat(f.counter.open()).isZero();
            try (Stream<FailureTest.Item> s = f.pipeline.stream(ApiRequest.get("/all").build(),
                    FailureTest.Item.class)) {
                assertThat(s.limit(3).map(FailureTest.Item::name).toList()).containsExactly("n0", "n1", "n2");
            }
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aStreamThatBreaksMidwayThrowsTypedAndCloses() {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"},{\"id\":3,\"na");
            try (Stream<FailureTest.Item> s = f.pipeline.stream(ApiRequest.get("/all").build(),
                    FailureTest.Item.class)) {
                assertThatThrownBy(s::toList).isInstanceOf(dev.latchkey.core.error.InvalidResponseException.class)
                        .hasMessageContaining("truncated JSON");
            }
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void jsonListReadsElementByElementAndNamesTheBadIndex() {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "[{\"id\":1,\"name\":\"a\"},{\"id\":\"x\",\"name\":\"b\"}]");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.list(FailureTest.Item.class)))
                    .isInstanceOfSatisfying(dev.latchkey.core.error.InvalidResponseException.class,
                            e -> assertThat(e.field()).contains("[1].id"));
        }
    }

    @Test
    void rawResponseKeepsStatusHeadersAndRequestIdAndParsesOnDemand() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(201).setHeader("X-Request-Id", "r-9")
                    .body("{\"id\":5,\"name\":\"e\"}").build());
            RawResponse raw = f.pipeline.executeRaw(ApiRequest.post("/items").jsonBody(Map.of("name", "e")).build());
            assertThat(raw.status()).isEqualTo(201);
            assertThat(raw.requestId()).contains("r-9");
            assertThat(raw.parse(FailureTest.Item.class).id()).isEqualTo(5);
            assertThatThrownBy(() -> raw.parse(List.class))
                    .isInstanceOf(dev.latchkey.core.error.InvalidResponseException.class);
        }
    }

    @Test
    void theTypedEscapeHatchReachesUnmodelledEndpoints() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{\"id\":9,\"name\":\"z\"}");
            FailureTest.Item item = f.pipeline.request("PATCH", "/v9/items/9", Map.of("api_key", "secretkey123"),
                    Map.of("name", "z"), FailureTest.Item.class);
            assertThat(item.name()).isEqualTo("z");
            var recorded = f.take();
            assertThat(recorded.getMethod()).isEqualTo("PATCH");
            assertThat(recorded.getTarget()).isEqualTo("/api/v9/items/9?api_key=secretkey123");
            assertThat(recorded.getBody().utf8()).isEqualTo("{\"name\":\"z\"}");
        }
    }

    @Test
    void pathParametersAreEncodedAsOneSegment() {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/u/{id}/p").pathParam("id", "../admin?x=1").build(),
                    ResponseParser.discard());
            assertThat(f.take().getTarget()).isEqualTo("/api/u/..%2Fadmin%3Fx=1/p");
        }
    }

    private static void awaitNoRunningCalls(OkHttpClient client) throws InterruptedException {
        for (int i = 0; i < 500 && client.dispatcher().runningCallsCount() > 0; i++) {
            Thread.sleep(10);
        }
    }
}
