package dev.latchkey.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar on standard error for long listings, only when a person is watching (a terminal, no --json). The bar
 * shares the screen with the table that follows: it must be gone before the table is printed, which
 * {@link #collect} guarantees.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final Line line;

    private Progress(ProgressBar bar, Line line) {
        this.bar = bar;
        this.line = line;
    }

    static Progress start(String task, boolean json) {
        if (json || System.console() == null) {
            return new Progress(null, null);
        }
        return start(task, new ConsoleProgressBarConsumer(System.err));
    }

    /** A bar drawn by the given consumer (a test's, or the console's). */
    static Progress start(String task, ProgressBarConsumer consumer) {
        Line line = new Line(consumer);
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setConsumer(line)
                .clearDisplayOnFinish().build(), line);
    }

    /**
     * The bar's line. progressbar 0.10.2 skips its final clear when the bar closes before its first scheduled
     * refresh has run (a short listing on a busy machine): it draws the bar once more and leaves it there, and the
     * table is printed after it on the same line. {@link Progress#close} finishes the line itself in that case.
     */
    static final class Line implements ProgressBarConsumer {
        private final ProgressBarConsumer consumer;
        private volatile boolean finished;

        Line(ProgressBarConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public int getMaxRenderedLength() {
            return consumer.getMaxRenderedLength();
        }

        @Override
        public void accept(String rendered) {
            consumer.accept(rendered);
        }

        @Override
        public void clear() {
            consumer.clear();
        }

        @Override
        public void close() {
            finished = true;
            consumer.close();
        }
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
            bar.close(); // runs the bar's final refresh before it returns
            if (!line.finished) {
                line.clear();
                line.close();
            }
        }
    }
}
