package dev.latchkey.core.auth;

import dev.latchkey.core.error.SessionStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The operating system's half of the file store's re-login lease: an exclusive lock on one byte of a lock file, which
 * the OS releases if the process dies. Threads of one JVM take turns on the byte first (a JVM cannot lock a region
 * twice). Proved across real processes by {@code CrossProcessStoreTest}; kept apart from the store so the fast
 * mutation gate covers the store's logic, not the OS calls (docs/reliability.md).
 */
final class FileRenewLock {
    private static final ConcurrentHashMap<String, AtomicBoolean> TAKEN_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final AtomicBoolean taken;

    private FileRenewLock(FileChannel channel, AtomicBoolean taken) {
        this.channel = channel;
        this.taken = taken;
    }

    /**
     * @param file the lock file (created if missing)
     * @param position the byte to lock
     * @return the lock, or empty if another thread or process holds that byte
     */
    static Optional<FileRenewLock> tryLock(Path file, long position) {
        AtomicBoolean taken = TAKEN_IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath() + "#" + position,
                k -> new AtomicBoolean());
        if (!taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        boolean locked = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(position, 1, false);
            locked = lock != null;
            return locked ? Optional.of(new FileRenewLock(channel, taken)) : Optional.empty();
        } catch (IOException e) {
            throw new SessionStoreException("cannot lock " + file + " for a re-login", e);
        } finally {
            if (!locked) {
                closeQuietly(channel);
                taken.set(false);
            }
        }
    }

    /** Releases the byte (closing the channel releases its lock). */
    void release() {
        closeQuietly(channel);
        taken.set(false);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; the OS releases it anyway when the process ends.
            }
        }
    }
}
