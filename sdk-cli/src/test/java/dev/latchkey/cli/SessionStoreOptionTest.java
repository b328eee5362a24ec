package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.kemono.FakeKemono;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code --session-store} puts sessions, which URLs count as Redis and as holding a password, and the sandbox's ports. */
class SessionStoreOptionTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    @TempDir
    Path dir;

    @Test
    void redisUrlsAreToldFromFilesAndCredentialsAreSpotted() {
        assertThat(LatchkeyCommand.isRedis("redis://127.0.0.1:6379")).isTrue();
        assertThat(LatchkeyCommand.isRedis(" REDISS://cache.example:6380/2")).isTrue();
        assertThat(LatchkeyCommand.isRedis("/home/me/sessions.json")).isFalse();
        assertThat(LatchkeyCommand.isRedis("redis.json")).isFalse();
        assertThat(LatchkeyCommand.hasPassword("redis://:s3cret@127.0.0.1:6379")).isTrue();
        assertThat(LatchkeyCommand.hasPassword("redis://user:s3cret@127.0.0.1:6379/0")).isTrue();
        assertThat(LatchkeyCommand.hasPassword("redis://s3cret@127.0.0.1")).as("the older password-only form").isTrue();
        assertThat(LatchkeyCommand.hasPassword("redis://127.0.0.1:6379/0")).isFalse();
        assertThat(LatchkeyCommand.hasPassword("redis://127.0.0.1:6379/a@b")).as("an @ after the host").isFalse();
        assertThat(LatchkeyCommand.hasPassword("/tmp/me@host/sessions.json")).as("a file is never a URL").isFalse();
    }

    @Test
    void aFileGivenToTheOptionHoldsTheSessionsInsteadOfTheConfigFolder() {
        Path file = dir.resolve("elsewhere/kept.json");
        Cli cli = new Cli(dir.resolve("config")).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        Cli.Run login = cli.run("kemono", "login", "--session-store", file.toString(), "--base-url", fake.baseUrl(),
                "--user", "alice");
        assertThat(login.exit()).as(login.all()).isZero();
        assertThat(file).exists();
        assertThat(dir.resolve("config/sessions.json")).doesNotExist();
        Cli.Run account = cli.run("kemono", "account", "--session-store", file.toString(), "--base-url",
                fake.baseUrl());
        assertThat(account.out()).as(account.all()).contains("username: alice");
        assertThat(cli.run("kemono", "account", "--base-url", fake.baseUrl()).exit())
                .as("the config folder's store knows nothing").isEqualTo(ExitCodes.UNAUTHORIZED);
    }

    @Test
    void theSandboxTakesConsecutivePortsFromTheOneGiven() throws Exception {
        int base = freeRun(5);
        Cli.Run sandbox = new Cli(dir).run("sandbox", "--port", String.valueOf(base), "--redis", "--for", "PT0.3S");
        assertThat(sandbox.exit()).as(sandbox.all()).isZero();
        assertThat(sandbox.out()).contains("Kemono  http://127.0.0.1:" + base + "/api",
                "TMDb    http://127.0.0.1:" + (base + 1), "Eternaltwin http://127.0.0.1:" + (base + 2),
                "Karaoke Mugen http://127.0.0.1:" + (base + 3), "Redis   redis://127.0.0.1:" + (base + 4));
    }

    /** @return the first of {@code n} consecutive free loopback ports, outside the ephemeral range */
    private static int freeRun(int n) {
        for (int base = 24_000 + (int) (ProcessHandle.current().pid() % 500) * 10; base < 29_000; base += n) {
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (java.io.IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no run of " + n + " free ports");
    }
}
