package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command run with --verbose, with real secrets: none may reach standard output or standard error (HTTP logs
 * included: in tests they are on for every command, see the pom).
 */
class SecretsTest {
    @RegisterExtension
    static FakeKemono kemono = FakeKemono.create();

    @RegisterExtension
    static FakeTmdb tmdb = FakeTmdb.create();

    @TempDir
    Path dir;

    @Test
    void noSecretReachesStdoutOrStderr() throws Exception {
        List<Cli.Run> runs = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(FakeKemono.DEMO_PASSWORD, FakeTmdb.API_KEY,
                FakeTmdb.DEMO_PASSWORD, tmdb.readAccessToken()));
        Cli k = new Cli(dir).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        String kb = "--base-url=" + kemono.baseUrl();
        runs.add(k.run("--verbose", "kemono", "login", kb, "--user", "alice"));
        String cookie = Files.readString(dir.resolve("sessions.json")).replaceAll("(?s).*\"session\" : \"([^\"]+)\".*",
                "$1");
        secrets.add(cookie);
        runs.add(k.run("--verbose", "kemono", "account", kb));
        runs.add(k.run("--verbose", "kemono", "favorites", kb));
        runs.add(k.run("--verbose", "kemono", "favorites", "--type", "posts", "--json", kb));
        runs.add(k.run("--verbose", "kemono", "creator", "fanbox", "49494721", kb));
        runs.add(k.run("--verbose", "kemono", "random", kb));
        runs.add(new Cli(dir).env("KEMONO_PASSWORD", "Wrong-" + FakeKemono.DEMO_PASSWORD)
                .run("--verbose", "kemono", "login", kb, "--user", "alice"));
        runs.add(k.run("--verbose", "kemono", "logout", kb));

        Cli t = new Cli(dir).env("TMDB_API_KEY", FakeTmdb.API_KEY).env("TMDB_PASSWORD", FakeTmdb.DEMO_PASSWORD);
        String tb = "--base-url=" + tmdb.baseUrl();
        Cli.Run token = t.run("--verbose", "tmdb", "token", tb);
        runs.add(token);
        Matcher m = Pattern.compile("authenticate/([0-9a-f]{40})").matcher(token.out());
        assertThat(m.find()).isTrue();
        tmdb.approveRequestToken(m.group(1), "alice");
        Cli.Run session = t.run("--verbose", "tmdb", "session", tb);
        runs.add(session);
        runs.add(t.run("--verbose", "tmdb", "login", tb, "--user", "alice"));
        String sessions = Files.readString(dir.resolve("sessions.json"));
        Matcher sid = Pattern.compile("\"session_id\" : \"([0-9a-f]+)\"").matcher(sessions);
        while (sid.find()) {
            secrets.add(sid.group(1));
        }
        runs.add(t.run("--verbose", "tmdb", "account", tb));
        runs.add(t.run("--verbose", "tmdb", "favorites", tb, "--limit", "25"));
        runs.add(t.run("--verbose", "tmdb", "rate", "550", "9", tb));
        runs.add(t.run("--verbose", "tmdb", "ratings", tb));
        runs.add(t.run("--verbose", "tmdb", "guest", tb));
        Matcher gid = Pattern.compile("\"guest_session_id\" : \"([0-9a-f]+)\"")
                .matcher(Files.readString(dir.resolve("sessions.json")));
        assertThat(gid.find()).isTrue();
        secrets.add(gid.group(1));
        runs.add(t.run("--verbose", "tmdb", "rate", "550", "7", "--guest", tb));
        runs.add(t.run("--verbose", "tmdb", "ratings", "--guest", tb));
        runs.add(new Cli(dir).env("TMDB_API_KEY", FakeTmdb.API_KEY).env("TMDB_PASSWORD", "Wrong-pass-123")
                .run("--verbose", "tmdb", "login", tb, "--user", "alice"));
        runs.add(t.run("--verbose", "tmdb", "logout", tb));
        secrets.add("Wrong-pass-123");
        secrets.add("Wrong-" + FakeKemono.DEMO_PASSWORD);

        assertThat(runs.stream().map(Cli.Run::err).reduce("", String::concat)).contains("--> POST", "<-- 200");
        for (Cli.Run r : runs) {
            for (String secret : secrets) {
                assertThat(r.out() + r.err()).doesNotContain(secret);
            }
        }
        // The one deliberate exception: `tmdb token` prints the approval URL, which must carry the request token.
        assertThat(token.out()).contains("authenticate/" + m.group(1));
    }

    @Test
    void lettuceNeverLogsAtTraceWhereItWouldWriteTheRedisPassword() {
        // Issue 27: at TRACE, Lettuce's own logger writes the bytes it sends, the Redis AUTH password among them.
        String before = System.getProperty(Main.LETTUCE_LEVEL);
        String http = System.getProperty("org.slf4j.simpleLogger.log.dev.latchkey.http");
        String call = System.getProperty("org.slf4j.simpleLogger.log.dev.latchkey.call");
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        String level = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel");
        try {
            for (String asked : new String[] {"trace", "TRACE", "all"}) {
                System.setProperty(Main.LETTUCE_LEVEL, asked);
                Main.configureLogging(2);
                assertThat(System.getProperty(Main.LETTUCE_LEVEL)).isEqualTo("debug");
            }
            System.clearProperty(Main.LETTUCE_LEVEL);
            Main.configureLogging(2);
            assertThat(System.getProperty(Main.LETTUCE_LEVEL)).isEqualTo("warn");
            System.setProperty(Main.LETTUCE_LEVEL, "info");
            Main.configureLogging(0);
            assertThat(System.getProperty(Main.LETTUCE_LEVEL)).isEqualTo("info");
        } finally {
            restore(Main.LETTUCE_LEVEL, before);
            restore("org.slf4j.simpleLogger.log.dev.latchkey.http", http);
            restore("org.slf4j.simpleLogger.log.dev.latchkey.call", call);
            restore("org.slf4j.simpleLogger.logFile", file);
            restore("org.slf4j.simpleLogger.defaultLogLevel", level);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
