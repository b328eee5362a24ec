package dev.latchkey.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The canned server, in <b>its own process</b> ({@link CannedServerMain}), so that a benchmark's bytes and CPU per
 * call are the client's alone. With {@code taskset} and two or more cores, the server is pinned to core 0 and this JVM
 * to the others ({@link Pinning}); {@code -Dbench.pin=false} turns that off.
 */
final class CannedServer implements AutoCloseable {
    private final Process process;
    private final Path answersFile;
    private final int port;

    private CannedServer(Process process, Path answersFile, int port) {
        this.process = process;
        this.answersFile = answersFile;
        this.port = port;
    }

    static CannedServer start(CannedAnswers answers) {
        Pinning.pinThisJvm();
        Path file = null;
        try {
            file = Files.createTempFile("latchkey-canned", ".bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                answers.writeTo(out);
            }
            List<String> command = new ArrayList<>(Pinning.serverPrefix());
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                    "-Xss512k", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    CannedServerMain.class.getName(), file.toString()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (first == null || !first.startsWith("port ")) {
                p.destroyForcibly();
                throw new IllegalStateException("the canned server did not start: " + first);
            }
            return new CannedServer(p, file, Integer.parseInt(first.substring(5).trim()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the server process's CPU time so far, in nanoseconds, or -1 where the platform does not say */
    long serverCpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the server exits when its standard input ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(answersFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
