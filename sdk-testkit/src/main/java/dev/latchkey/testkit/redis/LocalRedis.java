package dev.latchkey.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} on 127.0.0.1 for tests of fleet mode: the 6.2 binary shipped inside embedded-redis (Linux
 * x86-64 and arm64, macOS, Windows), so a machine with only a JDK runs it. Nothing is saved to disk. Or, when the
 * environment names one ({@value #URL_VARIABLE}), that server instead: a distribution's Redis 7, say.
 *
 * <pre>{@code
 * try (LocalRedis redis = LocalRedis.start()) {
 *     RedisFleet fleet = RedisFleet.connect(redis.url());
 *     ...
 * }
 * }</pre>
 */
public final class LocalRedis implements AutoCloseable {
    /** The environment variable naming a Redis to use instead of starting one. */
    public static final String URL_VARIABLE = "LATCHKEY_TEST_REDIS_URL";

    private static LocalRedis shared;

    private final RedisServer server;
    private final String url;

    private LocalRedis(RedisServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** @return a server started on a free port */
    public static LocalRedis start() {
        return start(0);
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for a free one
     * @return a started server
     * @throws UncheckedIOException if it cannot start
     */
    public static LocalRedis start(int port) {
        int p = port != 0 ? port : freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(p).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            server.start();
            return new LocalRedis(server, "redis://127.0.0.1:" + p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server on 127.0.0.1:" + p, e);
        }
    }

    /**
     * One server for every test of this JVM: the one {@value #URL_VARIABLE} names, else one started now and stopped
     * when the JVM ends. Tests sharing it keep apart by key prefix.
     *
     * @return the server
     */
    public static synchronized LocalRedis shared() {
        if (shared == null) {
            String given = System.getenv(URL_VARIABLE);
            if (given != null && !given.isBlank()) {
                shared = new LocalRedis(null, given.strip());
            } else {
                LocalRedis started = start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "latchkey-local-redis-stop"));
                shared = started;
            }
        }
        return shared;
    }

    /** @return its URL, {@code redis://127.0.0.1:PORT} */
    public String url() {
        return url;
    }

    /** Stops the server this started (a server named by the environment is left alone); idempotent. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException ignored) {
                // onShutdownForceStop ends the process with the JVM anyway.
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalRedis(" + url + ")";
    }
}
