package dev.latchkey.core.testing.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Jazzer (coverage-guided, libFuzzer underneath) on a fuzz driver in a child JVM on the test class path, and
 * reads what it printed. Used by each provider's fuzz test for a bounded run in {@code ./mvnw verify}, and by the
 * {@code fuzz} profile for the long run ({@code -Dfuzz.runs=1000000}). A child process because Jazzer's JUnit
 * fuzzing mode swallows libFuzzer's own report; here it is kept in {@code target/fuzz/<name>.log}.
 *
 * @param runs inputs executed
 * @param seconds wall time libFuzzer reported
 * @param coverage the last coverage count (edges) reported
 * @param exitCode Jazzer's exit code: 0 when nothing was found
 * @param log the report file
 */
public record JazzerRun(long runs, long seconds, long coverage, int exitCode, Path log) {
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern COV = Pattern.compile("cov: (\\d+)");

    /** Where the fuzzer is started at lower priority, when the system has it. */
    private static final Path NICE = Path.of("/usr/bin/nice");

    /**
     * @param driver a class with {@code static void fuzzerTestOneInput(FuzzedDataProvider)}
     * @param name a short name for the corpus and log folders
     * @param seeds folders of inputs to start from (read only)
     * @param runs how many inputs at most
     * @param seconds how long at most (0: no limit)
     * @return what Jazzer reported
     */
    public static JazzerRun run(Class<?> driver, String name, List<Path> seeds, long runs, long seconds)
            throws IOException, InterruptedException {
        Path dir = Path.of("target", "fuzz");
        Path corpus = dir.resolve(name + "-corpus");
        Files.createDirectories(corpus);
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            // Beside the contract suite (another test JVM, short deadlines), the CPU-bound fuzzer yields the CPU.
            cmd.addAll(List.of(NICE.toString(), "-n", "10"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (seconds > 0 && seconds <= 60) {
            // A bounded run in verify is mostly start-up and the corpus replay: C1 alone gets there on less CPU. The
            // long runs keep C2, which pays off after the first minutes.
            cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + driver.getName(), "--instrumentation_includes=dev.latchkey.**",
                "--reproducer_path=" + dir.toAbsolutePath(), "-artifact_prefix=" + dir.toAbsolutePath() + "/" + name + "-",
                "-runs=" + runs, "-timeout=120", "-rss_limit_mb=0", "-print_final_stats=1"));
        if (seconds > 0) {
            cmd.add("-max_total_time=" + seconds);
        }
        cmd.add(corpus.toString());
        for (Path seed : seeds) {
            if (Files.isDirectory(seed)) {
                cmd.add(seed.toString());
            }
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long guard = seconds > 0 ? seconds + 300 : TimeUnit.DAYS.toSeconds(2);
        if (!p.waitFor(guard, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Jazzer did not finish within " + guard + " s; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        Matcher done = DONE.matcher(out);
        long r = 0;
        long s = 0;
        while (done.find()) {
            r = Long.parseLong(done.group(1));
            s = Long.parseLong(done.group(2));
        }
        Matcher cov = COV.matcher(out);
        long c = 0;
        while (cov.find()) {
            c = Long.parseLong(cov.group(1));
        }
        return new JazzerRun(r, s, c, p.exitValue(), log);
    }

    /** @return the finding's report, when there was one: the lines from Jazzer's "== Java Exception" on */
    public String finding() throws IOException {
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        int at = out.indexOf("== Java Exception");
        return at < 0 ? out.substring(Math.max(0, out.length() - 3000)) : out.substring(at, Math.min(out.length(),
                at + 4000));
    }
}
