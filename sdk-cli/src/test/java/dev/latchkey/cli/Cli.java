package dev.latchkey.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code latchkey} in-process with a chosen environment, capturing everything it prints. */
final class Cli {
    final Map<String, String> env = new HashMap<>();
    final Path configDir;
    String promptAnswer;
    /** The user's browser, for commands that open one ({@code eternaltwin login}). */
    java.util.function.Consumer<java.net.URI> browser = url -> { };

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Cli(Path configDir) {
        this.configDir = configDir;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Run run(String... args) {
        CliEnvironment environment = new CliEnvironment(Map.copyOf(env),
                text -> Optional.ofNullable(promptAnswer).map(String::toCharArray), configDir.resolve("home"), browser);
        CommandLine cl = LatchkeyCommand.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--config-dir", configDir.toString()));
        all.addAll(List.of(args));
        long logStart = logSize();
        int exit = cl.execute(all.toArray(String[]::new));
        try {
            // The call log's lines come from an observer's thread: all of this run's, before reading them.
            dev.latchkey.core.observe.Observers.drain(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Run(exit, out.toString(), err + logSince(logStart));
    }

    /** slf4j-simple's output (standard error in the real CLI) goes to this file in tests: see the pom. */
    private static Path logFile() {
        return Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/cli-test-stderr.log"));
    }

    private static long logSize() {
        try {
            return Files.exists(logFile()) ? Files.size(logFile()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long start) {
        try {
            if (!Files.exists(logFile())) {
                return "";
            }
            byte[] all = Files.readAllBytes(logFile());
            return new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
