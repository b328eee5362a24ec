package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.error.UnauthorizedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a store shared by many callers promises, for the in-memory and file stores (the Redis store has the same
 * tests against a real Redis): compare-and-set, and a renewal that logs in once however many callers find the same
 * stale session.
 */
class SharedStoreTest {
    static final String KEY = "kemono:https://kemono.cr/api#alice";

    @TempDir
    static Path dir;

    static Session session(String cookie) {
        return Session.builder("kemono").cookie("session", cookie).attribute("username", "alice")
                .createdAt(Instant.parse("2026-12-01T10:00:00.5Z")).build();
    }

    /** Both stores, with a short lease wait: a broken lease fails a test in a second instead of hanging it. */
    static Stream<Function<String, SessionStore>> stores() {
        return Stream.of(name -> new InMemorySessionStore(WAIT),
                name -> new FileSessionStore(dir.resolve(name + "-" + System.nanoTime() + ".json"),
                        java.io.OutputStream::write, null, WAIT));
    }

    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(1);

    @ParameterizedTest
    @MethodSource("stores")
    void compareAndSetStoresOnlyOverWhatTheCallerSaw(Function<String, SessionStore> make) {
        SessionStore store = make.apply("cas");
        assertThat(store.compareAndSet(KEY, null, session("one"))).isTrue();
        assertThat(store.compareAndSet(KEY, null, session("two"))).isFalse();
        assertThat(store.compareAndSet(KEY, session("stale"), session("two"))).isFalse();
        assertThat(store.load(KEY)).contains(session("one"));
        assertThat(store.compareAndSet(KEY, session("one"), session("two"))).isTrue();
        assertThat(store.load(KEY)).contains(session("two"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void manyThreadsFindingOneStaleSessionLogInOnce(Function<String, SessionStore> make) throws Exception {
        SessionStore store = make.apply("renew");
        Session stale = session("stale");
        store.save(KEY, stale);
        AtomicInteger logins = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Session>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return store.renew(KEY, stale, () -> {
                        int n = logins.incrementAndGet();
                        pause(15);
                        return session("fresh-" + n);
                    });
                }));
            }
            go.countDown();
            for (Future<Session> r : results) {
                assertThat(r.get(20, TimeUnit.SECONDS)).isEqualTo(session("fresh-1"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins).hasValue(1);
        assertThat(store.load(KEY)).contains(session("fresh-1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void asyncRenewalsShareOneLogin(Function<String, SessionStore> make) throws Exception {
        SessionStore store = make.apply("async");
        AtomicInteger logins = new AtomicInteger();
        CompletableFuture<Session> login = new CompletableFuture<>();
        List<CompletableFuture<Session>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(store.renewAsync(KEY, null, () -> {
                logins.incrementAndGet();
                return login;
            }));
        }
        all.get(1).cancel(true);
        login.complete(session("async"));
        assertThat(all.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(session("async"));
        assertThat(all.get(4).get(5, TimeUnit.SECONDS)).as("a joiner's cancel left the others alone")
                .isEqualTo(session("async"));
        assertThat(logins).hasValue(1);
        assertThat(store.load(KEY)).contains(session("async"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aSessionAnotherRenewedIsTakenAndAnExpiredOneIsNot(Function<String, SessionStore> make) {
        SessionStore store = make.apply("fresher");
        store.save(KEY, session("renewed-by-another"));
        assertThat(store.renew(KEY, session("stale"), () -> {
            throw new AssertionError("no login");
        })).isEqualTo(session("renewed-by-another"));

        Session expired = session("expired").toBuilder().expiresAt(Instant.now().minusSeconds(5)).build();
        store.save(KEY, expired);
        assertThat(store.renew(KEY, null, () -> session("new"))).isEqualTo(session("new"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aRefusedLoginIsThrownAsIsAndLeavesTheStoreAlone(Function<String, SessionStore> make) {
        SessionStore store = make.apply("refused");
        store.save(KEY, session("stale"));
        InvalidCredentialsException refused = new InvalidCredentialsException(
                new ApiError(401, "POST", "/v1/authentication/login", null, "no", null, null));
        assertThatThrownBy(() -> store.renew(KEY, session("stale"), () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(store.load(KEY)).contains(session("stale"));
        assertThat(store.renew(KEY, session("stale"), () -> session("second-try"))).as("the lease was released")
                .isEqualTo(session("second-try"));
    }

    @Test
    void twoAccountsOnOneKeyRenewWithOneLogin() {
        SessionStore store = new InMemorySessionStore(WAIT);
        Session stale = session("stale");
        store.save(KEY, stale);
        AtomicInteger logins = new AtomicInteger();
        SessionHolder a = new SessionHolder(KEY, store, stale, () -> session("fresh-" + logins.incrementAndGet()));
        SessionHolder b = new SessionHolder(KEY, store, stale, () -> session("fresh-" + logins.incrementAndGet()));
        Function<Session, String> call = s -> {
            if (s.equals(stale)) {
                throw new UnauthorizedException(new ApiError(401, "GET", "/v1/account", null, null, null, null));
            }
            return s.cookie("session").orElseThrow();
        };
        assertThat(a.call(call)).isEqualTo("fresh-1");
        assertThat(b.call(call)).as("b takes a's session: no second login").isEqualTo("fresh-1");
        assertThat(logins).hasValue(1);
        assertThat(b.current()).contains(session("fresh-1"));
    }

    @Test
    void anAsyncCallRejectedRenewsTheStaleSessionItUsed() throws Exception {
        SessionStore store = new InMemorySessionStore(WAIT);
        Session stale = session("stale");
        store.save(KEY, stale);
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder(KEY, store, stale, () -> session("sync-login"),
                () -> CompletableFuture.completedFuture(session("fresh-" + logins.incrementAndGet())));
        CompletableFuture<String> result = holder.callAsync(s -> s.equals(stale)
                ? CompletableFuture.failedFuture(new UnauthorizedException(new ApiError(401, "GET", "/v1/account",
                        null, null, null, null)))
                : CompletableFuture.completedFuture(s.cookie("session").orElseThrow()));
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fresh-1");
        assertThat(logins).hasValue(1);
        assertThat(holder.current()).contains(session("fresh-1"));
    }

    @Test
    void anEncryptedFileHoldsNoSecretAndOpensOnlyWithItsKey() throws Exception {
        Path file = dir.resolve("sealed.json");
        SessionCipher cipher = SessionCipher.fromBase64(SessionCipher.newBase64Key());
        SessionStore store = SessionStore.file(file, cipher);
        Session s = session("cookie-secret-in-the-file").toBuilder().token(Session.ACCESS_TOKEN, "token-secret").build();
        store.save(KEY, s);
        String text = Files.readString(file);
        // The store key (who) stays readable; the session (the secrets) does not.
        assertThat(text).contains("sealed").doesNotContain("cookie-secret").doesNotContain("token-secret")
                .doesNotContain("username");
        assertThat(SessionStore.file(file, cipher).load(KEY)).contains(s);
        assertThat(store.compareAndSet(KEY, s, session("next"))).isTrue();
        assertThatThrownBy(() -> SessionStore.file(file).load(KEY)).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> SessionStore.file(file, SessionCipher.fromBase64(SessionCipher.newBase64Key()))
                .load(KEY)).isInstanceOf(SessionStoreException.class).hasMessageContaining("does not open");
        assertThat(store.toString()).contains("encrypted");
        assertThat(cipher.toString()).doesNotContain(SessionCipher.newBase64Key().substring(0, 4) + "x");
    }

    @Test
    void aCipherKeyIsCheckedWithoutShowingIt() {
        assertThatThrownBy(() -> SessionCipher.fromBase64("not base64 at all! secret-ish"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret-ish");
        assertThatThrownBy(() -> SessionCipher.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        String key = SessionCipher.newBase64Key();
        assertThat(SessionCipher.fromBase64(key).toString()).doesNotContain(key);
        byte[] sealed = SessionCipher.fromBase64(key).seal("x".getBytes(), "a");
        assertThatThrownBy(() -> SessionCipher.fromBase64(key).open(sealed, "b"))
                .as("bound to its store key").isInstanceOf(IllegalArgumentException.class);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
