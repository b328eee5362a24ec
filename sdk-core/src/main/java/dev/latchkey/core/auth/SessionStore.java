package dev.latchkey.core.auth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps sessions between runs, by key (for example {@code "kemono:https://kemono.cr/api#alice"}). Implementations
 * are thread-safe. A failure to read or write throws {@link dev.latchkey.core.error.SessionStoreException}.
 *
 * <p>A store may be shared: by the threads of one process (every store), by the processes of one machine
 * ({@link #file}), or by a fleet of machines (the Redis store of {@code sdk-redis}). Two operations keep sharers from
 * spoiling each other's sessions: {@link #compareAndSet}, so a worker holding a stale session never overwrites a newer
 * one, and {@link #renew}, so a rejected session is renewed by one login, not by every sharer at once.
 */
public interface SessionStore {

    /**
     * @param key the key the session is kept under, for example {@code kemono:alice}
     * @return the session stored under the key, if any
     */
    Optional<Session> load(String key);

    /**
     * Stores the session under the key, replacing any other.
     *
     * @param key the key the session is kept under, for example {@code kemono:alice}
     * @param session the session to keep
     */
    void save(String key, Session session);

    /**
     * Removes the session stored under the key, if any.
     *
     * @param key the key the session is kept under, for example {@code kemono:alice}
     */
    void delete(String key);

    /**
     * Stores {@code replacement} only if the store still holds {@code expected}, as one atomic step.
     *
     * @param key the key the session is kept under, for example {@code kemono:alice}
     * @param expected the session the caller last read (compared with {@link Session#equals}), or {@code null} for
     *     "nothing stored"
     * @param replacement the session to store
     * @return whether it was stored; {@code false} means another sharer wrote first, and its session stands
     */
    boolean compareAndSet(String key, Session expected, Session replacement);

    /** The right to log in again for one key, held until closed; closing releases it only if it is still held. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the key's lease, for a renewal, if it is free. Never waits. The default has no coordination beyond this
     * process (whose threads already join one renewal): it always grants. A store shared by processes leases for real
     * (the file store locks a byte of {@code <file>.renew.lock}; Redis sets a key {@code NX PX}).
     *
     * @param key the key
     * @return the lease, or empty if another sharer holds it
     */
    default Optional<Lease> tryLease(String key) {
        return Optional.of(() -> { });
    }

    /** @return how long a sharer waits for another's login before it gives up (default 60 s) */
    default java.time.Duration leaseWait() {
        return java.time.Duration.ofSeconds(60);
    }

    /** @return the clock that judges whether a stored session has expired (default the system's) */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * Replaces a stale or missing session with a fresh one, with one login among everyone sharing the store. If the
     * store already holds a session other than {@code stale} (and not expired), another sharer renewed it: that one
     * is returned and nothing is sent. Otherwise {@code login} runs and its session is stored (by compare-and-set:
     * a newer session stored meanwhile wins and is returned instead). Threads of this process join one renewal; other
     * processes wait for the holder of the {@link #tryLease lease}.
     *
     * @param key the key the session is kept under, for example {@code kemono:alice}
     * @param stale the session that was rejected, or {@code null} if there was none
     * @param login makes a fresh session (a login); its exception is thrown as is
     * @return the fresh session, this caller's or another's
     */
    default Session renew(String key, Session stale, Supplier<Session> login) {
        return SessionRenewal.of(this).renew(key, stale, login);
    }

    /**
     * The async form of {@link #renew}: the login is a future; cancelling the returned future cancels it.
     *
     * @param key the key the session is kept under, for example {@code kemono:alice}
     * @param stale the session that was rejected, or {@code null} if there was none
     * @param login starts a login
     * @return the fresh session, this caller's or another's
     */
    default CompletableFuture<Session> renewAsync(String key, Session stale,
            Supplier<CompletableFuture<Session>> login) {
        return SessionRenewal.of(this).renewAsync(key, stale, login);
    }

    /** @return a store that keeps sessions in memory, for this process only (the default) */
    static SessionStore inMemory() {
        return new InMemorySessionStore();
    }

    /**
     * @param file the JSON file to keep sessions in; written atomically, with mode 0600 where the file system has
     *     POSIX permissions
     * @return a store backed by it, shared safely by the processes of this machine
     */
    static SessionStore file(Path file) {
        return new FileSessionStore(file);
    }

    /**
     * @param file the JSON file to keep sessions in
     * @param cipher encrypts each session at rest (AES-256-GCM), so the file is useless without the key
     * @return a store backed by it
     */
    static SessionStore file(Path file, SessionCipher cipher) {
        return new FileSessionStore(file, Objects.requireNonNull(cipher, "cipher"));
    }
}
