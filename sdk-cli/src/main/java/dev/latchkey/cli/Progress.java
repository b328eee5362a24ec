package dev.latchkey.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on standard error for long listings, only when a person is watching (a terminal, no --json). The bar
 * shares the screen with the table that follows: it must be gone before the table is printed, which
 * {@link #collect} guarantees.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, boolean json) {
        if (json || System.console() == null) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(-1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).clearDisplayOnFinish().build());
    }

    /**
     * Reads a listing with a bar counting it, and clears the bar before returning, so the caller's table is printed
     * on a clean line.
     *
     * @param items the listing, read once and closed
     * @param task the bar's label
     * @param json whether the output is JSON (no bar)
     * @param <T> the item type
     * @return every item
     */
    static <T> List<T> collect(Stream<T> items, String task, boolean json) {
        List<T> all = new ArrayList<>();
        try (items; Progress progress = start(task, json)) {
            items.forEach(item -> {
                all.add(item);
                progress.step();
            });
        }
        return all;
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
