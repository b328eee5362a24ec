package dev.latchkey.testkit.kemono;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.CorpusRun;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.testkit.exchange.Cassette;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The Kemono fake answers every exchange of its conformance corpus as Kemono2's source and live clients show. */
class KemonoCorpusTest {
    /** The corpus's seeded dates are relative to this instant. */
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TestFactory
    Stream<DynamicNode> theFakeAnswersTheCorpus() {
        return Stream.concat(
                CorpusRun.tests("kemono", 25, KemonoCorpusTest::fake, (f, name) -> Optional.<JsonNode>empty()),
                Stream.of(CorpusRun.everyRouteIsPlayed("kemono", FakeKemono.create().routes(), Map.of())));
    }

    static FakeKemono fake(Cassette c) {
        FakeKemono.Builder b = FakeKemono.builder().clock(new ManualClock(NOW));
        c.given().forEach((name, v) -> {
            switch (name) {
                case "strictAccept" -> b.strictAccept(v.asBoolean());
                case "kemono2In2023" -> {
                    if (v.asBoolean()) {
                        b.kemono2In2023();
                    }
                }
                default -> throw new IllegalArgumentException("unknown setting " + name);
            }
        });
        return b.build().start();
    }
}
