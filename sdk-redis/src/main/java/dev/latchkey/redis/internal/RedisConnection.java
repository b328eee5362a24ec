package dev.latchkey.redis.internal;

import dev.latchkey.core.internal.ScrubbedThrowables;
import dev.latchkey.core.internal.Secrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One Lettuce connection (thread-safe, multiplexed) shared by a fleet's store and budgets, and the one place that
 * knows the URL's password: it is scrubbed from every failure, and {@link #where()} names the server without it.
 */
public final class RedisConnection implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final String where;
    private final Secrets secrets;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private RedisConnection(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection, String where,
            Secrets secrets) {
        this.client = client;
        this.connection = connection;
        this.where = where;
        this.secrets = secrets;
    }

    /**
     * @param uri the server
     * @param secrets what must never be shown: the URL's password, in the forms it was given
     * @param timeout the longest any command may take
     * @return a connection
     * @throws RuntimeException (Lettuce's) if the server cannot be reached; callers wrap it
     */
    public static RedisConnection open(RedisURI uri, List<String> secrets, Duration timeout) {
        Objects.requireNonNull(uri, "uri");
        uri.setTimeout(timeout);
        String where = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ':' + uri.getPort() + '/'
                + uri.getDatabase();
        // Redis 6 does not know Lettuce 7's maintenance notifications: don't ask for them.
        RedisClient client = RedisClient.create();
        client.setOptions(io.lettuce.core.ClientOptions.builder()
                .maintNotificationsConfig(io.lettuce.core.MaintNotificationsConfig.disabled()).build());
        try {
            StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE, uri);
            return new RedisConnection(client, connection, where, Secrets.NONE.with(secrets));
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw e;
        }
    }

    /** @return the server, without credentials */
    public String where() {
        return where;
    }

    /** @return the connection, for Bucket4j */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        return connection;
    }

    /** @return async commands */
    public RedisAsyncCommands<byte[], byte[]> async() {
        return connection.async();
    }

    /**
     * Runs a blocking command; a failure becomes the caller's typed exception.
     *
     * @param op the command
     * @param failure makes the typed exception from what Redis said and its failure, both scrubbed
     * @param <T> the result
     * @return the result
     */
    public <T> T call(Function<RedisCommands<byte[], byte[]>, T> op,
            BiFunction<String, Throwable, RuntimeException> failure) {
        try {
            return op.apply(connection.sync());
        } catch (RuntimeException e) {
            throw failure.apply(describe(e), scrubbed(e));
        }
    }

    /** @return what a failure says, scrubbed of the password */
    public String describe(Throwable e) {
        return describe(e, secrets);
    }

    /**
     * @param e a failure
     * @param secrets what must not show
     * @return its class and message, scrubbed and cut short
     */
    public static String describe(Throwable e, Secrets secrets) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + secrets.excerpt(m, 300));
    }

    /** @return a copy of the failure whose every message is scrubbed of the password */
    public Throwable scrubbed(Throwable e) {
        return ScrubbedThrowables.copy(e, secrets);
    }

    /**
     * @param key a store key or budget name
     * @return it, made safe inside a Redis Cluster hash tag (no braces)
     */
    public static String tag(String key) {
        return key.replace("{", "%7B").replace("}", "%7D");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public String toString() {
        return "RedisConnection(" + where + ")";
    }
}
