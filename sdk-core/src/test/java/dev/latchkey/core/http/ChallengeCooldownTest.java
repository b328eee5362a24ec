package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RateBudget;
import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.ErrorMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 31: an anti-bot challenge pauses the rate budget, for everyone sharing it, for the client's cool-down, so a
 * fleet stops hitting a site that has begun to block ("the longer you keep hitting the site after a DDoS-Guard
 * challenge, the longer it blocks your IP", mikf/gallery-dl#7971).
 */
class ChallengeCooldownTest {
    private static final ErrorMapper WALL = r -> r.status() == 403
            ? new BotChallengeException(r.error("ddos-guard", "a wall")) : null;

    /** A budget that always has a permit and notes its pauses. */
    static final class NotingBudget implements RateBudget {
        final List<Instant> pauses = new ArrayList<>();

        @Override
        public String name() {
            return "shared";
        }

        @Override
        public Optional<Duration> reserve(Duration maxWait) {
            return Optional.of(Duration.ZERO);
        }

        @Override
        public CompletableFuture<Optional<Duration>> reserveAsync(Duration maxWait) {
            return CompletableFuture.completedFuture(Optional.of(Duration.ZERO));
        }

        @Override
        public synchronized CompletableFuture<Void> pauseUntil(Instant until) {
            pauses.add(until);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static ProviderSpec walled() {
        return new ProviderSpec("test", "https://example.invalid", WALL, Map.of(), ProviderSpec.COMMON_REQUEST_ID_HEADERS);
    }

    @Test
    void aChallengePausesTheBudgetForTheCooldownSyncAndAsync() throws Exception {
        NotingBudget budget = new NotingBudget();
        try (Fixture f = new Fixture(b -> b.rateBudget(budget), walled())) {
            assertThat(f.pipeline.options().challengeCooldown()).isEqualTo(ClientOptions.DEFAULT_CHALLENGE_COOLDOWN)
                    .isEqualTo(Duration.ofMinutes(5));
            f.enqueue(403, "<html>checking your browser</html>");
            Instant now = f.clock.instant();
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(BotChallengeException.class);
            assertThat(budget.pauses).containsExactly(now.plus(Duration.ofMinutes(5)));
            f.enqueue(403, "<html>checking your browser</html>");
            assertThat(f.pipeline.executeAsync(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .failsWithin(Duration.ofSeconds(5));
            assertThat(budget.pauses).hasSize(2);
        }
    }

    @Test
    void aCooldownOfZeroPausesNothingAndOtherRefusalsNeither() {
        NotingBudget budget = new NotingBudget();
        try (Fixture f = new Fixture(b -> b.rateBudget(budget).challengeCooldown(Duration.ZERO), walled())) {
            f.enqueue(403, "<html>checking your browser</html>").enqueue(404, "{}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(BotChallengeException.class);
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()));
            assertThat(budget.pauses).isEmpty();
        }
        assertThatThrownBy(() -> ClientOptions.builder().challengeCooldown(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientOptions.builder().challengeCooldown(Duration.ofMinutes(30)).build().toBuilder().build()
                .challengeCooldown()).isEqualTo(Duration.ofMinutes(30));
    }
}
