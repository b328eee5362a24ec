package dev.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks several times (default 3, one fork each, the whole set in turn, so a noisy minute spoils one
 * run of each benchmark rather than every run of one) with {@code -prof gc} and {@link CpuTimeProfiler}, then prints
 * and writes ({@code sdk-bench/target/benchmark-report.md}) one table: per benchmark the median and spread (min to
 * max) of its score, bytes per call and CPU per call, and against the floor of its group (the method named
 * {@code <group>Floor} in the same class) the median of the per-run ratios.
 *
 * <pre>java -cp sdk-bench/target/benchmarks.jar dev.latchkey.bench.Report [runs] [include regex] [warm-up s] [measure s]</pre>
 */
public final class Report {
    private static final String DEFAULT_INCLUDE =
            "dev\\.latchkey\\.bench\\.(Tmdb|Kemono|KemonoStream|Eternaltwin|KaraokeMugen|JacksonPath)Benchmark\\.";

    private Report() {
    }

    /** One benchmark's figures in one run. */
    record Figures(double score, String unit, double bytes, double cpuMicros) {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String include = args.length > 1 && !args[1].isEmpty() ? args[1] : DEFAULT_INCLUDE;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int measure = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        Map<String, List<Figures>> byBenchmark = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            System.err.printf("[report] run %d of %d%n", run, runs);
            ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(1)
                    .warmupIterations(warmup).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(measure).measurementTime(TimeValue.seconds(1))
                    .addProfiler(GCProfiler.class).addProfiler(CpuTimeProfiler.class);
            for (RunResult r : new Runner(options.build()).run()) {
                byBenchmark.computeIfAbsent(label(r), k -> new ArrayList<>()).add(figures(r));
            }
        }
        String table = table(byBenchmark, runs);
        System.out.println(table);
        Path out = Path.of("sdk-bench/target").toFile().isDirectory() ? Path.of("sdk-bench/target/benchmark-report.md")
                : Path.of("benchmark-report.md");
        Files.writeString(out, table);
        System.err.println("[report] written to " + out);
    }

    private static String label(RunResult r) {
        String name = r.getParams().getBenchmark();
        String[] parts = name.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static Figures figures(RunResult r) {
        Map<String, Result> secondary = r.getSecondaryResults();
        return new Figures(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit(),
                secondary(secondary, "gc.alloc.rate.norm"), secondary(secondary, CpuTimeProfiler.NAME));
    }

    private static double secondary(Map<String, Result> results, String suffix) {
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    /** The group of {@code Class.favoritesLatchkeySync} is {@code Class.favorites}: up to the first capital. */
    static String group(String label) {
        int dot = label.indexOf('.');
        String method = label.substring(dot + 1);
        int i = 0;
        while (i < method.length() && !Character.isUpperCase(method.charAt(i))) {
            i++;
        }
        return label.substring(0, dot + 1) + method.substring(0, i);
    }

    static String table(Map<String, List<Figures>> byBenchmark, int runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d runs; median [min, max]; ratios are the median of each run's "
                + "contender/floor%n%n", runs));
        sb.append("| benchmark | score | bytes/op | CPU µs/op | score vs floor | bytes vs floor | CPU vs floor |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Figures>> e : byBenchmark.entrySet()) {
            List<Figures> f = e.getValue();
            String floorLabel = group(e.getKey()) + "Floor";
            List<Figures> floor = byBenchmark.get(floorLabel);
            boolean isFloor = e.getKey().equals(floorLabel);
            sb.append("| ").append(e.getKey()).append(" | ")
                    .append(spread(f.stream().mapToDouble(Figures::score).toArray(), "%,.0f")).append(' ')
                    .append(f.get(0).unit()).append(" | ")
                    .append(spread(f.stream().mapToDouble(Figures::bytes).toArray(), "%,.0f")).append(" | ")
                    .append(spread(f.stream().mapToDouble(Figures::cpuMicros).toArray(), "%,.1f")).append(" | ");
            if (floor == null || isFloor || floor.size() != f.size()) {
                sb.append(isFloor ? "floor | floor | floor |\n" : "— | — | — |\n");
                continue;
            }
            sb.append(ratio(f, floor, Figures::score)).append(" | ").append(ratio(f, floor, Figures::bytes))
                    .append(" | ").append(ratio(f, floor, Figures::cpuMicros)).append(" |\n");
        }
        return sb.toString();
    }

    private static String ratio(List<Figures> f, List<Figures> floor,
            java.util.function.ToDoubleFunction<Figures> metric) {
        double[] r = new double[f.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = metric.applyAsDouble(f.get(i)) / metric.applyAsDouble(floor.get(i));
        }
        return spread(r, "%.3f");
    }

    static String spread(double[] values, String format) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        if (v.length == 1) {
            return String.format(Locale.ROOT, format, median);
        }
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median, v[0],
                v[v.length - 1]);
    }
}
