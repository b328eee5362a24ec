package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.SessionStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    static final Session ALICE = Session.builder("kemono").cookie("session", "cookie-secret-1")
            .attribute("username", "alice").createdAt(Instant.parse("2026-11-24T10:00:00Z"))
            .expiresAt(Instant.parse("2026-12-24T10:00:00Z")).build();
    static final Session BOB = Session.builder("tmdb").token(Session.SESSION_ID, "sid-secret-2")
            .header("onlineAuthorization", "hdr-secret-3").createdAt(Instant.parse("2026-11-24T11:00:00Z")).build();

    @TempDir
    Path dir;

    @Test
    void fileStoreRoundTripsAndPersistsAcrossInstances() {
        Path file = dir.resolve("conf/latchkey/sessions.json");
        SessionStore store = SessionStore.file(file);
        assertThat(store.load("k:alice")).isEmpty();
        store.save("k:alice", ALICE);
        store.save("t:bob", BOB);
        SessionStore reopened = SessionStore.file(file);
        assertThat(reopened.load("k:alice")).contains(ALICE);
        assertThat(reopened.load("t:bob")).contains(BOB);
        reopened.delete("k:alice");
        assertThat(SessionStore.file(file).load("k:alice")).isEmpty();
        assertThat(SessionStore.file(file).load("t:bob")).contains(BOB);
    }

    @Test
    void fileAndFolderAreReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("cfg/sessions.json");
        SessionStore.file(file).save("k", ALICE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        SessionStore.file(file).save("k2", BOB); // rewrites keep the mode
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aCrashMidWriteLeavesTheOldFileWhole() throws IOException {
        Path file = dir.resolve("sessions.json");
        SessionStore.file(file).save("k:alice", ALICE);
        byte[] before = Files.readAllBytes(file);
        FileSessionStore crashing = new FileSessionStore(file, (out, bytes) -> {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new IOException("simulated crash: disk full");
        });
        assertThatThrownBy(() -> crashing.save("t:bob", BOB)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("cannot write session file").hasMessageNotContaining("secret");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(SessionStore.file(file).load("k:alice")).contains(ALICE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sessions.json",
                    "sessions.json.lock");
        }
    }

    @Test
    void aStaleTempFileFromAKilledProcessIsIgnored() throws IOException {
        Path file = dir.resolve("sessions.json");
        SessionStore.file(file).save("k:alice", ALICE);
        Files.writeString(dir.resolve(".sessions.json.123.tmp"), "{\"version\":1,\"sess", StandardCharsets.UTF_8);
        assertThat(SessionStore.file(file).load("k:alice")).contains(ALICE);
        SessionStore.file(file).save("t:bob", BOB);
        assertThat(SessionStore.file(file).load("t:bob")).contains(BOB);
    }

    @Test
    void aCorruptFileIsATypedErrorThatShowsNoContent() throws IOException {
        Path file = dir.resolve("sessions.json");
        Files.writeString(file, "{\"sessions\": {\"k\": {\"cookies\": {\"session\": \"leak-me-not\"");
        assertThatThrownBy(() -> SessionStore.file(file).load("k")).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("leak-me-not");
    }

    @Test
    void inMemoryStoreKeepsSessionsByKey() {
        SessionStore store = SessionStore.inMemory();
        store.save("a", ALICE);
        assertThat(store.load("a")).contains(ALICE);
        store.delete("a");
        assertThat(store.load("a")).isEmpty();
    }

    @Test
    void toStringShowsNamesNeverValues() {
        assertThat(ALICE.toString()).contains("cookies=[session=***]", "username=alice")
                .doesNotContain("cookie-secret-1");
        assertThat(BOB.toString()).contains("tokens=[session_id=***]", "headers=[onlineAuthorization=***]")
                .doesNotContain("sid-secret-2", "hdr-secret-3");
        assertThat(Credentials.of("alice", "pw-secret").toString()).isEqualTo(
                "Credentials[username=alice, password=***]");
        assertThat(Secret.of("x-secret").toString()).isEqualTo("***");
    }

    @Test
    void blankCredentialsAreRefusedClearly() {
        assertThatThrownBy(() -> Credentials.of(" ", "pw")).isInstanceOf(InvalidInputException.class)
                .hasMessage("username is blank");
        assertThatThrownBy(() -> Credentials.of("alice", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage("secret is blank");
        assertThatThrownBy(() -> Credentials.of("alice", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Secret.of((char[]) null)).isInstanceOf(InvalidInputException.class);
    }
}
