package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.error.UnauthorizedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edges of secrets, stores and the session holder that mutation testing showed untested (docs/reliability.md). */
class AuthMutantsTest {
    static final Session OLD = Session.builder("p").cookie("session", "old-cookie").build();
    static final Session NEW = Session.builder("p").cookie("session", "new-cookie").build();

    static UnauthorizedException unauthorized() {
        return new UnauthorizedException(new ApiError(401, "GET", "/me", null, "expired", null, null));
    }

    @Test
    void aSecretRevealsItsValueComparesInConstantTimeAndHashesToOneBucket() {
        Secret a = Secret.of("hunter2-pw");
        assertThat(a.reveal()).isEqualTo("hunter2-pw");
        assertThat(a).isEqualTo(Secret.of("hunter2-pw")).isNotEqualTo(Secret.of("hunter3-pw")).isNotEqualTo("hunter2-pw");
        assertThat(a.hashCode()).isEqualTo(Secret.of("other-value").hashCode()).isEqualTo(1);
        assertThat(Secret.of(new char[] {'a', 'b'}).reveal()).isEqualTo("ab");
        assertThat(a.toString()).isEqualTo("***");
    }

    @Test
    void storesNameThemselvesWithoutContent(@TempDir Path dir) {
        assertThat(SessionStore.inMemory().toString()).isNotBlank().doesNotContain("old-cookie");
        assertThat(SessionStore.file(dir.resolve("s.json")).toString()).contains("s.json");
    }

    @Test
    void aFileStoreCreatesMissingFoldersOwnerOnlyAndItsFileOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/b/c/sessions.json");
        SessionStore.file(file).save("k", OLD);
        assertThat(SessionStore.file(file).load("k")).contains(OLD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsATypedError(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "not a folder");
        assertThatThrownBy(() -> SessionStore.file(blocker.resolve("sessions.json")).save("k", OLD))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("cannot create the folder");
    }

    @Test
    void theHolderKnowsItsKeyAndShowsNoSecret() {
        SessionHolder holder = new SessionHolder("kemono:x#alice", SessionStore.inMemory(), OLD, null);
        assertThat(holder.key()).isEqualTo("kemono:x#alice");
        assertThat(holder.toString()).contains("kemono:x#alice").doesNotContain("old-cookie");
    }

    @Test
    void replaceSwapsTheHeldSessionAndTheStoredOne() {
        SessionStore store = SessionStore.inMemory();
        SessionHolder holder = new SessionHolder("k", store, OLD, null);
        holder.replace(NEW);
        assertThat(holder.require()).isSameAs(NEW);
        assertThat(holder.current()).contains(NEW);
        assertThat(store.load("k")).contains(NEW);
    }

    @Test
    void aSyncReloginRetriesTheCallAndReturnsItsValue() {
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> NEW);
        String result = holder.call(s -> {
            if (s == OLD) {
                throw unauthorized();
            }
            return "second";
        });
        assertThat(result).isEqualTo("second");
    }

    @Test
    void anAsyncReloginIsAFutureAndSwapsTheSessionBeforeTheRetry() throws Exception {
        SessionStore store = SessionStore.inMemory();
        AtomicInteger syncLogins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", store, OLD, () -> {
            syncLogins.incrementAndGet();
            return NEW;
        }, () -> CompletableFuture.completedFuture(NEW));
        String v = holder.callAsync(s -> s == OLD ? CompletableFuture.<String>failedFuture(unauthorized())
                : CompletableFuture.completedFuture("retried with " + s.cookie("session").orElseThrow()))
                .get(5, TimeUnit.SECONDS);
        assertThat(v).isEqualTo("retried with new-cookie");
        assertThat(syncLogins).hasValue(0);
        assertThat(holder.require()).isSameAs(NEW);
        assertThat(store.load("k")).contains(NEW);
    }

    @Test
    void aFailedAsyncReloginFailsWithTheLoginErrorAndTheRejectionSuppressed() {
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> NEW,
                () -> CompletableFuture.failedFuture(new InvalidCredentialsException(new ApiError(400, "POST",
                        "/login", null, "bad", null, null))));
        CompletableFuture<String> f = holder.callAsync(s -> CompletableFuture.failedFuture(unauthorized()));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(InvalidCredentialsException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)
                        .allMatch(UnauthorizedException.class::isInstance));
        assertThat(holder.require()).isSameAs(OLD);
    }

    @Test
    void anAsyncLoginIsNotUsedWithoutASyncOne() throws Exception {
        AtomicInteger asyncLogins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, null, () -> {
            asyncLogins.incrementAndGet();
            return CompletableFuture.completedFuture(NEW);
        });
        CompletableFuture<String> f = holder.callAsync(s -> CompletableFuture.failedFuture(unauthorized()));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(UnauthorizedException.class);
        assertThat(asyncLogins).hasValue(0);
    }

    @Test
    void aCallThatSucceedsReturnsItsValueWithoutALogin() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        }, () -> {
            logins.incrementAndGet();
            return CompletableFuture.completedFuture(NEW);
        });
        String sync = holder.call(s -> "first");
        assertThat(sync).isEqualTo("first");
        assertThat(holder.callAsync(s -> CompletableFuture.completedFuture("async")).get(5, TimeUnit.SECONDS))
                .isEqualTo("async");
        assertThat(logins).hasValue(0);
    }

    @Test
    void anAsyncFailureThatIsNotARejectionIsPassedOnWithoutALogin() {
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        }, () -> {
            logins.incrementAndGet();
            return CompletableFuture.completedFuture(NEW);
        });
        CompletableFuture<String> f = holder.callAsync(s -> CompletableFuture.failedFuture(
                new dev.latchkey.core.error.ServerException(new ApiError(503, "GET", "/me", null, "down", null, null))));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(dev.latchkey.core.error.ServerException.class);
        assertThat(logins).hasValue(0);
    }

    @Test
    void aSessionFileLargerThanAnyStoreIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        // Issue 27, item 8: FileSessionStore read the whole file, so a huge one was an OutOfMemoryError.
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(FileSessionStore.MAX_FILE_BYTES + (1 << 20)); // sparse: nothing is written
        }
        assertThatThrownBy(() -> SessionStore.file(huge).load("k")).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("is 65 MiB, more than any session store grows (the most read is 64 MiB)")
                .hasMessageContaining("move it away");
        // At the limit the file is read (and found not to be JSON): the limit is the largest size read.
        Path limit = dir.resolve("limit.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(limit.toFile(), "rw")) {
            f.setLength(FileSessionStore.MAX_FILE_BYTES);
        }
        assertThatThrownBy(() -> SessionStore.file(limit).load("k")).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("is not valid JSON");
    }
}
