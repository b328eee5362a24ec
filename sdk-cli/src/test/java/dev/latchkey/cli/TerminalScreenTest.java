package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.testkit.WithFakeServers;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person at a terminal sees: the CLI runs in its own JVM under {@code script}, which gives it a
 * pseudo-terminal (so the progress bar is on), and the bytes it wrote are replayed on a small screen model (carriage
 * returns, erases, cursor moves) to read the final screen, as the person would.
 */
@WithFakeServers
class TerminalScreenTest {
    static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path config;

    @Test
    void tmdbFavoritesPrintsItsTableBelowAClearedProgressBar(FakeTmdb tmdb) throws Exception {
        // The login needs no terminal: in process, into the config folder the terminal run reads.
        assertThat(new Cli(config).env("TMDB_API_KEY", FakeTmdb.API_KEY).env("TMDB_PASSWORD", FakeTmdb.DEMO_PASSWORD)
                .run("tmdb", "login", "--user", "alice", "--base-url", tmdb.baseUrl()).exit()).isZero();
        List<String> screen = run(Map.of("TMDB_API_KEY", FakeTmdb.API_KEY), "tmdb", "favorites", "--base-url",
                tmdb.baseUrl());
        assertThat(screen.get(0)).matches("ID +RELEASED +TITLE");
        assertThat(screen).hasSize(1 + FakeTmdb.DEMO_FAVORITE_MOVIES).noneMatch(line -> line.contains("favorites"));
    }

    @Test
    void kemonoFavoritesToo(FakeKemono kemono) throws Exception {
        assertThat(new Cli(config).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD)
                .run("kemono", "login", "--user", "alice", "--base-url", kemono.baseUrl()).exit()).isZero();
        List<String> screen = run(Map.of(), "kemono", "favorites", "--base-url", kemono.baseUrl());
        assertThat(screen.get(0)).matches("SERVICE +ID +NAME");
        assertThat(screen).hasSizeGreaterThan(1).noneMatch(line -> line.contains("favorites"));
    }

    /** @return the screen's non-blank lines after the command, run at a pseudo-terminal, ends */
    List<String> run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(args));
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) gives the CLI a pseudo-terminal");
        List<String> command = List.of(SCRIPT.toString(), "-q", "-e", "-c", String.join(" ", java.stream()
                .map(TerminalScreenTest::quote).toList()), "/dev/null");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("LATCHKEY_CONFIG_DIR", config.toString()); // as Cli's --config-dir
        pb.environment().put("TERM", "xterm");
        pb.environment().put("COLUMNS", "120");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return Screen.replay(text);
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A terminal screen, enough of one for what the CLI and its progress bar write. */
    static final class Screen {
        private final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        private int row;
        private int col;

        static List<String> replay(String output) {
            Screen s = new Screen();
            for (int i = 0; i < output.length(); i++) {
                char c = output.charAt(i);
                if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                    int end = i + 2;
                    while (end < output.length() && !Character.isLetter(output.charAt(end))
                            && output.charAt(end) != '@' && output.charAt(end) != '~') {
                        end++;
                    }
                    if (end < output.length()) {
                        s.control(output.substring(i + 2, end), output.charAt(end));
                    }
                    i = end;
                } else {
                    s.put(c);
                }
            }
            return s.lines.stream().map(b -> b.toString().stripTrailing()).filter(l -> !l.isBlank()).toList();
        }

        private void put(char c) {
            switch (c) {
                case '\r' -> col = 0;
                case '\n' -> {
                    row++;
                    while (lines.size() <= row) {
                        lines.add(new StringBuilder());
                    }
                }
                case '\b' -> col = Math.max(0, col - 1);
                default -> {
                    if (c < ' ') {
                        return;
                    }
                    StringBuilder line = lines.get(row);
                    while (line.length() < col) {
                        line.append(' ');
                    }
                    if (col < line.length()) {
                        line.setCharAt(col, c);
                    } else {
                        line.append(c);
                    }
                    col++;
                }
            }
        }

        private void control(String params, char command) {
            String p = params.replace("?", "");
            int n = p.isEmpty() || !p.chars().allMatch(Character::isDigit) ? 0 : Integer.parseInt(p);
            StringBuilder line = lines.get(row);
            switch (command) {
                case 'K' -> { // erase in line
                    if (n == 0 && col < line.length()) {
                        line.setLength(col);
                    } else if (n == 2) {
                        line.setLength(0);
                    } else if (n == 1) {
                        for (int i = 0; i < Math.min(col, line.length()); i++) {
                            line.setCharAt(i, ' ');
                        }
                    }
                }
                case 'A' -> row = Math.max(0, row - Math.max(1, n));
                case 'G' -> col = Math.max(0, n - 1);
                default -> {
                    // colours, cursor visibility: nothing on the screen's text
                }
            }
        }
    }
}
