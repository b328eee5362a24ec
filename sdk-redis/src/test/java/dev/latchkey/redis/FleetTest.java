package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.FakeServer;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of fleet mode: four worker JVM processes, one Kemono account and one TMDb key, one real Redis, fakes that
 * answer 429 beyond {@value #FAKE_LIMIT} requests per second. Each phase starts all workers at once (a barrier in
 * Redis); the counts come from the fakes' request logs, not from the workers' word.
 * <ul>
 *   <li>Kemono with the shared budget: exactly one login across the fleet; the fake revokes the session mid-run and
 *       there is exactly one re-login; no 429; every call succeeds.</li>
 *   <li>Kemono without it (control, three times the calls): no login (the session is shared), and 429s for at least
 *       every call beyond what two clock seconds of the fake's limit let through.</li>
 *   <li>TMDb, the same storm with and without the budget.</li>
 * </ul>
 */
class FleetTest {
    static final int WORKERS = 4;
    static final int CALLS = 6;
    static final int FAKE_LIMIT = 20;
    static final String LOGIN = "/api/v1/authentication/login";

    static final FakeKemono KEMONO = FakeKemono.create().start();
    static final FakeTmdb TMDB = FakeTmdb.builder().build().start();
    static final Map<String, List<RecordedCall>> CALLS_BY_PHASE = new HashMap<>();
    static final Map<String, int[]> RESULTS = new HashMap<>();
    static int revokedAt = -1;

    @BeforeAll
    static void runTheFleet(@TempDir Path dir) throws Exception {
        KEMONO.rateLimitPerSecond(FAKE_LIMIT);
        TMDB.rateLimitPerSecond(FAKE_LIMIT);
        String prefix = TestRedis.prefix();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), FleetWorker.class.getName(), TestRedis.url(), prefix,
                    KEMONO.baseUrl(), TMDB.baseUrl(), String.valueOf(CALLS))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("worker" + w + ".log").toFile()).start());
        }
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> redis = c.sync();
            for (String phase : FleetWorker.PHASES) {
                FakeServer<?> fake = phase.startsWith("kemono") ? KEMONO : TMDB;
                await(() -> count(redis, prefix + ":ready:" + phase) == WORKERS, workers, dir, "ready for " + phase);
                fake.clearCalls();
                redis.set(prefix + ":go:" + phase, "1");
                if (phase.equals("kemono-budget")) {
                    // Mid-run, Kemono ends every session: the fleet must log in again, once.
                    await(() -> fake.calls().size() >= WORKERS * CALLS / 2, workers, dir, "half the calls");
                    revokedAt = fake.calls().size();
                    assertThat(KEMONO.revokeSessions()).isEqualTo(1);
                }
                await(() -> count(redis, prefix + ":done:" + phase) == WORKERS, workers, dir, phase + " done");
                CALLS_BY_PHASE.put(phase, fake.calls());
            }
        } finally {
            client.shutdown();
        }
        for (int w = 0; w < WORKERS; w++) {
            Process p = workers.get(w);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(dir.resolve("worker" + w + ".log"));
            assertThat(p.exitValue()).as("worker %d:%n%s", w, log).isZero();
            for (String line : log.lines().filter(l -> l.startsWith("RESULT ")).toList()) {
                String[] f = line.split(" ");
                int[] sum = RESULTS.computeIfAbsent(f[1], k -> new int[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += Integer.parseInt(f[i + 2]);
                }
            }
        }
    }

    @AfterAll
    static void stopFakes() {
        // The counts for docs/fleet.md and the closing note.
        for (String phase : FleetWorker.PHASES) {
            List<RecordedCall> calls = CALLS_BY_PHASE.getOrDefault(phase, List.of());
            int[] r = RESULTS.getOrDefault(phase, new int[3]);
            System.out.printf("FLEET %s: requests=%d logins=%d 429s=%d 401s=%d | workers: ok=%d limited=%d failed=%d%n",
                    phase, calls.size(), logins(calls), calls.stream().filter(c -> c.status() == 429).count(),
                    calls.stream().filter(c -> c.status() == 401).count(), r[0], r[1], r[2]);
        }
        KEMONO.close();
        TMDB.close();
    }

    private static long count(RedisCommands<String, String> redis, String key) {
        String v = redis.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static void await(BooleanSupplier condition, List<Process> workers, Path dir, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            for (int w = 0; w < workers.size(); w++) {
                if (!workers.get(w).isAlive() && workers.get(w).exitValue() != 0) {
                    throw new AssertionError("worker " + w + " died before " + what + ":\n"
                            + Files.readString(dir.resolve("worker" + w + ".log")));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long answered(String phase, int status) {
        return CALLS_BY_PHASE.get(phase).stream().filter(c -> c.status() == status).count();
    }

    private static long logins(List<RecordedCall> calls) {
        return calls.stream().filter(c -> c.method().equals("POST") && c.target().startsWith(LOGIN)).count();
    }

    @Test
    void theSharedBudgetKeepsTheFleetUnderKemonosLimitWithOneLoginAndOneReloginAfterRevocation() {
        List<RecordedCall> calls = CALLS_BY_PHASE.get("kemono-budget");
        assertThat(revokedAt).isPositive();
        assertThat(logins(calls.subList(0, revokedAt))).as("logins before the revocation").isEqualTo(1);
        assertThat(logins(calls.subList(revokedAt, calls.size()))).as("re-logins after it").isEqualTo(1);
        assertThat(answered("kemono-budget", 429)).as("429s with the shared budget").isZero();
        assertThat(answered("kemono-budget", 401)).as("calls that met the revoked session").isBetween(1L,
                (long) WORKERS);
        assertThat(RESULTS.get("kemono-budget")).as("ok, 429, failed").containsExactly(WORKERS * CALLS, 0, 0);
    }

    @Test
    void withoutTheBudgetTheSameFleetRunsIntoKemonosLimit() {
        assertThat(logins(CALLS_BY_PHASE.get("kemono-control"))).as("the session is shared: no login").isZero();
        assertThat(answered("kemono-control", 429)).as("429s without a budget")
                .isGreaterThanOrEqualTo(WORKERS * CALLS * 3 - 2 * FAKE_LIMIT);
        int[] r = RESULTS.get("kemono-control");
        assertThat(r[0] + r[1]).as("every call accounted for").isEqualTo(WORKERS * CALLS * 3);
        assertThat(r[1]).isEqualTo((int) answered("kemono-control", 429));
        assertThat(r[2]).isZero();
    }

    @Test
    void theSameStormOnTmdbWithAndWithoutTheBudget() {
        assertThat(answered("tmdb-budget", 429)).isZero();
        assertThat(RESULTS.get("tmdb-budget")).containsExactly(WORKERS * CALLS, 0, 0);
        assertThat(answered("tmdb-control", 429)).isGreaterThanOrEqualTo(WORKERS * CALLS * 3 - 2 * FAKE_LIMIT);
        int[] r = RESULTS.get("tmdb-control");
        assertThat(r[0] + r[1]).isEqualTo(WORKERS * CALLS * 3);
        assertThat(r[2]).isZero();
    }
}
