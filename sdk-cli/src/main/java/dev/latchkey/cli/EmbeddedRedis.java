package dev.latchkey.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (6.2, shipped inside embedded-redis) on 127.0.0.1, for {@code latchkey sandbox --redis}:
 * fleet mode tried on one machine. Nothing is saved to disk.
 */
final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port the port, or 0 for a free one
     * @return a started server
     */
    static EmbeddedRedis start(int port) {
        int p = port != 0 ? port : freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(p).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            server.start();
            return new EmbeddedRedis(server, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server on 127.0.0.1:" + p, e);
        }
    }

    /** @return its URL */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException ignored) {
            // The process is stopped with the JVM anyway (onShutdownForceStop).
        }
    }
}
