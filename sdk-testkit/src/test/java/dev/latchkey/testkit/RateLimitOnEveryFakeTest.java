package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: the shared rate limit works on every fake (Eternaltwin's and Karaoke Mugen's ignored it), counted per
 * second of the fake's own clock, and never counting the testkit's own endpoints.
 */
class RateLimitOnEveryFakeTest {
    final Http http = new Http(okhttp3.Headers.of());

    @Test
    void everyFakeAnswers429BeyondItsLimitAndAgainTheNextSecond() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
        List<FakeServer<?>> fakes = List.of(FakeKemono.builder().clock(clock).build(),
                FakeTmdb.builder().clock(clock).build(), FakeEternaltwin.builder().clock(clock).build(),
                FakeKaraokeMugen.builder().clock(clock).build());
        Function<FakeServer<?>, String> anyPath = f -> f.rootUrl() + "some/path";
        for (FakeServer<?> fake : fakes) {
            try (FakeServer<?> f = fake.start()) {
                f.rateLimitPerSecond(1);
                assertThat(http.get(anyPath.apply(f)).code()).as(f.name()).isNotEqualTo(429);
                Http.Answer limited = http.get(anyPath.apply(f));
                assertThat(limited.code()).as(f.name()).isEqualTo(429);
                assertThat(limited.header("Retry-After")).as(f.name()).isEqualTo("1");
                assertThat(http.get(f.rootUrl() + "_testkit/anything").code()).as("%s: the testkit's own paths",
                        f.name()).isNotEqualTo(429);
                clock.advance(Duration.ofSeconds(1));
                assertThat(http.get(anyPath.apply(f)).code()).as(f.name()).isNotEqualTo(429);
            }
        }
    }
}
