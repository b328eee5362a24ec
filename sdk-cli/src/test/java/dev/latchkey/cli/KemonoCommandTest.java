package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KemonoCommandTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
    }

    @Test
    void cookiesFromABrowserGetEveryCommandPastDdosGuard() throws Exception {
        try (FakeKemono guarded = FakeKemono.builder().ddosGuard(true).strictAccept(true).build().start()) {
            java.util.Map<String, String> solved = guarded.passDdosGuard();
            Path cookies = Files.writeString(dir.resolve("cookies.txt"), "# Netscape HTTP Cookie File\n"
                    + "127.0.0.1\tFALSE\t/\tFALSE\t0\t__ddg1_\t" + solved.get("__ddg1_") + "\n"
                    + "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\t__ddg2_\t" + solved.get("__ddg2_") + "\n");
            Cli.Run refused = cli.env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD).run("kemono", "login",
                    "--base-url", guarded.baseUrl(), "--user", "alice");
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("--cookies FILE");
            Cli.Run login = cli.run("kemono", "login", "--base-url", guarded.baseUrl(), "--user", "alice",
                    "--cookies", cookies.toString());
            assertThat(login.exit()).as(login.all()).isZero();
            Cli.Run favorites = cli.run("-v", "kemono", "favorites", "--base-url", guarded.baseUrl(), "--cookies",
                    cookies.toString());
            assertThat(favorites.exit()).as(favorites.all()).isZero();
            assertThat(favorites.out()).contains("someone");
            assertThat(login.all() + favorites.all()).doesNotContain(solved.get("__ddg1_"), solved.get("__ddg2_"));
            Cli.Run missing = cli.run("kemono", "favorites", "--base-url", guarded.baseUrl(), "--cookies",
                    dir.resolve("nope.txt").toString());
            assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);

            // The session, with the cookie DDoS-Guard set on the way, exported for curl or gallery-dl.
            Path exported = dir.resolve("exported.txt");
            Cli.Run export = cli.run("kemono", "export-cookies", exported.toString(), "--base-url", guarded.baseUrl(),
                    "--cookies", cookies.toString());
            assertThat(export.exit()).as(export.all()).isZero();
            assertThat(export.out()).contains("cookies for 127.0.0.1 to " + exported + " (mode 600)");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported))).isEqualTo("rw-------");
            assertThat(dev.latchkey.core.auth.Cookies.fromNetscape(exported))
                    .extracting(dev.latchkey.core.auth.Cookie::name).contains("session", "__ddg9_");
            assertThat(export.all()).doesNotContain(dev.latchkey.core.auth.Cookies.fromNetscape(exported).get(0)
                    .value());
        }
    }

    @Test
    void everyCallGoesThroughTheProxyGivenAndItsCredentialsNeverComeAsAnArgument() throws Exception {
        Cli.Run direct = cli.run("kemono", "random", "--base-url", fake.baseUrl());
        assertThat(direct.exit()).as(direct.all()).isZero();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Run viaDeadProxy = new Cli(dir).env("LATCHKEY_PROXY", "http://scraper:pr0xy-pass@127.0.0.1:" + closed)
                .run("kemono", "random", "--base-url", fake.baseUrl());
        assertThat(viaDeadProxy.exit()).as(viaDeadProxy.all()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(viaDeadProxy.all()).doesNotContain("pr0xy-pass");
        Cli.Run argument = cli.run("--proxy", "http://scraper:pr0xy-pass@127.0.0.1:" + closed, "kemono", "random",
                "--base-url", fake.baseUrl());
        assertThat(argument.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(argument.err()).contains("put the whole URL in $LATCHKEY_PROXY").doesNotContain("pr0xy-pass");
        Cli.Run socks = cli.run("--proxy", "socks5://127.0.0.1:" + closed, "kemono", "random", "--base-url",
                fake.baseUrl());
        assertThat(socks.exit()).as(socks.all()).isEqualTo(ExitCodes.TRANSPORT);
    }

    @Test
    void loginKeepsTheSessionInAFileOnlyTheUserCanRead() throws Exception {
        Cli.Run r = cli.env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD).run("kemono", "login", "--base-url",
                fake.baseUrl(), "--user", "alice");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).contains("Logged in as alice (account 1, consumer).");
        Path file = dir.resolve("sessions.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode sessions = new ObjectMapper().readTree(file.toFile()).get("sessions");
        JsonNode kemono = sessions.get("kemono:" + fake.baseUrl() + "#alice");
        assertThat(kemono.get("provider").asText()).isEqualTo("kemono");
        assertThat(kemono.get("cookies").get("session").asText()).isNotBlank();
        assertThat(kemono.get("attributes").get("username").asText()).isEqualTo("alice");
        assertThat(sessions.get("cli:kemono:" + fake.baseUrl()).get("attributes").get("username").asText())
                .isEqualTo("alice");
    }

    @Test
    void laterCommandsReuseTheSession() {
        cli.env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD).run("kemono", "login", "--base-url", fake.baseUrl(),
                "--user", "alice");
        Cli.Run account = cli.run("kemono", "account", "--base-url", fake.baseUrl());
        assertThat(account.exit()).as(account.all()).isZero();
        assertThat(account.out()).contains("username: alice", "role: consumer");
        Cli.Run favorites = cli.run("kemono", "favorites", "--base-url", fake.baseUrl());
        assertThat(favorites.out()).contains("SERVICE", "fanbox", "6993449", "someone", "patreon");
        Cli.Run posts = cli.run("kemono", "favorites", "--type", "posts", "--base-url", fake.baseUrl());
        assertThat(posts.out()).contains("TITLE", "1001");
        Cli.Run json = cli.run("kemono", "favorites", "--json", "--base-url", fake.baseUrl());
        assertThat(json.exit()).isZero();
        assertThat(json.out()).startsWith("[").contains("\"service\" : \"fanbox\"");
        assertThat(cli.run("kemono", "favorites", "--type", "nope", "--base-url", fake.baseUrl()).exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void logoutRemovesTheStoredSession() throws Exception {
        cli.env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD).run("kemono", "login", "--base-url", fake.baseUrl(),
                "--user", "alice");
        Cli.Run out = cli.run("kemono", "logout", "--base-url", fake.baseUrl());
        assertThat(out.exit()).as(out.all()).isZero();
        assertThat(out.out()).contains("Logged out alice.");
        assertThat(Files.readString(dir.resolve("sessions.json"))).doesNotContain("alice");
        Cli.Run after = cli.run("kemono", "account", "--base-url", fake.baseUrl());
        assertThat(after.exit()).isEqualTo(ExitCodes.UNAUTHORIZED);
        assertThat(after.err()).contains("not logged in to kemono");
        // Logging out again: the state asked for holds, so it succeeds (as rm -f does), and says so.
        Cli.Run again = cli.run("kemono", "logout", "--base-url", fake.baseUrl());
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("nothing to log out");
        assertThat(cli.run("kemono", "logout", "--json", "--base-url", fake.baseUrl()).out())
                .contains("\"was_logged_in\"").contains("false");
    }

    @Test
    void aPasswordFileOthersCanReadIsUsedWithAWarningAsSshWarns() throws Exception {
        Path pw = dir.resolve("open-pw.txt");
        Files.writeString(pw, FakeKemono.DEMO_PASSWORD + "\n");
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Run open = cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice", "--password-file",
                pw.toString());
        assertThat(open.exit()).as(open.all()).isZero();
        assertThat(open.err()).contains("warning: the password file " + pw + " can be read by others (mode rw-r--r--)",
                "chmod 600");
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Cli.Run closed = cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice",
                "--password-file", pw.toString());
        assertThat(closed.exit()).isZero();
        assertThat(closed.err()).doesNotContain("warning");
    }

    @Test
    void passwordsComeFromAFileOrAPromptButNeverArguments() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, FakeKemono.DEMO_PASSWORD + "\n");
        assertThat(cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice", "--password-file",
                pw.toString()).exit()).isZero();
        cli.promptAnswer = FakeKemono.DEMO_PASSWORD;
        assertThat(cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "mod").exit()).isEqualTo(3);
        cli.promptAnswer = null;
        Cli.Run none = cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice");
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("KEMONO_PASSWORD", "never read from arguments");
        Cli.Run asArgument = cli.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice",
                "--password", "x");
        assertThat(asArgument.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void exitCodesByFailureKind() {
        Cli.Run wrong = cli.env("KEMONO_PASSWORD", "not-alices-pw").run("kemono", "login", "--base-url",
                fake.baseUrl(), "--user", "alice");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        assertThat(wrong.err()).contains("Username or password is incorrect");
        Cli.Run none = cli.run("kemono", "creator", "fanbox", "0", "--base-url", fake.baseUrl());
        assertThat(none.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(none.err()).contains("no creator fanbox/0 on " + fake.baseUrl());
        fake.faults().next().rateLimited(java.time.Duration.ofSeconds(600)); // over the cap: thrown at once
        assertThat(cli.run("kemono", "random", "--base-url", fake.baseUrl()).exit()).isEqualTo(ExitCodes.RATE_LIMITED);
        fake.faults().next().htmlChallenge();
        assertThat(cli.run("kemono", "random", "--base-url", fake.baseUrl()).exit()).isEqualTo(ExitCodes.API_ERROR);
        fake.faults().next().truncatedJson();
        assertThat(cli.run("kemono", "random", "--base-url", fake.baseUrl()).exit())
                .isEqualTo(ExitCodes.INVALID_RESPONSE);
        Cli.Run refused = cli.run("kemono", "random", "--base-url", "http://127.0.0.1:1/api");
        assertThat(refused.exit()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(refused.err()).contains("latchkey: ").doesNotContain("\tat ");
        // --verbose adds the stack trace, for a bug report.
        Cli.Run verbose = cli.run("--verbose", "kemono", "random", "--base-url", "http://127.0.0.1:1/api");
        assertThat(verbose.exit()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(verbose.err()).contains("latchkey: ", "TransportException", "\tat dev.latchkey.");
        assertThat(cli.run("kemono", "account", "--base-url", "http://example.com/api").exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("kemono", "nosuchcommand").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void creatorAndRandom() {
        Cli.Run c = cli.run("kemono", "creator", "fanbox", "49494721", "--base-url", fake.baseUrl());
        assertThat(c.out()).contains("soso (fanbox/49494721), 3 posts");
        // service/creator/post, two spaces, and the post's title, fetched by a second call
        assertThat(cli.run("kemono", "random", "--base-url", fake.baseUrl()).out())
                .matches("(?s)\\w+/\\w+/\\d+  [^?\\s].*");
        assertThat(cli.run("kemono", "random", "--creator", "--json", "--base-url", fake.baseUrl()).out())
                .contains("\"artist_id\"");
    }
}
