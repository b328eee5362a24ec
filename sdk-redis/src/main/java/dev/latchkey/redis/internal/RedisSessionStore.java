package dev.latchkey.redis.internal;

import dev.latchkey.core.auth.LeasedSessionStore;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.core.auth.SessionCodec;
import dev.latchkey.core.error.SessionStoreException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in Redis, one hash per key: {@code data} (the session as the file store writes it, sealed when there is a
 * cipher) and {@code fp} (its fingerprint, which compare-and-set compares inside Redis, where nothing can be opened).
 * The hash expires with the session. The re-login lease is a string beside it ({@code SET NX PX} with a random token,
 * released by compare-and-delete). Both keys carry the store key as a hash tag, so they live in one slot of a Redis
 * Cluster.
 */
public final class RedisSessionStore extends LeasedSessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DATA = bytes("data");
    private static final byte[] FP = bytes("fp");

    /** ARGV: data, fingerprint, time to live in ms (0: none), expected fingerprint ("" for absent, "*" for any). */
    private static final RedisScript PUT = new RedisScript("""
            local fp = redis.call('HGET', KEYS[1], 'fp')
            if ARGV[4] ~= '*' then
              if ARGV[4] == '' then
                if fp then return 0 end
              elseif fp ~= ARGV[4] then
                return 0
              end
            end
            redis.call('HSET', KEYS[1], 'data', ARGV[1], 'fp', ARGV[2])
            if tonumber(ARGV[3]) > 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            else
              redis.call('PERSIST', KEYS[1])
            end
            return 1
            """);
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    private final RedisConnection redis;
    private final String prefix;
    private final SessionCipher cipher;
    private final Duration leaseTtl;
    private final Clock clock;

    public RedisSessionStore(RedisConnection redis, String prefix, SessionCipher cipher, Duration leaseTtl,
            Duration leaseWait, Clock clock) {
        super(leaseWait, clock);
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.cipher = cipher;
        this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
        this.clock = clock;
    }

    @Override
    public Optional<Session> load(String key) {
        Objects.requireNonNull(key, "key");
        byte[] data = call("read", key, r -> r.hget(sessionKey(key), DATA));
        if (data == null) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = cipher == null ? data : cipher.open(data, key);
        } catch (IllegalArgumentException e) {
            throw new SessionStoreException("the session under key '" + key + "' in " + redis.where()
                    + " does not open with this store's SessionCipher: " + e.getMessage(), null);
        }
        if (cipher == null && plain.length > 0 && plain[0] != '{') {
            throw new SessionStoreException("the session under key '" + key + "' in " + redis.where()
                    + " is encrypted; open the store with its SessionCipher", null);
        }
        try {
            return Optional.of(SessionCodec.decode(plain));
        } catch (IllegalArgumentException e) {
            throw new SessionStoreException("the session under key '" + key + "' in " + redis.where()
                    + " is malformed (" + e.getMessage() + "); delete it to start over", null);
        }
    }

    @Override
    public void save(String key, Session session) {
        put(key, session, "*");
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        call("delete", key, r -> r.del(sessionKey(key)));
    }

    @Override
    public boolean compareAndSet(String key, Session expected, Session replacement) {
        return put(key, replacement, expected == null ? "" : fingerprint(SessionCodec.encode(expected)));
    }

    @Override
    public Optional<Lease> tryLease(String key) {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        byte[] leaseKey = leaseKey(key);
        String ok = call("lease", key, r -> r.set(leaseKey, token, SetArgs.Builder.nx().px(leaseTtl.toMillis())));
        if (!"OK".equals(ok)) {
            return Optional.empty();
        }
        return Optional.of(() -> call("release the lease of", key,
                r -> RELEASE.run(r, new byte[][] {leaseKey}, token)));
    }

    private boolean put(String key, Session session, String expectedFingerprint) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(session, "session");
        byte[] plain = SessionCodec.encode(session);
        byte[] data = cipher == null ? plain : cipher.seal(plain, key);
        long ttl = session.expiresAt().map(e -> Math.max(1, e.toEpochMilli() - clock.millis())).orElse(0L);
        long stored = call("write", key, r -> PUT.run(r, new byte[][] {sessionKey(key)}, data,
                bytes(fingerprint(plain)), bytes(Long.toString(ttl)), bytes(expectedFingerprint)));
        return stored == 1;
    }

    private String fingerprint(byte[] plain) {
        return HexFormat.of().formatHex(SessionCipher.fingerprint(plain, cipher));
    }

    private byte[] sessionKey(String key) {
        return bytes(prefix + ":{" + RedisConnection.tag(key) + "}:session");
    }

    private byte[] leaseKey(String key) {
        return bytes(prefix + ":{" + RedisConnection.tag(key) + "}:lease");
    }

    private <T> T call(String what, String key, java.util.function.Function<RedisCommands<byte[], byte[]>, T> op) {
        return redis.call(op, (said, cause) -> new SessionStoreException("cannot " + what + " the session under key '"
                + key + "' in " + redis.where() + ": " + said, cause));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisSessionStore(" + redis.where() + ", prefix " + prefix + (cipher == null ? ")" : ", encrypted)");
    }
}
