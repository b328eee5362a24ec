package dev.latchkey.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.RateBudgetException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.http.ResponseParser;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The rate budget: its reservations by an injected clock, and the pipeline taking a permit before every attempt. */
class RateBudgetTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void reservationsQueueBehindEachOtherAtTheRefillPace() {
        RateBudget budget = RateBudget.local("kemono:alice", RateLimit.perSecond(4), clock);
        assertThat(budget.reserve(Duration.ofSeconds(1))).contains(Duration.ZERO);
        assertThat(budget.reserve(Duration.ofSeconds(1))).contains(Duration.ofMillis(250));
        assertThat(budget.reserve(Duration.ofSeconds(1))).contains(Duration.ofMillis(500));
        assertThat(budget.reserve(Duration.ofMillis(600))).as("750 ms away: too late").isEmpty();
        assertThat(budget.reserve(Duration.ofSeconds(1))).as("nothing was taken by the refusal")
                .contains(Duration.ofMillis(750));
        clock.advance(Duration.ofSeconds(2));
        assertThat(budget.reserve(Duration.ZERO)).contains(Duration.ZERO);
        assertThat(budget.reserve(Duration.ZERO)).as("burst of one").isEmpty();
    }

    @Test
    void aBurstLetsThatManyGoAtOnce() {
        RateBudget budget = RateBudget.local("x", RateLimit.of(3, Duration.ofSeconds(3)), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.reserve(Duration.ZERO)).contains(Duration.ZERO);
        }
        assertThat(budget.reserve(Duration.ZERO)).isEmpty();
        assertThat(budget.reserve(Duration.ofSeconds(5))).contains(Duration.ofSeconds(1));
    }

    @Test
    void aPauseHoldsEveryoneUntilItEndsAndOnlyALaterPauseReplacesIt() {
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(100), clock);
        budget.pauseUntil(clock.instant().plusSeconds(2)).join();
        budget.pauseUntil(clock.instant().plusSeconds(1)).join();
        assertThat(budget.reserve(Duration.ofSeconds(1))).isEmpty();
        assertThat(budget.reserve(Duration.ofSeconds(3))).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(budget.reserveAsync(Duration.ZERO).join()).contains(Duration.ZERO);
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> RateLimit.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of(2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of(2, Duration.ofSeconds(1)).withBurst(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpPipeline pipeline(RateBudget budget, boolean wait, RecordingSleeper sleeper) {
        return HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString()).clock(clock)
                .sleeper(sleeper).rateBudget(budget).waitForRateBudget(wait)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).build()).build(), ProviderSpec.of("test",
                        "https://example.invalid"));
    }

    private static ApiRequest get() {
        return ApiRequest.builder("GET", "/v1/things").build();
    }

    @Test
    void everySyncAttemptWaitsForItsPermitThroughTheSleeper() {
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(2), clock);
        try (HttpPipeline p = pipeline(budget, true, sleeper)) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().body("{}").build());
                p.execute(get(), ResponseParser.discard());
            }
        }
        assertThat(sleeper.slept()).containsExactly(500L, 500L);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void asyncAttemptsScheduleTheirWaitInsteadOfBlocking() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(2), clock);
        try (HttpPipeline p = pipeline(budget, true, sleeper)) {
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse.Builder().body("{}").build());
                p.executeAsync(get(), ResponseParser.discard()).get();
            }
        }
        assertThat(sleeper.slept()).isEmpty();
        assertThat(sleeper.scheduled()).containsExactly(500L);
    }

    @Test
    void aSpentBudgetFailsFastWhenToldToAndSendsNothing() {
        RateBudget budget = RateBudget.local("kemono:alice", RateLimit.perSecond(1), clock);
        try (HttpPipeline p = pipeline(budget, false, new RecordingSleeper(clock))) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            p.execute(get(), ResponseParser.discard());
            assertThatThrownBy(() -> p.execute(get(), ResponseParser.discard()))
                    .isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("GET /v1/things")
                    .hasMessageContaining("rate budget 'kemono:alice'")
                    .hasMessageContaining("nothing was sent");
            assertThatThrownBy(() -> p.executeAsync(get(), ResponseParser.discard()).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RateLimitedException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBudgetBeyondTheDeadlineFailsInsteadOfWaitingPastIt() {
        RateBudget budget = RateBudget.local("x", RateLimit.of(1, Duration.ofMinutes(10)), clock);
        try (HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString())
                .clock(clock).sleeper(new RecordingSleeper(clock)).rateBudget(budget)
                .totalTimeout(Duration.ofSeconds(30)).build(), ProviderSpec.of("test", "https://x.invalid"))) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            p.execute(get(), ResponseParser.discard());
            assertThatThrownBy(() -> p.execute(get(), ResponseParser.discard()))
                    .isInstanceOf(RateLimitedException.class).hasMessageContaining("within the call's deadline");
        }
    }

    @Test
    void a429WithRetryAfterPausesTheWholeBudget() {
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(100), clock);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (HttpPipeline p = pipeline(budget, true, sleeper)) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build());
            server.enqueue(new MockResponse.Builder().body("{}").build());
            p.execute(get(), ResponseParser.discard());
        }
        // The retry waited 7 s for Retry-After, and its permit then came at once: the pause ended with that wait.
        assertThat(sleeper.slept()).containsExactly(7000L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theRetryAfterPauseReachesASharerThatSentNothing() {
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(100), clock);
        try (HttpPipeline p = pipeline(budget, true, new RecordingSleeper(clock))) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "9").body("{}").build());
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "9").body("{}").build());
            assertThatThrownBy(() -> p.execute(ApiRequest.builder("GET", "/v1/things").build(),
                    ResponseParser.discard())).isInstanceOf(RateLimitedException.class);
        }
        assertThat(budget.reserve(Duration.ofSeconds(8))).as("paused for 9 s from the last 429").isEmpty();
        assertThat(budget.reserve(Duration.ofSeconds(10))).isPresent();
    }

    @Test
    void aRetryAfterOfTenYearsPausesTheBudgetNoLongerThanTheClientsMaxRetryAfter() {
        // Issue 27, item 7: "Retry-After: 315360000" with maxRetryAfter 3 s paused the budget for 3,650 days: every
        // call of every sharer failed at once ("no permit; nothing was sent").
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(100), clock);
        try (HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(server.url("/").toString())
                .clock(clock).sleeper(new RecordingSleeper(clock)).rateBudget(budget).waitForRateBudget(false)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).maxRetryAfter(Duration.ofSeconds(3)).build())
                .build(), ProviderSpec.of("test", "https://example.invalid"))) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "315360000").build());
            assertThatThrownBy(() -> p.execute(get(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                            .contains(Duration.ofSeconds(315360000)));
            assertThat(budget.reserve(Duration.ofMillis(2999))).as("paused 3 s, not ten years").isEmpty();
            clock.advance(Duration.ofSeconds(3));
            server.enqueue(new MockResponse.Builder().body("{}").build());
            p.execute(get(), ResponseParser.discard());
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBudgetsOwnMaxPauseHoldsWhoeverPausesIt() {
        RateBudget budget = RateBudget.local("x", RateLimit.perSecond(100).withMaxPause(Duration.ofSeconds(1)), clock);
        assertThat(budget.maxPause()).contains(Duration.ofSeconds(1));
        budget.pauseUntil(clock.instant().plus(Duration.ofDays(3650))).join();
        assertThat(budget.reserve(Duration.ofMillis(999))).isEmpty();
        assertThat(budget.reserve(Duration.ofSeconds(1))).contains(Duration.ofSeconds(1));
        // Below the cap, a pause is the server's.
        RateBudget uncapped = RateBudget.local("y", RateLimit.perSecond(100).withMaxPause(Duration.ofMinutes(1)),
                clock);
        uncapped.pauseUntil(clock.instant().plusSeconds(5)).join();
        assertThat(uncapped.reserve(Duration.ofSeconds(5))).contains(Duration.ofSeconds(5));
        assertThat(RateBudget.local("z", RateLimit.perSecond(1), clock).maxPause()).isEmpty();
        assertThatThrownBy(() -> RateLimit.perSecond(1).withMaxPause(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RateLimit.perSecond(2).withMaxPause(Duration.ofSeconds(30)).withBurst(2).maxPause())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBudgetThatFailsEndsTheCallTypedWithNothingSent() {
        RateBudget broken = failing("x", () -> new RateBudgetException(
                "the rate budget 'x' (redis://127.0.0.1:1/0) failed", null));
        try (HttpPipeline p = pipeline(broken, true, new RecordingSleeper(clock))) {
            assertThatThrownBy(() -> p.execute(get(), ResponseParser.discard()))
                    .isInstanceOf(RateBudgetException.class);
            assertThatThrownBy(() -> p.executeAsync(get(), ResponseParser.discard()).get()).cause()
                    .isInstanceOf(RateBudgetException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBudgetFailingWithAnUntypedExceptionStillEndsTheCallTyped() {
        RateBudget careless = failing("mine", () -> new IllegalStateException("pool exhausted"));
        try (HttpPipeline p = pipeline(careless, true, new RecordingSleeper(clock))) {
            assertThatThrownBy(() -> p.execute(get(), ResponseParser.discard()))
                    .isInstanceOf(RateBudgetException.class).hasMessageContaining("rate budget 'mine' failed");
            assertThatThrownBy(() -> p.executeAsync(get(), ResponseParser.discard()).get()).cause()
                    .isInstanceOf(RateBudgetException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    /** @return a budget whose every reservation fails with what {@code failure} makes, sync and async */
    private static RateBudget failing(String name, java.util.function.Supplier<RuntimeException> failure) {
        return new RateBudget() {
            @Override
            public Optional<Duration> reserve(Duration maxWait) {
                throw failure.get();
            }

            @Override
            public CompletableFuture<Optional<Duration>> reserveAsync(Duration maxWait) {
                return CompletableFuture.failedFuture(failure.get());
            }

            @Override
            public CompletableFuture<Void> pauseUntil(Instant until) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
