package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.SessionStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis session store against a real redis-server: storage, compare-and-set, leases, encryption, failures. */
class RedisSessionStoreTest {
    private static final String KEY = "kemono:https://kemono.cr/api#alice";
    private static final String COOKIE = "c0ffee-session-cookie-4242";

    private final List<AutoCloseable> open = new ArrayList<>();
    private String prefix;
    private RedisClient raw;
    private StatefulRedisConnection<String, String> rawConnection;

    @BeforeEach
    void setUp() {
        prefix = TestRedis.prefix();
        raw = RedisClient.create(TestRedis.url());
        rawConnection = raw.connect();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        rawConnection.close();
        raw.shutdown();
    }

    private RedisFleet fleet() {
        return fleet(RedisFleet.builder(TestRedis.url()));
    }

    private RedisFleet fleet(RedisFleet.Builder b) {
        RedisFleet f = b.keyPrefix(prefix).connect();
        open.add(f);
        return f;
    }

    private static Session session(String cookie) {
        return Session.builder("kemono").cookie("session", cookie).attribute("username", "alice")
                .createdAt(Instant.parse("2026-12-01T10:00:00.123456789Z")).build();
    }

    @Test
    void savesLoadsAndDeletesASessionWithEveryField() {
        SessionStore store = fleet().sessionStore();
        Session s = session(COOKIE).toBuilder().token(Session.ACCESS_TOKEN, "tok").header("X-Token", "hdr")
                .expiresAt(Instant.now().plusSeconds(3600)).build();
        assertThat(store.load(KEY)).isEmpty();
        store.save(KEY, s);
        assertThat(store.load(KEY)).contains(s);
        assertThat(fleet().sessionStore().load(KEY)).as("another worker's view").contains(s);
        store.delete(KEY);
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void keysAreHashTaggedAndExpireWithTheSession() {
        SessionStore store = fleet().sessionStore();
        store.save(KEY, session(COOKIE).toBuilder().expiresAt(Instant.now().plusSeconds(120)).build());
        List<String> keys = rawConnection.sync().keys(prefix + ":*");
        assertThat(keys).containsExactly(prefix + ":{" + KEY + "}:session");
        long ttl = rawConnection.sync().pttl(keys.get(0));
        assertThat(ttl).isBetween(100_000L, 120_000L);

        store.save(KEY, session(COOKIE));
        assertThat(rawConnection.sync().pttl(keys.get(0))).as("no expiry: persisted again").isEqualTo(-1L);
    }

    @Test
    void braceInAKeyCannotBreakTheHashTag() {
        SessionStore store = fleet().sessionStore();
        store.save("odd}{key", session(COOKIE));
        assertThat(rawConnection.sync().keys(prefix + ":*")).containsExactly(prefix + ":{odd%7D%7Bkey}:session");
        assertThat(store.load("odd}{key")).contains(session(COOKIE));
    }

    @Test
    void compareAndSetRefusesAStaleExpectation() {
        SessionStore store = fleet().sessionStore();
        Session first = session("first-cookie-value-1");
        Session second = session("second-cookie-value-2");
        assertThat(store.compareAndSet(KEY, null, first)).isTrue();
        assertThat(store.compareAndSet(KEY, null, second)).as("something is stored already").isFalse();
        assertThat(store.compareAndSet(KEY, second, second)).as("stale expectation").isFalse();
        assertThat(store.load(KEY)).contains(first);
        assertThat(store.compareAndSet(KEY, first, second)).isTrue();
        assertThat(store.load(KEY)).contains(second);
    }

    @Test
    void encryptedSessionsHoldNoSecretInRedisAndOpenOnlyWithTheKey() {
        String key = SessionCipher.newBase64Key();
        SessionStore store = fleet(RedisFleet.builder(TestRedis.url()).cipher(SessionCipher.fromBase64(key)))
                .sessionStore();
        store.save(KEY, session(COOKIE));
        String stored = rawConnection.sync().hget(prefix + ":{" + KEY + "}:session", "data");
        assertThat(stored).doesNotContain(COOKIE).doesNotContain("alice").doesNotContain("kemono");
        assertThat(store.load(KEY)).contains(session(COOKIE));
        assertThat(store.compareAndSet(KEY, session(COOKIE), session("next-cookie-value-3"))).isTrue();

        SessionStore otherKey = fleet(RedisFleet.builder(TestRedis.url())
                .cipher(SessionCipher.fromBase64(SessionCipher.newBase64Key()))).sessionStore();
        assertThatThrownBy(() -> otherKey.load(KEY)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> fleet().sessionStore().load(KEY)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("encrypted");
        assertThat(store.toString()).doesNotContain(key);
    }

    @Test
    void aSessionCopiedUnderAnotherKeyDoesNotOpen() {
        SessionStore store = fleet(RedisFleet.builder(TestRedis.url())
                .cipher(SessionCipher.fromBase64(SessionCipher.newBase64Key()))).sessionStore();
        store.save(KEY, session(COOKIE));
        String from = prefix + ":{" + KEY + "}:session";
        String to = prefix + ":{other}:session";
        rawConnection.sync().hset(to, Map.of("data", rawConnection.sync().hget(from, "data"), "fp", "x"));
        assertThatThrownBy(() -> store.load("other")).isInstanceOf(SessionStoreException.class);
    }

    @Test
    void renewLogsInOnceAmongManyThreadsOfManyWorkers() throws Exception {
        List<SessionStore> workers = List.of(fleet().sessionStore(), fleet().sessionStore(), fleet().sessionStore());
        Session stale = session("stale-cookie-value-0");
        workers.get(0).save(KEY, stale);
        AtomicInteger logins = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Session>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                SessionStore store = workers.get(i % workers.size());
                results.add(pool.submit(() -> {
                    go.await();
                    return store.renew(KEY, stale, () -> {
                        int n = logins.incrementAndGet();
                        sleep(150);
                        return session("fresh-cookie-" + n);
                    });
                }));
            }
            go.countDown();
            for (Future<Session> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(session("fresh-cookie-1"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins).hasValue(1);
        assertThat(workers.get(2).load(KEY)).contains(session("fresh-cookie-1"));
        assertThat(rawConnection.sync().exists(prefix + ":{" + KEY + "}:lease")).as("lease released").isZero();
    }

    @Test
    void asyncRenewLogsInOnceToo() throws Exception {
        SessionStore a = fleet().sessionStore();
        SessionStore b = fleet().sessionStore();
        AtomicInteger logins = new AtomicInteger();
        CompletableFuture<Session> login = new CompletableFuture<>();
        List<CompletableFuture<Session>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add((i % 2 == 0 ? a : b).renewAsync(KEY, null, () -> {
                logins.incrementAndGet();
                return login;
            }));
        }
        login.complete(session("async-fresh-cookie"));
        for (CompletableFuture<Session> f : all) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(session("async-fresh-cookie"));
        }
        assertThat(logins).hasValue(1);
    }

    @Test
    void aLeaseLeftByADeadWorkerExpiresAndTheNextWorkerLogsIn() {
        SessionStore store = fleet(RedisFleet.builder(TestRedis.url()).leaseWait(Duration.ofSeconds(20)))
                .sessionStore();
        rawConnection.sync().psetex(prefix + ":{" + KEY + "}:lease", 300, "dead-worker-token");
        AtomicInteger logins = new AtomicInteger();
        Session fresh = store.renew(KEY, null, () -> {
            logins.incrementAndGet();
            return session("after-the-dead-one");
        });
        assertThat(fresh).isEqualTo(session("after-the-dead-one"));
        assertThat(logins).hasValue(1);
    }

    @Test
    void aWorkerWaitsNoLongerThanItsLeaseWait() {
        SessionStore store = fleet(RedisFleet.builder(TestRedis.url()).leaseWait(Duration.ofMillis(200)))
                .sessionStore();
        rawConnection.sync().psetex(prefix + ":{" + KEY + "}:lease", 60_000, "slow-worker-token");
        assertThatThrownBy(() -> store.renew(KEY, null, () -> session("never")))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("waiting for another re-login");
        assertThat(rawConnection.sync().get(prefix + ":{" + KEY + "}:lease")).as("another's lease untouched")
                .isEqualTo("slow-worker-token");
    }

    @Test
    void aFailedLoginReleasesTheLeaseAndLeavesTheStoreAsItWas() {
        SessionStore store = fleet().sessionStore();
        Session stale = session("stale-cookie-value-0");
        store.save(KEY, stale);
        InvalidCredentialsException refused = new InvalidCredentialsException(
                new dev.latchkey.core.error.ApiError(401, "POST", "/v1/authentication/login", null, "no", null, null));
        assertThatThrownBy(() -> store.renew(KEY, stale, () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(store.load(KEY)).contains(stale);
        assertThat(rawConnection.sync().exists(prefix + ":{" + KEY + "}:lease")).isZero();
    }

    @Test
    void aSessionRenewedByAnotherIsTakenWithoutALogin() {
        SessionStore store = fleet().sessionStore();
        Session stale = session("stale-cookie-value-0");
        store.save(KEY, session("renewed-by-another"));
        Session got = store.renew(KEY, stale, () -> {
            throw new AssertionError("no login: another worker renewed it");
        });
        assertThat(got).isEqualTo(session("renewed-by-another"));
    }

    @Test
    void thePasswordOfTheUrlNeverShows() {
        String password = "hunter2-redis-pass-xyz";
        RedisFleet.Builder b = RedisFleet.builder("redis://:" + password + "@127.0.0.1:1/0")
                .commandTimeout(Duration.ofMillis(500));
        assertThat(b.toString()).doesNotContain(password);
        Throwable failure = null;
        try {
            b.connect();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThat(dev.latchkey.core.testing.Traces.printed(failure)).doesNotContain(password)
                .doesNotContain("hunter2");

        assertThatThrownBy(() -> RedisFleet.connect("http://:" + password + "@host"))
                .isInstanceOf(InvalidInputException.class).message().doesNotContain(password);
        assertThatThrownBy(() -> RedisFleet.connect("redis://:" + password + "@[bad"))
                .isInstanceOf(InvalidInputException.class).message().doesNotContain(password);
    }

    @Test
    void aServerThatGoesAwayIsATypedFailureNamingTheServerNotThePassword() {
        RedisFleet f = fleet(RedisFleet.builder(TestRedis.url()).commandTimeout(Duration.ofMillis(500)));
        f.close();
        assertThatThrownBy(() -> f.sessionStore().load(KEY)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("cannot read the session under key")
                .hasMessageMatching("(?s).*\\w+(Exception|Error).*") // what Redis's client said, scrubbed
                .cause().as("Redis's own failure, scrubbed, kept as the cause").isNotNull();
        assertThat(f.toString()).startsWith("RedisFleet(redis://127.0.0.1:");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void scriptsARestartedRedisForgotAreSentAgain() {
        SessionStore store = fleet().sessionStore();
        store.save(KEY, session("before"));
        rawConnection.sync().scriptFlush(); // what a Redis restart (or SCRIPT FLUSH) does: EVALSHA then says NOSCRIPT
        assertThat(store.compareAndSet(KEY, session("before"), session("after"))).isTrue();
        assertThat(store.load(KEY)).contains(session("after"));
        rawConnection.sync().scriptFlush();
        AtomicInteger logins = new AtomicInteger();
        assertThat(store.renew(KEY, session("after"), () -> {
            logins.incrementAndGet();
            return session("renewed");
        })).isEqualTo(session("renewed"));
        assertThat(logins).hasValue(1);
        assertThat(rawConnection.sync().get(prefix + ":{" + KEY + "}:lease")).as("lease released by script").isNull();
    }

    @Test
    void theLeaseLastsTheTtlSetAndEachLeaseHasItsOwnRandomToken() {
        SessionStore store = fleet(RedisFleet.builder(TestRedis.url()).leaseTtl(Duration.ofSeconds(7))).sessionStore();
        String leaseKey = prefix + ":{" + KEY + "}:lease";
        List<String> tokens = new ArrayList<>();
        for (String cookie : List.of("one", "two")) {
            store.renew(KEY, store.load(KEY).orElse(null), () -> {
                long ttl = rawConnection.sync().pttl(leaseKey);
                assertThat(ttl).isBetween(1L, 7_000L);
                tokens.add(rawConnection.sync().get(leaseKey));
                return session(cookie);
            });
        }
        assertThat(tokens).hasSize(2).doesNotContainNull();
        assertThat(tokens.get(0)).isNotEqualTo(tokens.get(1)); // random bytes, not a constant
    }

    @Test
    void theShortcutConnectsWithTheDefaultsAndNamesTheServerNotThePassword() {
        try (RedisFleet f = RedisFleet.connect(TestRedis.url())) {
            assertThat(f.toString()).startsWith("RedisFleet(").contains("prefix latchkey");
            assertThat(f.sessionStore().toString()).startsWith("RedisSessionStore(").endsWith("prefix latchkey)");
        }
        RedisFleet sealed = fleet(RedisFleet.builder(TestRedis.url()).cipher(SessionCipher.of(new byte[32])));
        assertThat(sealed.sessionStore().toString()).endsWith(", encrypted)");
    }

    @Test
    void aTestsKeysAreDeletedWhenTheTestsEnd() {
        // Issue 29: the tests left 26 keys without expiry on a user's "shared server" (LATCHKEY_TEST_REDIS_URL).
        String mine = TestRedis.prefix();
        assertThat(mine).startsWith(TestRedis.ROOT);
        try (RedisFleet own = RedisFleet.builder(TestRedis.url()).keyPrefix(mine).connect()) {
            SessionStore store = own.sessionStore();
            store.save("k1", Session.builder("p").cookie("session", "c-1").build());
            store.save("k2", Session.builder("p").cookie("session", "c-2").build());
            assertThat(TestRedis.deleteKeys(mine)).isEqualTo(2);
            assertThat(store.load("k1")).isEmpty();
        }
    }
}
