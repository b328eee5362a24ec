package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.latchkey.core.testing.contract.AnswerFuzzing;
import dev.latchkey.core.testing.contract.JazzerRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raw HTTP answers from the fuzzer through every public TMDb call ({@link AnswerFuzzing}). {@code ./mvnw verify}
 * replays the regression corpus ({@code src/test/resources/dev/latchkey/tmdb/TmdbFuzzTestInputs/rawAnswers}: the
 * seeds, and every input that ever failed) and runs Jazzer for a bounded time; {@code -Pfuzz} runs a million inputs
 * (docs/reliability.md).
 */
class TmdbFuzzTest {
    static final Path SEEDS = Path.of("src/test/resources/dev/latchkey/tmdb/TmdbFuzzTestInputs/rawAnswers");
    private static AnswerFuzzing fuzzing;

    static synchronized AnswerFuzzing fuzzing() {
        if (fuzzing == null) {
            fuzzing = new AnswerFuzzing(TmdbContractTest.TmdbSubject::new);
        }
        return fuzzing;
    }

    /**
     * A coverage-guided run that starts by replaying the regression corpus (libFuzzer runs every seed first): bounded
     * in {@code verify}, a million inputs under {@code -Pfuzz}.
     */
    @Test
    void jazzerFindsNothing() throws Exception {
        JazzerRun run = JazzerRun.run(Driver.class, "tmdb", List.of(SEEDS), Long.getLong("fuzz.runs", 1_000_000),
                Long.getLong("fuzz.seconds", 10));
        assertThat(run.exitCode()).as("Jazzer found something:%n%s", run.finding()).isZero();
        assertThat(run.runs()).as("inputs run (%s)", run.log()).isPositive();
        System.out.printf("tmdb fuzz: %d inputs in %d s, coverage %d%n", run.runs(), run.seconds(), run.coverage());
    }

    /** The entry point Jazzer's own driver calls. */
    public static final class Driver {
        public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
            fuzzing().run(data);
        }
    }
}
