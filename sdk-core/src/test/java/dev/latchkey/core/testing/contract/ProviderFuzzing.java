package dev.latchkey.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider's fuzz test: Jazzer, coverage-guided, through every public call ({@link AnswerFuzzing}), starting from the
 * module's regression corpus ({@code src/test/resources/dev/latchkey/<provider>/<P>FuzzTestInputs/rawAnswers}: seeds,
 * and every input that ever failed, so it is replayed first on every run). Bounded to {@code fuzz.seconds} (3) in
 * {@code ./mvnw verify}; {@code -Pfuzz} runs a million inputs (docs/reliability.md).
 */
public abstract class ProviderFuzzing {
    /** @return the provider's short name: {@code kemono} */
    protected abstract String name();

    /** @return the class whose static {@code fuzzerTestOneInput(FuzzedDataProvider)} Jazzer calls */
    protected abstract Class<?> driver();

    @Test
    void jazzerFindsNothing() throws Exception {
        String test = getClass().getSimpleName();
        Path seeds = Path.of("src/test/resources/dev/latchkey", name(), test + "Inputs", "rawAnswers");
        JazzerRun run = JazzerRun.run(driver(), name(), List.of(seeds), Long.getLong("fuzz.runs", 1_000_000),
                Long.getLong("fuzz.seconds", 3));
        assertThat(run.exitCode()).as("Jazzer found something (copy the input into %s):%n%s", seeds, run.finding())
                .isZero();
        assertThat(run.runs()).as("inputs run (%s)", run.log()).isPositive();
        System.out.printf("%s fuzz: %d inputs in %d s, coverage %d%n", name(), run.runs(), run.seconds(),
                run.coverage());
    }
}
