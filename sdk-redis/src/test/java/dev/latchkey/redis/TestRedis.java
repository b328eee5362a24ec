package dev.latchkey.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The Redis every test of this module talks to: a real {@code redis-server} (6.2, shipped inside embedded-redis for
 * Linux, macOS and Windows) started once per JVM on a free loopback port, or the server named by
 * {@code LATCHKEY_TEST_REDIS_URL} (a distribution's Redis 7, for example). Never a mock. Each test takes its own key
 * prefix, so tests never see each other's keys and nothing needs flushing.
 */
final class TestRedis {
    private static String url;

    private TestRedis() {
    }

    /** @return the server's URL, starting it on first use */
    static synchronized String url() {
        if (url == null) {
            String given = System.getenv("LATCHKEY_TEST_REDIS_URL");
            url = given != null && !given.isBlank() ? given : startEmbedded();
        }
        return url;
    }

    /** @return a key prefix no other test uses */
    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String startEmbedded() {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("protected-mode yes")
                    .onShutdownForceStop(true).build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // The JVM is ending; the server process is stopped with it.
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server on 127.0.0.1:" + port, e);
        }
        return "redis://127.0.0.1:" + port;
    }
}
