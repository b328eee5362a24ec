package dev.latchkey.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions in one JSON file. Every write goes to a temporary file in the same folder (mode 0600 from its creation),
 * is forced to disk, then atomically renamed over the old file: a crash mid-write leaves the old file whole. With a
 * {@link SessionCipher}, each session is stored sealed ({@code {"sealed": "<Base64>"}}).
 *
 * <p>The processes of one machine share it safely: every read-modify-write holds a lock on {@code <file>.lock}, and a
 * re-login holds a lock on one byte of {@code <file>.renew.lock} (the byte chosen by the key's hash), which the
 * operating system releases if the process dies.
 */
final class FileSessionStore extends LeasedSessionStore {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final int VERSION = 1;

    /** Writes the bytes to the stream; replaced in tests to simulate a crash mid-write. */
    interface Writer {
        void write(OutputStream out, byte[] bytes) throws IOException;
    }

    /** One monitor per file in this JVM, shared by every store instance on it. */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> MONITORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Path renewLockFile;
    private final Writer writer;
    private final SessionCipher cipher;

    FileSessionStore(Path file) {
        this(file, OutputStream::write, null);
    }

    FileSessionStore(Path file, SessionCipher cipher) {
        this(file, OutputStream::write, cipher);
    }

    FileSessionStore(Path file, Writer writer) {
        this(file, writer, null);
    }

    FileSessionStore(Path file, Writer writer, SessionCipher cipher) {
        this(file, writer, cipher, Duration.ofSeconds(60));
    }

    FileSessionStore(Path file, Writer writer, SessionCipher cipher, Duration leaseWait) {
        super(leaseWait, Clock.systemUTC());
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.renewLockFile = this.file.resolveSibling(this.file.getFileName() + ".renew.lock");
        this.writer = writer;
        this.cipher = cipher;
    }

    @Override
    public Optional<Session> load(String key) {
        Objects.requireNonNull(key, "key");
        return locked(() -> {
            JsonNode s = readAll().path("sessions").get(key);
            return s == null ? Optional.empty() : Optional.of(fromJson(key, s));
        });
    }

    @Override
    public void save(String key, Session session) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(session, "session");
        locked(() -> {
            ObjectNode root = readAll();
            ((ObjectNode) root.path("sessions")).set(key, toJson(key, session));
            writeAll(root);
            return null;
        });
    }

    @Override
    public boolean compareAndSet(String key, Session expected, Session replacement) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(replacement, "replacement");
        return locked(() -> {
            ObjectNode root = readAll();
            JsonNode now = root.path("sessions").get(key);
            Session current = now == null ? null : fromJson(key, now);
            if (!Objects.equals(current, expected)) {
                return false;
            }
            ((ObjectNode) root.path("sessions")).set(key, toJson(key, replacement));
            writeAll(root);
            return true;
        });
    }

    /** The renew lock of a key: one byte of {@code <file>.renew.lock} ({@link FileRenewLock}). */
    @Override
    public Optional<Lease> tryLease(String key) {
        // The folder exists: renew() read the store (which creates it) before asking for the lease.
        return FileRenewLock.tryLock(renewLockFile, Math.floorMod(key.hashCode(), 65_521)).map(lock -> lock::release);
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        locked(() -> {
            ObjectNode root = readAll();
            if (((ObjectNode) root.path("sessions")).remove(key) != null) {
                writeAll(root);
            }
            return null;
        });
    }

    /**
     * Runs a read, or a read-modify-write, holding the store's lock: within this JVM a monitor per file (a file lock
     * cannot be taken twice by one JVM), across processes an exclusive lock on the sibling {@code <file>.lock}. Without
     * it, two processes saving at once would each write back what they read, and one key would be lost.
     */
    private <T> T locked(java.util.function.Supplier<T> action) {
        synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
            Path dir = file.getParent();
            try {
                createDirectories(dir);
            } catch (IOException e) {
                throw new SessionStoreException("cannot create the folder of session file " + file, e);
            }
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    java.nio.channels.FileLock lock = lockChannel.lock()) {
                return action.get();
            } catch (IOException e) {
                throw new SessionStoreException("cannot lock session file " + file + " (through " + lockFile + ")", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SessionStore.file(" + file + (cipher == null ? ")" : ", encrypted)");
    }

    /**
     * The largest session file read: a session is a few kilobytes, so this holds tens of thousands. A file beyond it
     * is not a store Latchkey wrote (or it was damaged), and reading it whole would be an {@code OutOfMemoryError}.
     */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private ObjectNode readAll() {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SessionStoreException("session file " + file + " is " + (size >> 20) + " MiB, more than any "
                        + "session store grows (the most read is " + (MAX_FILE_BYTES >> 20) + " MiB): it is not a "
                        + "Latchkey session file, or it was damaged; move it away to start over", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return emptyRoot();
        } catch (IOException e) {
            throw new SessionStoreException("cannot read session file " + file, e);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new SessionStoreException("session file " + file + " is not valid JSON; delete it to start over",
                    null);
        }
        if (root == null || !root.isObject() || !root.path("sessions").isObject()) {
            throw new SessionStoreException("session file " + file + " has an unknown layout; delete it to start over",
                    null);
        }
        return (ObjectNode) root;
    }

    private static ObjectNode emptyRoot() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", VERSION);
        root.putObject("sessions");
        return root;
    }

    private void writeAll(ObjectNode root) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new SessionStoreException("cannot serialize sessions", e);
        }
        Path dir = file.getParent();
        Path tmp = null;
        try {
            // The folder exists: locked() made it before taking the lock file there. A temporary file is created
            // readable and writable by its owner only (the JDK's default on POSIX systems: mode 0600).
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer.write(out, bytes);
                if (durable(out, ch) != bytes.length) {
                    throw new IOException("short write: " + ch.size() + " of " + bytes.length + " bytes");
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SessionStoreException("cannot write session file " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A stale temp file is harmless: it is never read.
                }
            }
        }
    }

    /**
     * Puts the bytes on disk before the rename, so a power cut cannot leave a renamed but empty file. Excluded from
     * mutation testing: no test short of a power cut can tell whether it ran (docs/reliability.md).
     */
    private static long durable(OutputStream out, FileChannel ch) throws IOException {
        out.flush();
        ch.force(true);
        return ch.size();
    }

    /** Creates the folder (and its parents) owner-only where the file system has POSIX modes. */
    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private JsonNode toJson(String key, Session s) {
        if (cipher == null) {
            return SessionCodec.toJson(s);
        }
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("sealed", Base64.getEncoder().encodeToString(cipher.seal(SessionCodec.encode(s), key)));
        return n;
    }

    private Session fromJson(String key, JsonNode n) {
        if (n.has("sealed")) {
            if (cipher == null) {
                throw new SessionStoreException("session file " + file + " holds an encrypted session under key '" + key
                        + "'; open the store with its SessionCipher", null);
            }
            try {
                return SessionCodec.decode(cipher.open(Base64.getDecoder().decode(n.get("sealed").asText()), key));
            } catch (IllegalArgumentException e) {
                throw new SessionStoreException("session file " + file + " holds a session under key '" + key
                        + "' that does not open with this SessionCipher: " + e.getMessage(), null);
            }
        }
        try {
            return SessionCodec.fromJson(n);
        } catch (RuntimeException e) {
            throw new SessionStoreException("session file " + file + " holds a malformed session under key '" + key
                    + "'; delete it, or the file, to start over", null);
        }
    }
}
