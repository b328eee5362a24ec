package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.error.ServerException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Per-call options and raw answers: the pipeline views every provider client's withRequestOptions and withResponse use. */
class PipelineViewsTest {

    @Test
    void aViewsCallsCarryItsHeadersRetriesAndIdempotencyKeyAndTheParentsDoNot() {
        try (Fixture f = new Fixture()) {
            HttpPipeline view = f.pipeline.withRequestOptions(RequestOptions.builder().header("X-Trace", "t-1")
                    .maxRetries(0).build());
            f.enqueue(503, "down");
            assertThatThrownBy(() -> view.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class);
            assertThat(f.take().getHeaders().get("X-Trace")).isEqualTo("t-1");
            assertThat(f.sleeper.slept()).isEmpty(); // no retry: the view said 0

            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard());
            assertThat(f.take().getHeaders().get("X-Trace")).isNull();

            // An idempotency key makes a POST replayable: retried after a 503 like a GET.
            HttpPipeline keyed = f.pipeline.withRequestOptions(RequestOptions.builder().idempotencyKey("op-7").build());
            f.enqueue(503, "down").enqueue(200, "{}");
            keyed.execute(ApiRequest.post("/b").jsonBody(Map.of("x", 1)).build(), ResponseParser.discard());
            RecordedRequest first = f.take();
            assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo("op-7");
            assertThat(f.take().getHeaders().get("Idempotency-Key")).isEqualTo("op-7");
        }
    }

    @Test
    void theCallsOwnOptionsYieldToTheViewsWhereBothSetOne() {
        RequestOptions call = RequestOptions.builder().header("A", "call").header("B", "call").maxRetries(3).build();
        RequestOptions view = RequestOptions.builder().header("B", "view").timeout(Duration.ofSeconds(2)).build();
        RequestOptions merged = call.overriddenBy(view);
        assertThat(merged.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "call", "B", "view"));
        assertThat(merged.maxRetries()).contains(3);
        assertThat(merged.timeout()).contains(Duration.ofSeconds(2));
        assertThat(RequestOptions.none().overriddenBy(view)).isSameAs(view);
        assertThat(call.overriddenBy(RequestOptions.none())).isSameAs(call);
    }

    @Test
    void withResponseGivesTheValueAndTheLastAnswersStatusHeadersAndRequestId() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(201).setHeader("X-Request-Id", "req-1")
                    .setHeader("X-RateLimit-Remaining", "41").setHeader("Content-Type", "application/json")
                    .body("{\"n\":1}").build());
            var r = f.pipeline.withResponse(p -> p.request("GET", "/a", null, null, Map.class));
            assertThat(r.value().get("n")).isEqualTo(1);
            ResponseInfo info = r.response().orElseThrow();
            assertThat(info.status()).isEqualTo(201);
            assertThat(info.requestId()).contains("req-1");
            assertThat(info.headers().get("X-RateLimit-Remaining")).isEqualTo("41");
            assertThat(info.toString()).contains("201", "req-1").doesNotContain("41");

            f.enqueue(200, "{\"n\":2}");
            var async = f.pipeline.withResponseAsync(p -> p.executeAsync(ApiRequest.get("/a").build(),
                    ResponseParser.discard()));
            assertThat(async.get(5, TimeUnit.SECONDS).response().orElseThrow().status()).isEqualTo(200);

            // A call that makes no HTTP request has no answer to show.
            assertThat(f.pipeline.withResponse(p -> "local").response()).isEmpty();
        }
    }

    @Test
    void closingAViewClosesNothingAndAClosedParentFailsItsViewsCalls() {
        try (Fixture f = new Fixture()) {
            // A pipeline that owns its OkHttp client (the fixture's shares the test's).
            HttpPipeline owner = HttpPipeline.create(dev.latchkey.core.ClientOptions.builder()
                    .baseUrl(f.server.url("/api").toString()).build(), ProviderSpec.of("t", "https://x.invalid"));
            HttpPipeline view = owner.withRequestOptions(RequestOptions.builder().header("X", "1").build());
            view.close();
            f.enqueue(200, "{}");
            owner.execute(ApiRequest.get("/a").build(), ResponseParser.discard());
            owner.close();
            assertThatThrownBy(() -> view.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void headersTheCallerAddsAreSecretInLogsAndErrorsForLatchkeyCannotTellWhichAreCredentials() {
        try (Fixture f = new Fixture(b -> b.header("X-Gateway-Key", "gw-key-5c1d9e"));
                dev.latchkey.core.testing.LogCapture logs = new dev.latchkey.core.testing.LogCapture()) {
            HttpPipeline view = f.pipeline.withRequestOptions(RequestOptions.builder()
                    .header("X-Tenant-Token", "tt-8a7f3b21").maxRetries(0).build());
            f.enqueue(500, "{\"error\":\"refused gw-key-5c1d9e for tt-8a7f3b21\"}");
            assertThatThrownBy(() -> view.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class).hasMessageContaining("refused ***")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("gw-key-5c1d9e", "tt-8a7f3b21"));
            RecordedRequest sent = f.take();
            assertThat(sent.getHeaders().get("X-Gateway-Key")).isEqualTo("gw-key-5c1d9e");
            assertThat(sent.getHeaders().get("X-Tenant-Token")).isEqualTo("tt-8a7f3b21");
            assertThat(logs.text()).contains("X-Gateway-Key: ***", "X-Tenant-Token: ***")
                    .doesNotContain("gw-key-5c1d9e").doesNotContain("tt-8a7f3b21");
        }
    }

    @Test
    void aWithResponseShowsItsValuesTypeButNeverTheValue() {
        WithResponse<Map<String, String>> r = new WithResponse<>(Map.of("token", "tok-3e9a1f"),
                new ResponseInfo(200, okhttp3.Headers.of("Set-Cookie", "session=s-77c1"), "req-2"));
        assertThat(r.toString()).contains("Map", "200", "req-2").doesNotContain("tok-3e9a1f", "s-77c1");
    }
}
