package dev.latchkey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server for the fleet benchmarks: the embedded one on a free loopback port, or LATCHKEY_TEST_REDIS_URL. */
final class BenchRedis implements AutoCloseable {
    private final RedisServer server;
    private final String url;

    private BenchRedis(RedisServer server, String url) {
        this.server = server;
        this.url = url;
    }

    static BenchRedis start() {
        String given = System.getenv("LATCHKEY_TEST_REDIS_URL");
        if (given != null && !given.isBlank()) {
            return new BenchRedis(null, given);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            server.start();
            return new BenchRedis(server, "redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException ignored) {
                // Stopped with the JVM anyway.
            }
        }
    }
}
