package dev.latchkey.core.auth;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps sessions between runs, by key (for example {@code "kemono:https://kemono.cr/api:alice"}). Implementations
 * are thread-safe. A failure to read or write throws {@link dev.latchkey.core.error.SessionStoreException}.
 */
public interface SessionStore {

    /** @return the session stored under the key, if any */
    Optional<Session> load(String key);

    /** Stores the session under the key, replacing any other. */
    void save(String key, Session session);

    /** Removes the session stored under the key, if any. */
    void delete(String key);

    /** @return a store that keeps sessions in memory, for this process only (the default) */
    static SessionStore inMemory() {
        return new InMemorySessionStore();
    }

    /**
     * @param file the JSON file to keep sessions in; written atomically, with mode 0600 where the file system has
     *     POSIX permissions
     * @return a store backed by it
     */
    static SessionStore file(Path file) {
        return new FileSessionStore(file);
    }
}
