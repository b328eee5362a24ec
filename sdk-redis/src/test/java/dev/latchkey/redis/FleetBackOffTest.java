package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet backs off together: one worker's 429 with {@code Retry-After} pauses the shared budget, and another
 * worker (its own connection, its own client) that never saw the 429 waits for the same moment, or fails fast without
 * sending when told not to wait. Waits go through an injected clock and sleeper: nothing sleeps.
 */
class FleetBackOffTest {
    @RegisterExtension
    static final FakeTmdb TMDB = FakeTmdb.builder().build();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final String prefix = TestRedis.prefix();
    private final RedisFleet a = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).clock(clock).connect();
    private final RedisFleet b = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).clock(clock).connect();

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private TmdbClient worker(RateBudget budget, RecordingSleeper sleeper, boolean wait) {
        return TmdbClient.builder().baseUrl(TMDB.baseUrl()).apiKey(FakeTmdb.API_KEY).rateBudget(budget)
                .options(o -> o.clock(clock).sleeper(sleeper).waitForRateBudget(wait)
                        .retryPolicy(RetryPolicy.builder().maxRetries(0).build()))
                .build();
    }

    @Test
    void oneWorkersRetryAfterPausesEveryOther() throws Exception {
        RateLimit limit = RateLimit.perSecond(100);
        RecordingSleeper first = new RecordingSleeper(clock);
        RecordingSleeper second = new RecordingSleeper(clock);
        try (TmdbClient one = worker(a.rateBudget("tmdb:key", limit), first, true);
                TmdbClient other = worker(b.rateBudget("tmdb:key", limit), second, true);
                TmdbClient impatient = worker(b.rateBudget("tmdb:key", limit), new RecordingSleeper(clock), false)) {
            TMDB.faults().next().rateLimited(Duration.ofSeconds(7));
            assertThatThrownBy(() -> one.auth().createRequestToken()).isInstanceOf(RateLimitedException.class);
            int sent = TMDB.calls().size();

            assertThatThrownBy(() -> impatient.auth().createRequestToken()).isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("nothing was sent");
            assertThatThrownBy(() -> impatient.async().auth().createRequestToken().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RateLimitedException.class);
            assertThat(TMDB.calls()).as("the impatient worker sent nothing").hasSize(sent);

            assertThat(other.auth().createRequestToken().value()).isNotBlank();
            assertThat(second.slept()).as("the other worker waited out the first one's Retry-After").hasSize(1);
            assertThat(second.slept().get(0)).isBetween(6_900L, 7_000L);
            assertThat(first.slept()).isEmpty();
        }
    }
}
