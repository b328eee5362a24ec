package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.TransportException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryTest {
    private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 502, 503, 504);
    private static final Set<String> REPLAYABLE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE");

    static Stream<Arguments> statusByMethod() {
        List<Arguments> cases = new ArrayList<>();
        for (int status : new int[] {400, 401, 403, 404, 408, 409, 429, 500, 501, 502, 503, 504}) {
            for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"}) {
                cases.add(Arguments.of(status, method,
                        RETRIED_STATUSES.contains(status) && REPLAYABLE_METHODS.contains(method)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} answered {0}: retried={2}")
    @MethodSource("statusByMethod")
    void retriesOnlyRetryableStatusesOfReplayableRequests(int status, String method, boolean retried) {
        try (Fixture f = new Fixture()) {
            // A HEAD answer has no body; MockWebServer would send one and desynchronize the connection.
            boolean head = method.equals("HEAD");
            f.enqueue(status, head ? "" : "{\"message\":\"no\"}").enqueue(200, head ? "" : "{\"ok\":true}");
            ApiRequest.Builder b = ApiRequest.builder(method, "/thing");
            if (!method.equals("HEAD") && !method.equals("GET") && !method.equals("DELETE")) {
                b.jsonBody(Map.of("a", 1));
            }
            if (retried) {
                f.pipeline.execute(b.build(), ResponseParser.discard());
                assertThat(f.server.getRequestCount()).isEqualTo(2);
                assertThat(f.sleeper.slept()).containsExactly(500L);
            } else {
                assertThatThrownBy(() -> f.pipeline.execute(b.build(), ResponseParser.discard()))
                        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
                assertThat(f.server.getRequestCount()).isEqualTo(1);
                assertThat(f.sleeper.slept()).isEmpty();
            }
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void backoffDoublesWithExactDelaysAndGivesUpAfterMaxRetries() {
        try (Fixture f = new Fixture()) {
            f.enqueue(503, "{}").enqueue(503, "{}").enqueue(503, "{}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class)
                    .hasMessageStartingWith("HTTP 503 on GET /x: Service Unavailable");
            assertThat(f.server.getRequestCount()).isEqualTo(3);
            assertThat(f.sleeper.slept()).containsExactly(500L, 1000L);
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void jitterShortensTheWaitByTheInjectedRandomShare() {
        RetryPolicy jittery = RetryPolicy.builder().maxRetries(3).jitter(0.25).random(() -> 0.5).build();
        try (Fixture f = new Fixture(b -> b.retryPolicy(jittery))) {
            f.enqueue(502, "{}").enqueue(502, "{}").enqueue(502, "{}").enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            // backoff * (1 - 0.25 * 0.5): 500 -> 438, 1000 -> 875, 2000 -> 1750
            assertThat(f.sleeper.slept()).containsExactly(438L, 875L, 1750L);
        }
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(6).random(() -> 0.0).build();
        assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(policy::backoffMillis))
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("{}").build())
                    .enqueue(200, "{\"n\":1}");
            f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.tree());
            assertThat(f.sleeper.slept()).containsExactly(2000L);
        }
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredOnTheInjectedClock() {
        try (Fixture f = new Fixture()) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    f.clock.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
            f.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", date).body("{}").build())
                    .enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            assertThat(f.sleeper.slept()).containsExactly(5000L);
        }
    }

    @Test
    void retryAfterAboveTheCapIsThrownAtOnce() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120")
                    .body("{\"message\":\"slow down\"}").build()).enqueue(200, "{}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                        assertThat(e.getMessage()).contains("slow down").contains("retry-after: 120.0s");
                    });
            assertThat(f.server.getRequestCount()).isEqualTo(1);
            assertThat(f.sleeper.slept()).isEmpty();
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void theTotalDeadlineIsCheckedBeforeEachWait() {
        try (Fixture f = new Fixture(b -> b.totalTimeout(Duration.ofMillis(1200)))) {
            f.enqueue(503, "{}").enqueue(503, "{}").enqueue(200, "{}");
            // First wait (500 ms) fits; the second (1000 ms) would end past 1200 ms, so the 503 is thrown.
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class);
            assertThat(f.sleeper.slept()).containsExactly(500L);
            assertThat(f.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aRequestMarkedNotReplayableIsNeverRetriedEvenIfIdempotent() {
        try (Fixture f = new Fixture()) {
            f.enqueue(503, "{}").enqueue(200, "{}");
            ApiRequest login = ApiRequest.put("/login").jsonBody(Map.of("u", "x")).replayable(false).build();
            assertThatThrownBy(() -> f.pipeline.execute(login, ResponseParser.discard()))
                    .isInstanceOf(ServerException.class);
            assertThat(f.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void anIdempotencyKeyMakesAPostReplayableAndIsSent() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(503, "{}").enqueue(200, "{}");
            ApiRequest post = ApiRequest.post("/favorite").jsonBody(Map.of("id", 1))
                    .options(RequestOptions.builder().idempotencyKey("op-42").build()).build();
            f.pipeline.execute(post, ResponseParser.discard());
            assertThat(f.server.getRequestCount()).isEqualTo(2);
            assertThat(f.take().getHeaders().get("Idempotency-Key")).isEqualTo("op-42");
            assertThat(f.take().getHeaders().get("Idempotency-Key")).isEqualTo("op-42");
        }
    }

    @Test
    void perRequestMaxRetriesOverridesThePolicy() {
        try (Fixture f = new Fixture()) {
            f.enqueue(503, "{}").enqueue(503, "{}").enqueue(200, "{}");
            ApiRequest r = ApiRequest.get("/x").options(RequestOptions.builder().maxRetries(0).build()).build();
            assertThatThrownBy(() -> f.pipeline.execute(r, ResponseParser.discard()))
                    .isInstanceOf(ServerException.class);
            assertThat(f.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void connectionResetsOfIdempotentRequestsAreRetried() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                    .enqueue(200, "{\"ok\":true}");
            assertThat(f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.tree()).get("ok").asBoolean())
                    .isTrue();
            assertThat(f.sleeper.slept()).containsExactly(500L);
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void connectionResetsOfAPostAreNotRetried() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                    .enqueue(200, "{}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.post("/login").jsonBody(Map.of("a", 1)).build(),
                    ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
            assertThat(f.sleeper.slept()).isEmpty();
        }
    }

    @Test
    void asyncRetriesAreScheduledWithTheSameDelaysAndNeverSlept() throws Exception {
        try (Fixture f = new Fixture()) {
            f.enqueue(429, "{}").enqueue(503, "{}").enqueue(200, "{\"n\":7}");
            int n = f.pipeline.executeAsync(ApiRequest.get("/x").build(), r -> r.tree().get("n").asInt())
                    .get(10, TimeUnit.SECONDS);
            assertThat(n).isEqualTo(7);
            assertThat(f.sleeper.scheduled()).containsExactly(500L, 1000L);
            assertThat(f.sleeper.slept()).isEmpty();
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void asyncGivesUpWithTheTypedException() {
        try (Fixture f = new Fixture()) {
            f.enqueue(503, "{}").enqueue(503, "{}").enqueue(503, "{\"message\":\"down\"}");
            assertThatThrownBy(() -> f.pipeline.executeAsync(ApiRequest.get("/x").build(), ResponseParser.discard())
                    .get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ServerException.class)
                    .cause().hasMessageContaining("down");
            assertThat(f.server.getRequestCount()).isEqualTo(3);
            assertThat(f.counter.open()).isZero();
        }
    }
}
