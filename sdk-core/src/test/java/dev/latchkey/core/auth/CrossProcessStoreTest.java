package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.internal.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 23 of the hostile-server review: three CLI logins at once lost an entry, because the file store's
 * read-modify-write was locked within one JVM only. Several JVM processes now write their own keys many times into
 * one file; every key is there at the end, and the file is whole JSON.
 */
class CrossProcessStoreTest {
    static final int PROCESSES = 4;
    static final int KEYS_EACH = 25;

    /** The child process: saves {@code count} keys named {@code prefix-i} into the file. */
    public static final class Writer {
        public static void main(String[] args) {
            SessionStore store = SessionStore.file(Path.of(args[0]));
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                store.save(args[1] + '-' + i, Session.builder("test").cookie("session", "v" + i)
                        .attribute("n", String.valueOf(i)).build());
            }
            // Then every process wants the one shared account: one logs in, holding the renew lock while its
            // (slow) login runs; the others wait and take its session.
            Path logins = Path.of(args[0] + ".logins");
            store.renew("shared-account", null, () -> {
                try {
                    Files.writeString(logins, args[1] + "\n", java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    Thread.sleep(200);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return Session.builder("test").cookie("session", "logged-in-by-" + args[1]).build();
            });
        }
    }

    @Test
    void processesWritingAtOnceLoseNoKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sessions.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            children.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"),
                    Writer.class.getName(), file.toString(), "worker" + p, String.valueOf(KEYS_EACH))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out" + p + ".log").toFile()).start());
        }
        for (int p = 0; p < PROCESSES; p++) {
            Process child = children.get(p);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("worker %d finished", p).isTrue();
            assertThat(child.exitValue()).as("worker %d: %s", p, Files.readString(dir.resolve("out" + p + ".log")))
                    .isZero();
        }
        assertThat(Json.mapper().readTree(file.toFile()).path("sessions").size()).isEqualTo(PROCESSES * KEYS_EACH + 1);
        assertThat(Files.readAllLines(Path.of(file + ".logins"))).as("logins of the shared account").hasSize(1);
        SessionStore store = SessionStore.file(file);
        for (int p = 0; p < PROCESSES; p++) {
            for (int i = 0; i < KEYS_EACH; i++) {
                assertThat(store.load("worker" + p + '-' + i)).as("worker%d-%d", p, i).isPresent();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(n -> n.endsWith(".tmp")))
                    .as("temporary files left").isEmpty();
        }
        assertThat(new File(file + ".lock")).exists();
    }
}
