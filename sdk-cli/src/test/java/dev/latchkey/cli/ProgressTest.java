package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar is cleared and its line finished whenever it closes, before the table that follows is printed. */
class ProgressTest {
    /** Records what the bar asks of its line. */
    static final class Recording implements ProgressBarConsumer {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> drawn = new CopyOnWriteArrayList<>();

        @Override
        public int getMaxRenderedLength() {
            return 80;
        }

        @Override
        public void accept(String rendered) {
            events.add("draw");
            drawn.add(rendered);
        }

        @Override
        public void clear() {
            events.add("clear");
        }

        @Override
        public void close() {
            events.add("close");
        }
    }

    @Test
    void aBarClosedBeforeItsFirstRefreshIsClearedToo() {
        // progressbar 0.10.2 draws such a bar once more and leaves it (seen in TerminalScreenTest on a busy machine);
        // closing at once, many times, hits that case most of the time.
        for (int i = 0; i < 200; i++) {
            Recording line = new Recording();
            try (Progress progress = Progress.start("favorites", line, java.util.OptionalLong.empty())) {
                if (i % 2 == 0) {
                    progress.step();
                }
            }
            // Cleared last, and never closed: the console's close prints a line feed, a blank line before the table.
            assertThat(line.events).as("run %d", i).endsWith("clear").doesNotContain("close");
            assertThat(line.events.lastIndexOf("draw")).as("run %d", i).isLessThan(line.events.lastIndexOf("clear"));
        }
    }

    @Test
    void aKnownTotalIsShownAsAPercentageAndACount() {
        // Issue 29: the bar showed "? %" and "40/?" though TMDb sends the total.
        Recording line = new Recording();
        try (Progress progress = Progress.start("favorites", line, java.util.OptionalLong.of(40))) {
            for (int i = 0; i < 10; i++) {
                progress.step();
            }
        }
        // (The time left is "?" until the first item: that is the bar's estimate, not the total.)
        assertThat(line.drawn).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain("? %")
                .doesNotContainPattern("\\d/\\?"));
        assertThat(line.drawn).anySatisfy(d -> assertThat(d).contains("/40").contains("%"));
    }
}
