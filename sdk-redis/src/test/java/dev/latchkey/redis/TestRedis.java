package dev.latchkey.redis;

import dev.latchkey.testkit.redis.LocalRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis every test of this module talks to: the testkit's {@link LocalRedis#shared()}, a real redis-server started
 * once per JVM on a free loopback port, or the server {@code LATCHKEY_TEST_REDIS_URL} names. Never a mock. Each test
 * takes its own key prefix, so tests never see each other's keys and nothing needs flushing; when the tests end, every
 * key under a prefix this JVM handed out is deleted, so a shared server keeps none of them (sessions stored without
 * an expiry would otherwise stay for ever).
 */
final class TestRedis {
    /** Every test prefix starts so: a killed run's leftovers are easy to find ({@code SCAN 0 MATCH latchkey-test-*}). */
    static final String ROOT = "latchkey-test-";
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::deleteIssuedKeys, "latchkey-test-redis-cleanup"));
    }

    private TestRedis() {
    }

    /** @return the server's URL, starting it on first use */
    static String url() {
        return LocalRedis.shared().url();
    }

    /** @return a key prefix no other test uses; its keys are deleted when the tests end */
    static String prefix() {
        String prefix = ROOT + UUID.randomUUID().toString().substring(0, 8);
        ISSUED.add(prefix);
        return prefix;
    }

    private static void deleteIssuedKeys() {
        try {
            ISSUED.forEach(TestRedis::deleteKeys);
        } catch (RuntimeException unreachable) {
            // The shared embedded server may be stopping too: its keys go with it.
        }
    }

    /**
     * @param prefix a key prefix
     * @return how many keys under it were deleted
     */
    static int deleteKeys(String prefix) {
        int deleted = 0;
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*")
                        .limit(500));
                if (!page.getKeys().isEmpty()) {
                    deleted += c.sync().del(page.getKeys().toArray(String[]::new)).intValue();
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return deleted;
    }
}
