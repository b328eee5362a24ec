package dev.latchkey.bench;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Pins the canned server to core 0 and the benchmark JVM to the other cores with {@code taskset}, so the two do not
 * take turns on one core. Off with {@code -Dbench.pin=false}, and where {@code taskset} or a second core is missing.
 */
final class Pinning {
    private static boolean pinned;

    private Pinning() {
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty("bench.pin")) && Runtime.getRuntime().availableProcessors() >= 2
                && new File("/usr/bin/taskset").canExecute();
    }

    /** @return the command prefix that pins the server, or none */
    static List<String> serverPrefix() {
        return enabled() ? List.of("/usr/bin/taskset", "-c", "0") : List.of();
    }

    /** Pins every thread of this JVM (and so every thread it starts later) to cores 1 and up, once. */
    static synchronized void pinThisJvm() {
        if (pinned || !enabled()) {
            return;
        }
        int last = Runtime.getRuntime().availableProcessors() - 1;
        String cores = last == 1 ? "1" : "1-" + last;
        try {
            Process p = new ProcessBuilder("/usr/bin/taskset", "-a", "-p", "-c", cores,
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                System.err.println("[bench] taskset failed; running unpinned");
            }
            pinned = true;
        } catch (IOException e) {
            System.err.println("[bench] taskset failed (" + e.getMessage() + "); running unpinned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
