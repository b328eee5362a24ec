package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.exchange.Cassette;
import dev.latchkey.testkit.exchange.Conformance;
import dev.latchkey.testkit.exchange.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fake side of a provider's conformance corpus: each cassette is played against a fresh fake configured as its
 * {@code given} says, and every answer must be the recorded one (volatile fields aside). With
 * {@code -Dconformance.record=true}, a draft's exchanges without an answer are recorded from the fake and written back
 * to the source tree; recorded answers are never overwritten, and each new one is checked against its cited source
 * before it is committed.
 */
public final class CorpusRun {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(10)).build();

    private CorpusRun() {
    }

    /**
     * @param provider the corpus's provider
     * @param minimum the fewest exchanges the corpus must hold
     * @param fake a started fake for a cassette (its {@code given} applied)
     * @param values the values of placeholders no answer gave, by name, read from the fake
     */
    public static <F extends FakeServer<F>> Stream<DynamicNode> tests(String provider, int minimum,
            Function<Cassette, F> fake, BiFunction<F, String, Optional<JsonNode>> values) {
        List<DynamicNode> nodes = new ArrayList<>();
        if (Boolean.getBoolean("conformance.record")) {
            record(provider, fake, values);
        }
        List<Cassette> corpus = Cassette.corpus(provider);
        nodes.add(DynamicTest.dynamicTest("the corpus holds at least " + minimum + " exchanges", () -> {
            int n = corpus.stream().mapToInt(Cassette::size).sum();
            assertThat(n).as("%s exchanges", provider).isGreaterThanOrEqualTo(minimum);
            for (Cassette c : corpus) {
                for (Exchange x : c.exchanges()) {
                    assertThat(x.source()).as("%s / %s names its source", c.name(), x.name()).isNotBlank();
                    assertThat(x.response()).as("%s / %s has its answer", c.name(), x.name()).isNotNull();
                }
            }
        }));
        for (Cassette c : corpus) {
            nodes.add(DynamicTest.dynamicTest(c.name() + " (" + c.size() + " exchanges)", () -> {
                try (F f = fake.apply(c)) {
                    List<String> problems = Conformance.play(c, f.rootUrl().toString().replaceAll("/$", ""),
                            new Conformance.Context(name -> values.apply(f, name)), HTTP);
                    assertThat(problems).as("the fake's answers differ from the recorded ones").isEmpty();
                }
            }));
        }
        return nodes.stream();
    }

    /**
     * Every route a fake serves is played by at least one exchange of its corpus, or named with where else its shape
     * is checked: a route added to a fake without an exchange fails here.
     *
     * @param provider the corpus's provider
     * @param routes the fake's routes, {@code "GET /api/v1/account"}
     * @param elsewhere routes not in the corpus, each with where its answers are checked instead
     */
    public static DynamicTest everyRouteIsPlayed(String provider, List<String> routes, java.util.Map<String, String> elsewhere) {
        return DynamicTest.dynamicTest("every route the fake serves is played by the corpus", () -> {
            List<String> played = new ArrayList<>();
            for (Cassette c : Cassette.corpus(provider)) {
                for (Exchange x : c.exchanges()) {
                    played.add(x.request().method() + " " + x.request().path().replaceFirst("\\?.*", ""));
                }
            }
            List<String> missing = new ArrayList<>();
            for (String route : routes) {
                String[] parts = route.split(" ", 2);
                String pattern = "\\Q" + parts[0] + " " + parts[1].replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
                if (played.stream().noneMatch(p -> p.matches(pattern)) && !elsewhere.containsKey(route)) {
                    missing.add(route);
                }
            }
            assertThat(missing).as("routes no exchange plays (add one, with its source)").isEmpty();
            assertThat(routes).as("routes named as checked elsewhere are the fake's").containsAll(elsewhere.keySet());
        });
    }

    private static <F extends FakeServer<F>> void record(String provider, Function<Cassette, F> fake,
            BiFunction<F, String, Optional<JsonNode>> values) {
        Path dir = Path.of("src/main/resources/dev/latchkey/testkit/conformance", provider);
        try {
            for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Path file = dir.resolve(line.strip());
                Cassette c = Cassette.read(file);
                if (c.exchanges().stream().anyMatch(x -> x.response() == null)) {
                    try (F f = fake.apply(c)) {
                        Conformance.record(c, f.rootUrl().toString().replaceAll("/$", ""),
                                new Conformance.Context(name -> values.apply(f, name)), HTTP).write(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
