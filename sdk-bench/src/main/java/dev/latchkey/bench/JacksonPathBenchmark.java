package dev.latchkey.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.latchkey.core.internal.Json;
import dev.latchkey.kemono.model.FavoriteCreator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether Blackbird (Jackson's lambda-based replacement for reflection) would make Latchkey's parsing faster: the same
 * bytes read into the same records by Latchkey's mapper, with and without {@code BlackbirdModule}. No HTTP: the
 * parse alone. Kemono's 100 favorite creators (records with optional timestamps) and TMDb's page of 20 movies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class JacksonPathBenchmark {
    private static final TypeReference<List<FavoriteCreator>> CREATORS = new TypeReference<>() { };

    private byte[] creators;
    private byte[] movies;
    private ObjectReader plainCreators;
    private ObjectReader blackbirdCreators;
    private ObjectReader plainMovies;
    private ObjectReader blackbirdMovies;

    @Setup
    public void setUp() {
        creators = HugeListWalk.creators(100);
        movies = Fixtures.record().favoritesPage;
        ObjectMapper plain = Json.mapper();
        ObjectMapper blackbird = Json.mapper().copy().registerModule(new BlackbirdModule());
        plainCreators = plain.readerFor(CREATORS);
        blackbirdCreators = blackbird.readerFor(CREATORS);
        plainMovies = plain.readerFor(TmdbFloor.Page.class);
        blackbirdMovies = blackbird.readerFor(TmdbFloor.Page.class);
    }

    @Benchmark
    public List<FavoriteCreator> creatorsPlain() throws IOException {
        return plainCreators.readValue(creators);
    }

    @Benchmark
    public List<FavoriteCreator> creatorsBlackbird() throws IOException {
        return blackbirdCreators.readValue(creators);
    }

    @Benchmark
    public TmdbFloor.Page moviesPlain() throws IOException {
        return plainMovies.readValue(movies);
    }

    @Benchmark
    public TmdbFloor.Page moviesBlackbird() throws IOException {
        return blackbirdMovies.readValue(movies);
    }
}
