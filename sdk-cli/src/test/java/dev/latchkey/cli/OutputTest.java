package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What scripts read: tables whose columns line up, or the same values as JSON. */
class OutputTest {
    private final StringWriter text = new StringWriter();

    @Test
    void aTablePadsEveryColumnButTheLastToItsWidestCell() {
        new Output(new PrintWriter(text), false).table(List.of(), List.of("ID", "NAME", "NOTE"),
                List.of(List.of("1", "alice", "x"), List.of("12345", "bo", "a longer note")));
        assertThat(text.toString().lines().toList()).containsExactly(
                "ID     NAME   NOTE",
                "1      alice  x",
                "12345  bo     a longer note");
    }

    @Test
    void inJsonModeATableIsItsValuesAndAValueIsNotItsText() {
        Output json = new Output(new PrintWriter(text), true);
        assertThat(json.json()).isTrue();
        assertThat(new Output(new PrintWriter(new StringWriter()), false).json()).isFalse();
        json.table(List.of(Map.of("id", 7)), List.of("ID"), List.of(List.of("7")));
        json.value(Map.of("created", "carol"), "Created carol.");
        assertThat(text.toString().replaceAll("\\s", "")).isEqualTo("[{\"id\":7}]{\"created\":\"carol\"}");
    }
}
