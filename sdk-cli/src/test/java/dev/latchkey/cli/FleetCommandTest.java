package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.redis.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --session-store redis://...}: two "machines" (two config folders, nothing shared on disk) share one login
 * through a real redis-server, the one {@code latchkey sandbox --redis} starts.
 */
class FleetCommandTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    static LocalRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @TempDir
    Path machineA;
    @TempDir
    Path machineB;

    private static long logins() {
        return fake.calls().stream().map(RecordedCall::target).filter(t -> t.endsWith("/authentication/login"))
                .count();
    }

    @Test
    void aLoginOnOneMachineServesAnother() {
        String url = redis.url() + "/1";
        Cli a = new Cli(machineA).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        Cli.Run login = a.run("kemono", "login", "--session-store", url, "--base-url", fake.baseUrl(), "--user",
                "alice");
        assertThat(login.exit()).as(login.all()).isZero();
        assertThat(machineA.resolve("sessions.json")).doesNotExist();

        Cli b = new Cli(machineB).env("LATCHKEY_SESSION_STORE", url);
        Cli.Run favorites = b.run("kemono", "favorites", "--base-url", fake.baseUrl());
        assertThat(favorites.exit()).as(favorites.all()).isZero();
        assertThat(favorites.out()).contains("fanbox", "6993449");
        assertThat(logins()).as("one login for both machines").isEqualTo(1);
        assertThat(machineB.resolve("sessions.json")).doesNotExist();
    }

    @Test
    void aPasswordInTheOptionIsRefusedWithoutBeingShown() {
        Cli.Run r = new Cli(machineA).run("kemono", "account", "--session-store",
                "redis://:hunter2-pass@127.0.0.1:6379", "--base-url", fake.baseUrl());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.all()).contains("LATCHKEY_SESSION_STORE").doesNotContain("hunter2");
    }

    @Test
    void anUnreachableRedisIsAClearFailureNamingNoPassword() {
        Cli.Run r = new Cli(machineA).env("LATCHKEY_SESSION_STORE", "redis://:hunter2-pass@127.0.0.1:1")
                .env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD)
                .run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice");
        // Issue 29: an unreachable store is a transport failure to a script (7), not an unexpected one (1).
        assertThat(r.exit()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(r.all()).contains("cannot connect to Redis at 127.0.0.1:1").contains("is the session store's server "
                + "running?").doesNotContain("hunter2");
    }

    @Test
    void aSessionKeyEncryptsWhatRedisHolds() {
        String url = redis.url() + "/2";
        String key = SessionCipher.newBase64Key();
        Cli a = new Cli(machineA).env("LATCHKEY_SESSION_STORE", url).env("LATCHKEY_SESSION_KEY", key)
                .env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        assertThat(a.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice").exit()).isZero();
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String stored = c.sync().hget("latchkey:{kemono:" + fake.baseUrl() + "#alice}:session", "data");
            assertThat(stored).isNotNull().doesNotContain("session").doesNotContain("alice");
        } finally {
            client.shutdown();
        }
        Cli.Run withoutKey = new Cli(machineB).env("LATCHKEY_SESSION_STORE", url)
                .run("kemono", "account", "--base-url", fake.baseUrl());
        assertThat(withoutKey.exit()).isNotZero();
        assertThat(withoutKey.err()).contains("encrypted");
        assertThat(new Cli(machineB).env("LATCHKEY_SESSION_STORE", url).env("LATCHKEY_SESSION_KEY", "short")
                .run("kemono", "account", "--base-url", fake.baseUrl()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theFileStoreCanBeEncryptedToo() throws Exception {
        Cli a = new Cli(machineA).env("LATCHKEY_SESSION_KEY", SessionCipher.newBase64Key())
                .env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        assertThat(a.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice").exit()).isZero();
        assertThat(Files.readString(machineA.resolve("sessions.json"))).contains("sealed");
        assertThat(a.run("kemono", "account", "--base-url", fake.baseUrl()).out()).contains("username: alice");
    }
}
