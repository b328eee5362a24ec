package dev.latchkey.testkit.eternaltwin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.CorpusRun;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.testkit.exchange.Cassette;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The Eternaltwin fake answers every exchange of its conformance corpus as the server's source and v0.4.0 do. */
class EternaltwinCorpusTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TestFactory
    Stream<DynamicNode> theFakeAnswersTheCorpus() {
        return Stream.concat(
                CorpusRun.tests("eternaltwin", 20, EternaltwinCorpusTest::fake, (f, name) -> Optional.<JsonNode>empty()),
                Stream.of(CorpusRun.everyRouteIsPlayed("eternaltwin", FakeEternaltwin.create().routes(), Map.of())));
    }

    static FakeEternaltwin fake(Cassette c) {
        FakeEternaltwin.Builder b = FakeEternaltwin.builder().clock(new ManualClock(NOW));
        c.given().forEach((name, v) -> {
            switch (name) {
                case "asGitlabMaster2026" -> {
                    if (v.asBoolean()) {
                        b.asGitlabMaster2026();
                    }
                }
                case "codeLifetime" -> b.codeLifetime(Duration.parse(v.asText()));
                default -> throw new IllegalArgumentException("unknown setting " + name);
            }
        });
        return b.build().start();
    }
}
