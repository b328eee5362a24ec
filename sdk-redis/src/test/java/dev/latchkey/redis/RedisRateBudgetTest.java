package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.RateBudgetException;
import dev.latchkey.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis rate budget: one bucket and one pause shared by every worker, refilled by the workers' clock. */
class RedisRateBudgetTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final String prefix = TestRedis.prefix();
    private final List<RedisFleet> fleets = new ArrayList<>();

    @AfterEach
    void close() {
        fleets.forEach(RedisFleet::close);
    }

    private RedisFleet fleet() {
        RedisFleet f = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).clock(clock).connect();
        fleets.add(f);
        return f;
    }

    @Test
    void twoWorkersDrawFromOneBucket() {
        RateBudget a = fleet().rateBudget("kemono:alice", RateLimit.perSecond(4));
        RateBudget b = fleet().rateBudget("kemono:alice", RateLimit.perSecond(4));
        assertThat(a.reserve(Duration.ofSeconds(1))).contains(Duration.ZERO);
        assertThat(b.reserve(Duration.ofSeconds(1))).as("b queues behind a").contains(Duration.ofMillis(250));
        assertThat(a.reserveAsync(Duration.ofSeconds(1)).join()).contains(Duration.ofMillis(500));
        assertThat(b.reserve(Duration.ofMillis(700))).as("750 ms away").isEmpty();
        assertThat(a.reserve(Duration.ofSeconds(1))).as("the refusal took nothing").contains(Duration.ofMillis(750));

        RateBudget other = fleet().rateBudget("kemono:bob", RateLimit.perSecond(4));
        assertThat(other.reserve(Duration.ZERO)).as("another account, another bucket").contains(Duration.ZERO);
    }

    @Test
    void aPauseOfTenYearsHoldsTheFleetNoLongerThanTheBudgetsCap() {
        // Issue 27, item 7: one Retry-After of ten years would have stopped the whole fleet for ten years.
        RateLimit limit = RateLimit.perSecond(50).withMaxPause(Duration.ofSeconds(2));
        RateBudget a = fleet().rateBudget("kemono:carol", limit);
        RateBudget b = fleet().rateBudget("kemono:carol", limit);
        a.pauseUntil(clock.instant().plus(Duration.ofDays(3650))).join();
        assertThat(b.reserve(Duration.ofMillis(1999))).isEmpty();
        assertThat(b.reserve(Duration.ofSeconds(2))).contains(Duration.ofSeconds(2));
    }

    @Test
    void onePauseHoldsTheWholeFleet() {
        RateBudget a = fleet().rateBudget("tmdb:key", RateLimit.perSecond(50));
        RateBudget b = fleet().rateBudget("tmdb:key", RateLimit.perSecond(50));
        a.pauseUntil(clock.instant().plusSeconds(3)).join();
        b.pauseUntil(clock.instant().plusSeconds(1)).join();
        assertThat(b.reserve(Duration.ofSeconds(2))).as("the later pause stands").isEmpty();
        assertThat(b.reserve(Duration.ofSeconds(5))).contains(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        assertThat(a.reserve(Duration.ZERO)).isPresent();
    }

    @Test
    void aBudgetWhoseRedisIsGoneFailsTypedAndNamesNoPassword() {
        String password = "s3cret-fleet-password";
        RedisFleet f = fleet();
        RateBudget budget = f.rateBudget("kemono:alice", RateLimit.perSecond(1));
        f.close();
        assertThatThrownBy(() -> budget.reserve(Duration.ZERO)).isInstanceOf(RateBudgetException.class)
                .hasMessageContaining("kemono:alice").hasMessageContaining("redis://127.0.0.1:")
                .cause().as("Redis's own failure, scrubbed, kept as the cause").isNotNull();
        assertThatThrownBy(() -> budget.pauseUntil(clock.instant()).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RateBudgetException.class);
        assertThat(budget.toString()).doesNotContain(password);
        assertThatThrownBy(() -> f.rateBudget(" ", RateLimit.perSecond(1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAsyncRefusalGivesItsPermitBack() {
        RateBudget a = fleet().rateBudget("kemono:carol", RateLimit.perSecond(4));
        assertThat(a.reserve(Duration.ofSeconds(1))).contains(Duration.ZERO);
        assertThat(a.reserve(Duration.ofSeconds(1))).contains(Duration.ofMillis(250));
        assertThat(a.reserveAsync(Duration.ofMillis(400)).join()).as("500 ms away").isEmpty();
        assertThat(a.reserveAsync(Duration.ofSeconds(1)).join()).as("the refusal took nothing")
                .contains(Duration.ofMillis(500));
    }

    @Test
    void aPauseLivesInRedisNoLongerThanItsOwnTimeAndSurvivesAFlushOfTheScripts() {
        RateBudget budget = fleet().rateBudget("tmdb:flushed", RateLimit.perSecond(50));
        io.lettuce.core.RedisClient raw = io.lettuce.core.RedisClient.create(TestRedis.url());
        try (var c = raw.connect()) {
            c.sync().scriptFlush(); // a restarted Redis: EVALSHA answers NOSCRIPT, the script is sent again
            budget.pauseUntil(clock.instant().plusSeconds(3)).join();
            List<String> keys = c.sync().keys(prefix + "*pause*");
            assertThat(keys).hasSize(1);
            assertThat(c.sync().pttl(keys.get(0))).isBetween(1L, 3_000L);
            assertThat(budget.reserve(Duration.ofSeconds(1))).as("paused").isEmpty();
        } finally {
            raw.shutdown();
        }
    }
}
