package dev.latchkey.cli;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code latchkey eternaltwin ...} in-process: the browser login over the loopback receiver, then the users API. */
class EternaltwinCommandTest {
    static final int PORT = freePort();
    static final String CALLBACK = "http://127.0.0.1:" + PORT + "/oauth/callback";
    static final OkHttpClient browser = new OkHttpClient();

    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().demoCallback(CALLBACK).asGitlabMaster2026()
            .build();

    @TempDir
    Path dir;
    Cli cli;

    /**
     * A free port outside the kernel's ephemeral range (32768-60999 on Linux): a port released by a probe there could
     * be handed to the next server that binds port 0 (the fake itself), and the receiver could not listen.
     */
    static int freePort() {
        for (int p = 23_000; p < 24_000; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 23000-23999");
    }

    @AfterAll
    static void closeBrowser() {
        browser.dispatcher().executorService().shutdown();
    }

    @BeforeEach
    void setUp() {
        cli = new Cli(dir).env("ETERNALTWIN_CLIENT_ID", FakeEternaltwin.DEMO_CLIENT)
                .env("ETERNALTWIN_CLIENT_SECRET", FakeEternaltwin.DEMO_CLIENT_SECRET);
    }

    /**
     * Runs {@code eternaltwin login} with the test as the user's browser: the fake decides where the browser goes
     * (the approval, or a refusal), and the browser follows that to the loopback receiver.
     */
    Cli.Run login(Function<String, String> approve, String... extra) {
        cli.browser = url -> {
            try (Response r = browser.newCall(new Request.Builder().url(approve.apply(url.toString())).build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("Authorization received");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return cli.run(concat(new String[] {"eternaltwin", "login", "--port", String.valueOf(PORT), "--timeout",
            "PT20S", "--base-url", fake.baseUrl()}, extra));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void logInWithTheBrowserThenUseTheStoredToken() throws Exception {
        Cli.Run login = login(url -> fake.authorize(url, FakeEternaltwin.DEMO_USER));
        assertThat(login.exit()).as(login.all()).isZero();
        String id = fake.userId(FakeEternaltwin.DEMO_USER);
        assertThat(login.out()).contains("Logged in as Alice (user " + id + ").");
        assertThat(login.err()).contains("Open this URL to log in", CALLBACK);
        assertThat(login.all()).doesNotContain(FakeEternaltwin.DEMO_CLIENT_SECRET);

        Cli.Run self = cli.run("eternaltwin", "self", "--base-url", fake.baseUrl());
        assertThat(self.exit()).as(self.all()).isZero();
        assertThat(self.out()).contains("id: " + id, "display name: Alice");

        Cli.Run user = cli.run("eternaltwin", "user", fake.userId("demurgos"), "--base-url", fake.baseUrl());
        assertThat(user.out()).contains("display name: Demurgos", "administrator: true");
        Cli.Run search = cli.run("eternaltwin", "search", "user", "--limit", "1", "--all", "--base-url",
                fake.baseUrl());
        assertThat(search.exit()).as(search.all()).isZero();
        assertThat(search.out()).contains("ID", "NAME", "user1", "user2");
        Cli.Run onePage = cli.run("eternaltwin", "search", "user", "--limit", "1", "--base-url", fake.baseUrl());
        assertThat(onePage.out()).contains("user1").doesNotContain("user2");
        Cli.Run count = cli.run("eternaltwin", "count", "user", "--json", "--base-url", fake.baseUrl());
        assertThat(count.out()).contains("\"count\" : 2");
        assertThat(cli.run("eternaltwin", "count", "--base-url", fake.baseUrl()).out().strip()).isEqualTo("5");

        Cli.Run logout = cli.run("eternaltwin", "logout", "--base-url", fake.baseUrl());
        assertThat(logout.exit()).as(logout.all()).isZero();
        assertThat(logout.out()).contains("Forgot the login of Alice.");
        java.nio.file.Path store = dir.resolve("sessions.json");
        // The token's session and the remembered user both went.
        assertThat(java.nio.file.Files.exists(store) ? java.nio.file.Files.readString(store) : "").doesNotContain(id);
        assertThat(cli.run("eternaltwin", "self", "--base-url", fake.baseUrl()).exit())
                .isEqualTo(ExitCodes.UNAUTHORIZED);
    }

    @Test
    void exitCodesSayWhatWentWrong() throws Exception {
        assertThat(cli.run("eternaltwin", "user", "00000000-0000-4000-8000-000000000000", "--base-url",
                fake.baseUrl()).exit()).isEqualTo(ExitCodes.NOT_FOUND);
        Cli.Run bad = cli.run("eternaltwin", "user", "../auth/self", "--base-url", fake.baseUrl());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("not a UUID");
        // The user says no: the refusal comes back to the receiver, after the state was checked.
        Cli.Run denied = login(fake::deny);
        assertThat(denied.exit()).as(denied.all()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        assertThat(denied.err()).contains("the authorization was refused: access_denied");
        // A wrong client secret: Eternaltwin's token endpoint answers a bare 500; the message names the usual cause.
        cli.env("ETERNALTWIN_CLIENT_SECRET", "not-the-secret");
        Cli.Run wrong = login(url -> fake.authorize(url, FakeEternaltwin.DEMO_USER));
        assertThat(wrong.exit()).as(wrong.all()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(wrong.err()).contains("wrong client id or client secret (the usual cause");
        assertThat(wrong.all()).doesNotContain("not-the-secret");
        // No client id at all.
        Cli noId = new Cli(dir).env("ETERNALTWIN_CLIENT_SECRET", "x");
        Cli.Run usage = noId.run("eternaltwin", "login", "--base-url", fake.baseUrl());
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("--client-id");
    }

    @Test
    void nobodyComingBackEndsTheWaitAfterTheTimeout() {
        Cli.Run r = cli.run("eternaltwin", "login", "--no-browser", "--port", String.valueOf(PORT), "--timeout",
                "PT0.3S", "--base-url", fake.baseUrl());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("no OAuth redirect arrived at " + CALLBACK + " within PT0.3S");
    }

    @Test
    void aCallbackPortInUseSaysSo() throws Exception {
        // Issue 27, item 9: the CLI printed "cannot listen on 127.0.0.1:N" and dropped "Address already in use".
        try (ServerSocket taken = new ServerSocket(PORT, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Run r = cli.run("eternaltwin", "login", "--no-browser", "--base-url", fake.baseUrl(), "--port",
                    String.valueOf(PORT));
            assertThat(r.exit()).as(r.all()).isNotZero();
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + PORT).contains("Address already in use")
                    .contains("choose another one").contains("pass --port N");
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        }
    }
}
