package dev.latchkey.redis;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.redis.internal.RedisConnection;
import dev.latchkey.redis.internal.RedisRateBudget;
import dev.latchkey.redis.internal.RedisSessionStore;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Fleet mode: every worker on every machine that opens a fleet on the same Redis shares, per provider account, one
 * login ({@link #sessionStore()}: sessions with compare-and-set, re-logins single-flight through a lease), one rate
 * budget and one back-off ({@link #rateBudget}). Give both to each client:
 *
 * <pre>{@code
 * try (RedisFleet fleet = RedisFleet.connect(System.getenv("LATCHKEY_REDIS_URL"))) {
 *     KemonoClient kemono = KemonoClient.builder()
 *             .sessionStore(fleet.sessionStore())
 *             .rateBudget(fleet.rateBudget("kemono:alice", RateLimit.perSecond(5)))
 *             .reloginOnExpiry(true)
 *             .build();
 *     KemonoAccount alice = kemono.resumeOrLogin("alice", password); // one login across the fleet
 * }
 * }</pre>
 *
 * <p>One Lettuce connection serves everything (thread-safe, multiplexed). The URL's password is a secret: it never
 * appears in a message, a log or {@code toString()}. Immutable and thread-safe; {@link #close()} closes the
 * connection.
 */
public final class RedisFleet implements AutoCloseable {
    private final RedisConnection redis;
    private final String prefix;
    private final SessionStore store;
    private final Clock clock;

    private RedisFleet(Builder b, RedisConnection redis) {
        this.redis = redis;
        this.prefix = b.prefix;
        this.clock = b.clock;
        this.store = new RedisSessionStore(redis, b.prefix, b.cipher, b.leaseTtl, b.leaseWait, b.clock);
    }

    /**
     * @param url {@code redis://[[user:]password@]host[:port][/db]} or {@code rediss://...} (TLS)
     * @return a fleet on it, with the defaults of {@link #builder}
     * @throws InvalidInputException if the URL is not a Redis URL (the message never shows a password)
     * @throws SessionStoreException if the server cannot be reached
     */
    public static RedisFleet connect(String url) {
        return builder(url).connect();
    }

    /**
     * @param url {@code redis://...} or {@code rediss://...}
     * @return a builder
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** @return the shared session store: give it to every client of the fleet */
    public SessionStore sessionStore() {
        return store;
    }

    /**
     * @param name what it paces: one provider account, for example {@code "kemono:alice"}; every worker that uses the
     *     same name shares the budget
     * @param limit how fast, for the whole fleet
     * @return the budget
     */
    public RateBudget rateBudget(String name, RateLimit limit) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a rate budget needs a name (the provider account it paces)");
        }
        return new RedisRateBudget(redis, prefix, name, Objects.requireNonNull(limit, "limit"), clock);
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisFleet(" + redis.where() + ", prefix " + prefix + ")";
    }

    /** Builds a {@link RedisFleet}. */
    public static final class Builder {
        private final RedisURI uri;
        private final java.util.List<String> secrets;
        private final String where;
        private String prefix = "latchkey";
        private SessionCipher cipher;
        private Duration leaseTtl = Duration.ofSeconds(30);
        private Duration leaseWait = Duration.ofSeconds(60);
        private Duration commandTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(String url) {
            if (url == null || url.isBlank()) {
                throw new InvalidInputException("the Redis URL is blank");
            }
            String scheme = url.strip().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.startsWith("redis://") && !scheme.startsWith("rediss://")) {
                throw new InvalidInputException("a Redis URL starts with redis:// or rediss://");
            }
            try {
                this.uri = RedisURI.create(url.strip());
                this.secrets = passwordForms(url.strip());
            } catch (RuntimeException e) {
                throw new InvalidInputException("the Redis URL is malformed (its text is not shown: it may hold a "
                        + "password)");
            }
            this.where = uri.getHost() + ':' + uri.getPort();
        }

        /**
         * @param prefix the first part of every key ({@code latchkey} by default), to share one Redis among apps
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
                throw new InvalidInputException("a key prefix is non-blank, without braces");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * @param cipher encrypts every session at rest (AES-256-GCM): a Redis holding live cookies is a target
         * @return this builder
         */
        public Builder cipher(SessionCipher cipher) {
            this.cipher = Objects.requireNonNull(cipher, "cipher");
            return this;
        }

        /**
         * @param ttl how long a re-login lease lasts (30 s by default): a worker that dies holding it loses it then;
         *     longer than a login takes
         * @return this builder
         */
        public Builder leaseTtl(Duration ttl) {
            this.leaseTtl = positive(ttl, "leaseTtl");
            return this;
        }

        /**
         * @param wait how long a worker waits for another's re-login before failing (60 s by default)
         * @return this builder
         */
        public Builder leaseWait(Duration wait) {
            this.leaseWait = positive(wait, "leaseWait");
            return this;
        }

        /**
         * @param timeout the longest one Redis command may take (5 s by default)
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * @param clock the clock for session expiry, leases and budget refills (tests inject one)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return a fleet, connected
         * @throws SessionStoreException if the server cannot be reached
         */
        public RedisFleet connect() {
            RedisConnection redis;
            try {
                redis = RedisConnection.open(uri, secrets, commandTimeout);
            } catch (RuntimeException e) {
                throw new SessionStoreException("cannot connect to Redis at " + where + ": "
                        + RedisConnection.describe(e, dev.latchkey.core.internal.Secrets.NONE.with(secrets)), null);
            }
            return new RedisFleet(this, redis);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidInputException(name + " must be positive");
            }
            return d;
        }

        /** The password of {@code redis://[user:]password@host}, as written and decoded: both must stay hidden. */
        static java.util.List<String> passwordForms(String url) {
            int scheme = url.indexOf("://");
            int at = url.lastIndexOf('@');
            if (scheme < 0 || at < scheme) {
                return java.util.List.of();
            }
            String userInfo = url.substring(scheme + 3, at);
            String raw = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo;
            if (raw.isEmpty()) {
                return java.util.List.of();
            }
            String decoded = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            return decoded.equals(raw) ? java.util.List.of(raw) : java.util.List.of(raw, decoded);
        }

        @Override
        public String toString() {
            return "RedisFleet.Builder(" + where + ")";
        }
    }
}
