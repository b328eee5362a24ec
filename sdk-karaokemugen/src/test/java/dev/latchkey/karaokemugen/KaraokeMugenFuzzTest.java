package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.latchkey.core.testing.contract.AnswerFuzzing;
import dev.latchkey.core.testing.contract.ProviderFuzzing;
import org.junit.jupiter.api.Test;

/** Raw HTTP answers from Jazzer through every public KaraokeMugen call ({@link ProviderFuzzing}). */
class KaraokeMugenFuzzTest extends ProviderFuzzing {
    private static AnswerFuzzing fuzzing;

    static synchronized AnswerFuzzing fuzzing() {
        if (fuzzing == null) {
            fuzzing = new AnswerFuzzing(KaraokeMugenContractTest.KaraokeMugenSubject::new);
        }
        return fuzzing;
    }

    @Override
    protected String name() {
        return "karaokemugen";
    }

    @Override
    protected Class<?> driver() {
        return Driver.class;
    }

    @Test
    void theRegressionCorpusIsThere() throws Exception {
        // libFuzzer replays it before fuzzing: an empty or moved folder would silently drop every past finding.
        java.nio.file.Path corpus = java.nio.file.Path.of("src/test/resources/dev/latchkey/karaokemugen/KaraokeMugenFuzzTestInputs/rawAnswers");
        try (var files = java.nio.file.Files.list(corpus)) {
            assertThat(files.count()).isGreaterThan(10);
        }
    }

    /** The entry point Jazzer's own driver calls, in a child JVM. */
    public static final class Driver {
        public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
            fuzzing().run(data);
        }
    }
}
