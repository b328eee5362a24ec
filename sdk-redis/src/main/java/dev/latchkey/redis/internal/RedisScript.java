package dev.latchkey.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script sent by its SHA-1 ({@code EVALSHA}), and in full once when the server has not seen it yet. */
final class RedisScript {
    private final byte[] source;
    private final String sha;

    RedisScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(this.source));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
    }

    long run(RedisCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
        try {
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            return redis.eval(source, ScriptOutputType.INTEGER, keys, args);
        }
    }

    java.util.concurrent.CompletionStage<Long> runAsync(
            io.lettuce.core.api.async.RedisAsyncCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
        return redis.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args)
                .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                        ? redis.<Long>eval(source, ScriptOutputType.INTEGER, keys, args)
                        : java.util.concurrent.CompletableFuture.failedFuture(unwrap(e)));
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
