package dev.latchkey.core.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions kept in memory, for this process only. */
final class InMemorySessionStore implements SessionStore {
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

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
    public String toString() {
        return "SessionStore.inMemory(" + sessions.size() + " sessions)";
    }
}
