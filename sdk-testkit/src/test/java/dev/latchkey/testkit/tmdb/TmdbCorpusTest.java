package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.testkit.CorpusRun;
import dev.latchkey.testkit.exchange.Cassette;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The TMDb fake answers every exchange of its conformance corpus as the official OpenAPI export's examples show
 * (their shape: the values are TMDb's sample data) and as its documentation's error table says.
 */
class TmdbCorpusTest {
    @TestFactory
    Stream<DynamicNode> theFakeAnswersTheCorpus() {
        return CorpusRun.tests("tmdb", 30, TmdbCorpusTest::fake, (f, name) -> name.equals("apiKey")
                ? Optional.<JsonNode>of(TextNode.valueOf(FakeTmdb.API_KEY)) : Optional.empty());
    }

    static FakeTmdb fake(Cassette c) {
        if (!c.given().isEmpty()) {
            throw new IllegalArgumentException("unknown settings " + c.given().keySet());
        }
        return FakeTmdb.create().start();
    }
}
