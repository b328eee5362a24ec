package dev.latchkey.core.modelfixtures;

import static dev.latchkey.core.testing.ModelTolerance.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.testing.ModelTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The tolerance helper passes a model that follows the field policy and fails each way of breaking it. */
class ModelToleranceSelfTest {
    static final String TOLERANT = "{\"id\":\"1\",\"flag\":true,\"count\":3,\"note\":\"n\",\"tags\":[\"a\"],"
            + "\"inner\":{\"key\":\"k\",\"value\":\"v\"}}";

    @Test
    void aTolerantModelPassesEveryCheck() throws Throwable {
        List<String> failed = run(ModelTolerance.tests(Tolerant.class, List.of(
                model(Tolerant.class, TOLERANT, "id", "inner.key"),
                model(Strict.class, "{\"id\":\"1\",\"name\":\"x\",\"tags\":[]}"))));
        assertThat(failed).as("only Strict's own breaches").allMatch(f -> f.startsWith("Strict"));
        assertThat(failed).noneMatch(f -> f.startsWith("Tolerant"));
    }

    @Test
    void eachBreachFailsItsOwnCheck() throws Throwable {
        List<String> failed = run(ModelTolerance.tests(Tolerant.class, List.of(
                model(Tolerant.class, "{\"id\":\"1\",\"flag\":true,\"count\":3,\"note\":\"n\",\"tags\":[\"a\"]}", "id"),
                model(Strict.class, "{\"id\":\"1\",\"name\":\"x\",\"tags\":[]}", "id"))));
        assertThat(failed).contains(
                // the sample lacks a field the model reads
                "Tolerant/the sample has every field and parses",
                // a required path the model does not require
                "Strict/id null: refused", "Strict/id absent: refused",
                // a non-required field the model refuses
                "Strict/name null: tolerated", "Strict/name absent: tolerated",
                // a null or absent list left null
                "Strict/tags null: tolerated", "Strict/tags absent: tolerated");
        assertThat(failed).doesNotContain("Tolerant/id null: refused", "Tolerant/tags null: tolerated");
    }

    @Test
    void aModelWithoutASampleFailsTheCoverageCheck() throws Throwable {
        List<String> failed = run(ModelTolerance.tests(Tolerant.class, List.of(
                model(Tolerant.class, TOLERANT, "id", "inner.key"))));
        assertThat(failed).containsExactly("every model of dev.latchkey.core.modelfixtures has a sample");
    }

    /** @return the names of the checks that failed, as {@code Model/check} */
    static List<String> run(Stream<DynamicNode> nodes) throws Throwable {
        List<String> failed = new ArrayList<>();
        for (DynamicNode n : nodes.toList()) {
            run(n, "", failed);
        }
        return failed;
    }

    private static void run(DynamicNode n, String prefix, List<String> failed) throws Throwable {
        if (n instanceof DynamicContainer c) {
            for (DynamicNode child : c.getChildren().toList()) {
                run(child, prefix + c.getDisplayName() + "/", failed);
            }
        } else if (n instanceof DynamicTest t) {
            try {
                t.getExecutable().execute();
            } catch (AssertionError e) {
                failed.add(prefix + t.getDisplayName());
            }
        }
    }
}
