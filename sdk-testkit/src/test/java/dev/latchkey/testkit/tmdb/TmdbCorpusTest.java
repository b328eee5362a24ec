package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.testkit.CorpusRun;
import dev.latchkey.testkit.exchange.Cassette;
import java.util.Map;
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
        String export = "TmdbExportShapesTest, against the official export's schema for the route";
        String v4 = "FakeTmdbTest, as research tmdb.md section 3 documents it (the export is v3 only)";
        return Stream.concat(CorpusRun.tests("tmdb", 30, TmdbCorpusTest::fake, (f, name) -> name.equals("apiKey")
                ? Optional.<JsonNode>of(TextNode.valueOf(FakeTmdb.API_KEY)) : Optional.empty()),
                Stream.of(CorpusRun.everyRouteIsPlayed("tmdb", FakeTmdb.create().routes(), Map.of(
                        "POST /3/authentication/session/convert/4", export,
                        "GET /3/genre/movie/list", export, "GET /3/movie/latest", export,
                        "GET /3/movie/now_playing", export, "GET /3/movie/popular", export,
                        "GET /3/movie/top_rated", export, "GET /3/movie/upcoming", export,
                        "POST /4/auth/request_token", v4, "POST /4/auth/access_token", v4,
                        "DELETE /4/auth/access_token", v4))));
    }

    static FakeTmdb fake(Cassette c) {
        if (!c.given().isEmpty()) {
            throw new IllegalArgumentException("unknown settings " + c.given().keySet());
        }
        return FakeTmdb.create().start();
    }
}
