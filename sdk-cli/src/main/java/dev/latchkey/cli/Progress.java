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
    /** Clears the bar if the command is interrupted (Ctrl+C) while it is drawn; {@code null} without a console. */
    private final Thread onInterrupt;

    private Progress(ProgressBar bar, Line line, Thread onInterrupt) {
        this.bar = bar;
        this.line = line;
        this.onInterrupt = onInterrupt;
    }

    static Progress start(String task, boolean json, java.util.OptionalLong total) {
        if (json || System.console() == null) {
            return new Progress(null, null, null);
        }
        Progress p = start(task, new ConsoleProgressBarConsumer(System.err), total);
        Thread hook = new Thread(p.line::clear, "latchkey-progress-clear");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Progress(p.bar, p.line, hook);
    }

    /**
     * A bar drawn by the given consumer (a test's, or the console's).
     *
     * @param total how many items the listing holds, when the provider says (TMDb does): the bar shows a percentage
     */
    static Progress start(String task, ProgressBarConsumer consumer, java.util.OptionalLong total) {
        Line line = new Line(consumer);
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total.orElse(-1))
                .setConsumer(line).clearDisplayOnFinish().build(), line, null);
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

        /**
         * The line is finished by the clear that precedes this: the console consumer's own close would print a
         * line feed, a blank line before every table.
         */
        @Override
        public void close() {
            finished = true;
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
        return collect(items, task, json, java.util.OptionalLong.empty());
    }

    /**
     * @param total how many items will come, when known (the provider's total, bounded by a {@code --limit})
     * @see #collect(Stream, String, boolean)
     */
    static <T> List<T> collect(Stream<T> items, String task, boolean json, java.util.OptionalLong total) {
        List<T> all = new ArrayList<>();
        try (items; Progress progress = start(task, json, total)) {
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
        if (onInterrupt != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway, and clears an empty line.
            }
        }
    }
}
