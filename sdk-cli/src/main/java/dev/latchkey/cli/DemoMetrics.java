package dev.latchkey.cli;

import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code latchkey demo --metrics}: what every client of the demo did, per provider and operation, gathered by an
 * observer like any other (the same events OpenTelemetry and Micrometer get), printed as a table at the end.
 */
final class DemoMetrics implements CallObserver {
    private static final class Row {
        final List<Long> micros = new ArrayList<>();
        int errors;
        int retries;
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final Map<String, int[]> relogins = new TreeMap<>();

    @Override
    public synchronized void callEnded(CallEnded e) {
        Row r = rows.computeIfAbsent(e.call().operation(), k -> new Row());
        r.micros.add(e.duration().toNanos() / 1_000);
        if (e.outcome() != Outcome.SUCCESS) {
            r.errors++;
        }
    }

    @Override
    public synchronized void retryScheduled(RetryScheduled e) {
        rows.computeIfAbsent(e.call().operation(), k -> new Row()).retries++;
    }

    @Override
    public synchronized void reloggedIn(Relogin e) {
        relogins.computeIfAbsent(e.provider(), k -> new int[2])[e.led() ? 0 : 1]++;
    }

    /** Prints the table: one line per operation, then the re-logins per provider. */
    synchronized void print(PrintWriter out) {
        out.printf("%nCalls, as the demo's observer saw them (times in ms):%n");
        out.printf("%-42s %6s %6s %8s %8s %7s%n", "operation", "calls", "errors", "p50", "p95", "retries");
        rows.forEach((op, r) -> {
            List<Long> sorted = new ArrayList<>(r.micros);
            Collections.sort(sorted);
            out.printf("%-42s %6d %6d %8.1f %8.1f %7d%n", op, sorted.size(), r.errors, percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 95) / 1000.0, r.retries);
        });
        if (!relogins.isEmpty()) {
            out.printf("Re-logins: ");
            List<String> parts = new ArrayList<>();
            relogins.forEach((provider, n) -> parts.add(provider + " " + n[0] + " led, " + n[1] + " followed"));
            out.printf("%s%n", String.join("; ", parts));
        }
    }

    /** @return the nearest-rank percentile of sorted values, 0 for none */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
