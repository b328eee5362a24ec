package dev.latchkey.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions kept in memory, for this process only: the process is the whole scope, so the lease is always free. */
final class InMemorySessionStore extends LeasedSessionStore {
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    InMemorySessionStore() {
        this(Duration.ofSeconds(60));
    }

    InMemorySessionStore(Duration leaseWait) {
        super(leaseWait, Clock.systemUTC());
    }

    @Override
    public Optional<Session> load(String key) {
        return Optional.ofNullable(sessions.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void save(String key, Session session) {
        sessions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(session, "session"));
    }

    @Override
    public void delete(String key) {
        sessions.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public boolean compareAndSet(String key, Session expected, Session replacement) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(replacement, "replacement");
        return expected == null ? sessions.putIfAbsent(key, replacement) == null
                : sessions.replace(key, expected, replacement);
    }

    @Override
    public Optional<Lease> tryLease(String key) {
        // The in-process single flight already lets one thread per key through.
        return Optional.of(() -> { });
    }

    @Override
    public String toString() {
        return "SessionStore.inMemory(" + sessions.size() + " sessions)";
    }
}
