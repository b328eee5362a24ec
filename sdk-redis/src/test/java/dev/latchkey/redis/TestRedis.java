package dev.latchkey.redis;

import dev.latchkey.testkit.redis.LocalRedis;
import java.util.UUID;

/**
 * The Redis every test of this module talks to: the testkit's {@link LocalRedis#shared()}, a real redis-server started
 * once per JVM on a free loopback port, or the server {@code LATCHKEY_TEST_REDIS_URL} names. Never a mock. Each test
 * takes its own key prefix, so tests never see each other's keys and nothing needs flushing.
 */
final class TestRedis {
    private TestRedis() {
    }

    /** @return the server's URL, starting it on first use */
    static String url() {
        return LocalRedis.shared().url();
    }

    /** @return a key prefix no other test uses */
    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
