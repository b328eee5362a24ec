package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.SessionStoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The single-flight renewal of {@link LeasedSessionStore}, on a store whose lease the test holds and releases: the
 * waiting, the give-up, the release in every outcome, and a login that loses to a newer session.
 */
class LeasedStoreTest {
    static final String KEY = "k";

    static Session session(String cookie) {
        return Session.builder("p").cookie("session", cookie).createdAt(Instant.parse("2026-12-01T00:00:00Z")).build();
    }

    /** A map, and a lease the test can hold as "another worker". */
    static final class ScriptedStore extends LeasedSessionStore {
        final Map<String, Session> map = new ConcurrentHashMap<>();
        final AtomicBoolean heldByAnother = new AtomicBoolean();
        final AtomicInteger releases = new AtomicInteger();
        volatile Runnable onLease = () -> { };

        ScriptedStore(Duration leaseWait) {
            this(leaseWait, Clock.systemUTC());
        }

        ScriptedStore(Duration leaseWait, Clock clock) {
            super(leaseWait, clock);
        }

        @Override
        public Optional<Session> load(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void save(String key, Session session) {
            map.put(key, session);
        }

        @Override
        public void delete(String key) {
            map.remove(key);
        }

        @Override
        public boolean compareAndSet(String key, Session expected, Session replacement) {
            return expected == null ? map.putIfAbsent(key, replacement) == null
                    : map.replace(key, expected, replacement);
        }

        @Override
        public Optional<Lease> tryLease(String key) {
            if (heldByAnother.get()) {
                return Optional.empty();
            }
            onLease.run();
            return Optional.of(releases::incrementAndGet);
        }
    }

    private static void later(long ms, Runnable r) {
        CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS).execute(r);
    }

    @Test
    void aWaiterPollsUntilTheLeaseHolderStoresItsSession() {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        assertThat(store.leaseWait()).isEqualTo(Duration.ofSeconds(1));
        store.heldByAnother.set(true);
        later(15, () -> store.save(KEY, session("theirs")));
        assertThat(store.renew(KEY, null, () -> {
            throw new AssertionError("no login while another holds the lease");
        })).isEqualTo(session("theirs"));
        assertThat(store.releases).hasValue(0);
    }

    @Test
    void anAsyncWaiterPollsToo() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        store.heldByAnother.set(true);
        later(15, () -> store.save(KEY, session("theirs")));
        assertThat(store.renewAsync(KEY, null, () -> {
            throw new AssertionError("no login");
        }).get(10, TimeUnit.SECONDS)).isEqualTo(session("theirs"));
    }

    @Test
    void aFreedLeaseIsTakenByAWaiter() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        store.heldByAnother.set(true);
        later(15, () -> store.heldByAnother.set(false));
        assertThat(store.renew(KEY, null, () -> session("mine"))).isEqualTo(session("mine"));
        store.heldByAnother.set(true);
        later(15, () -> store.heldByAnother.set(false));
        assertThat(store.renewAsync(KEY, session("mine"), () -> CompletableFuture.completedFuture(session("again")))
                .get(10, TimeUnit.SECONDS)).isEqualTo(session("again"));
        assertThat(store.releases).hasValue(2);
    }

    @Test
    void aWaiterGivesUpAfterItsLeaseWaitSyncAndAsync() {
        ScriptedStore store = new ScriptedStore(Duration.ofMillis(40));
        store.heldByAnother.set(true);
        assertThatThrownBy(() -> store.renew(KEY, null, () -> session("x")))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("gave up after 40 ms waiting for another re-login of k");
        assertThatThrownBy(() -> store.renewAsync(KEY, null, () -> CompletableFuture.completedFuture(session("x")))
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("waiting for another re-login");
    }

    @Test
    void aZeroLeaseWaitLooksOnceAndGivesUpWithoutWaiting() {
        // A clock that never moves: only a deadline reached at the very first look ends the wait.
        ScriptedStore store = new ScriptedStore(Duration.ZERO,
                new dev.latchkey.testkit.ManualClock(Instant.parse("2026-12-02T10:00:00Z")));
        store.heldByAnother.set(true);
        assertThatThrownBy(() -> store.renew(KEY, null, () -> session("x")))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("gave up after 0 ms");
        assertThatThrownBy(() -> store.renewAsync(KEY, null, () -> CompletableFuture.completedFuture(session("x")))
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SessionStoreException.class);
    }

    @Test
    void aSessionStoredJustBeforeTheLeaseIsTakenWithoutALoginAndTheLeaseReleased() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        store.onLease = () -> store.map.put(KEY, session("just-in-time"));
        assertThat(store.renew(KEY, null, () -> {
            throw new AssertionError("no login");
        })).isEqualTo(session("just-in-time"));
        assertThat(store.releases).hasValue(1);
        store.onLease = () -> store.map.put(KEY, session("just-in-time-2"));
        assertThat(store.renewAsync(KEY, session("just-in-time"), () -> {
            throw new AssertionError("no login");
        }).get(10, TimeUnit.SECONDS)).isEqualTo(session("just-in-time-2"));
        assertThat(store.releases).hasValue(2);
    }

    @Test
    void theLeaseIsReleasedWhenAnAsyncLoginEndsOrCannotStart() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CompletableFuture<Session> login = new CompletableFuture<>();
        CompletableFuture<Session> renewal = store.renewAsync(KEY, null, () -> login);
        assertThat(store.releases).as("held while the login runs").hasValue(0);
        login.complete(session("fresh"));
        assertThat(renewal.get(10, TimeUnit.SECONDS)).isEqualTo(session("fresh"));
        assertThat(store.releases).hasValue(1);

        assertThatThrownBy(() -> store.renewAsync(KEY, session("fresh"), () -> {
            throw new IllegalStateException("cannot start");
        }).get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class);
        assertThat(store.releases).hasValue(2);
    }

    @Test
    void joinersOfARenewalItsCallerCancelledRenewThemselves() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CompletableFuture<Session> firstLogin = new CompletableFuture<>();
        CompletableFuture<Session> leader = store.renewAsync(KEY, null, () -> firstLogin);
        CompletableFuture<Session> joiner = store.renewAsync(KEY, null,
                () -> CompletableFuture.completedFuture(session("joiners-own")));
        leader.cancel(true);
        assertThat(firstLogin).as("the cancelled caller's login is cancelled").isCancelled();
        assertThat(joiner.get(5, TimeUnit.SECONDS)).isEqualTo(session("joiners-own"));
        assertThat(store.releases).as("the cancelled login's lease, then the joiner's").hasValue(2);
    }

    @Test
    void aThreadJoiningARenewalItsCallerCancelledRenewsItself() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CompletableFuture<Session> leader = store.renewAsync(KEY, null, CompletableFuture::new);
        CompletableFuture<Session> joined = CompletableFuture.supplyAsync(
                () -> store.renew(KEY, null, () -> session("thread-own")));
        Thread.sleep(50);
        leader.cancel(true);
        assertThat(joined.get(5, TimeUnit.SECONDS)).isEqualTo(session("thread-own"));
    }

    @Test
    void aStoreOfItsOwnGetsRenewalByCompareAndSetFromTheInterface() throws Exception {
        Map<String, Session> map = new ConcurrentHashMap<>();
        SessionStore plain = new SessionStore() {
            @Override
            public Optional<Session> load(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void save(String key, Session session) {
                map.put(key, session);
            }

            @Override
            public void delete(String key) {
                map.remove(key);
            }

            @Override
            public boolean compareAndSet(String key, Session expected, Session replacement) {
                return expected == null ? map.putIfAbsent(key, replacement) == null
                        : map.replace(key, expected, replacement);
            }
        };
        assertThat(plain.renew(KEY, null, () -> session("first"))).isEqualTo(session("first"));
        assertThat(plain.renew(KEY, session("stale"), () -> {
            throw new AssertionError("another renewed it: no login");
        })).isEqualTo(session("first"));
        assertThat(plain.renewAsync(KEY, session("first"), () -> CompletableFuture.completedFuture(session("second")))
                .get(5, TimeUnit.SECONDS)).isEqualTo(session("second"));
        assertThat(plain.renewAsync(KEY, session("stale"), () -> {
            throw new AssertionError("no login");
        }).get(5, TimeUnit.SECONDS)).isEqualTo(session("second"));
        assertThat(map).containsEntry(KEY, session("second"));
    }

    @Test
    void aLoginThatLosesToANewerSessionReturnsTheNewerOne() {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        store.save(KEY, session("stale"));
        Session got = store.renew(KEY, session("stale"), () -> {
            // Our lease expired mid-login and another worker stored its session first.
            store.map.put(KEY, session("newer"));
            return session("ours");
        });
        assertThat(got).isEqualTo(session("newer"));
        assertThat(store.load(KEY)).contains(session("newer"));
    }

    @Test
    void threadsJoiningAFailedRenewalGetItsFailure() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CountDownLatch inLogin = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        IllegalStateException refused = new IllegalStateException("refused");
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> store.renew(KEY, null, () -> {
            inLogin.countDown();
            await(fail);
            throw refused;
        }));
        inLogin.await();
        AtomicReference<Throwable> joined = new AtomicReference<>();
        Thread joiner = new Thread(() -> {
            try {
                store.renew(KEY, null, () -> session("never"));
            } catch (Throwable t) {
                joined.set(t);
            }
        });
        joiner.start();
        CompletableFuture<Session> asyncJoiner = store.renewAsync(KEY, null, () -> {
            throw new AssertionError("joins");
        });
        Thread.sleep(10);
        fail.countDown();
        joiner.join(10_000);
        assertThat(joined.get()).isSameAs(refused);
        assertThatThrownBy(() -> asyncJoiner.get(10, TimeUnit.SECONDS)).cause().isSameAs(refused);
        assertThatThrownBy(leader::join).cause().isSameAs(refused);
    }

    @Test
    void anAsyncRenewalFailingWithACheckedExceptionReachesJoinersTyped() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CompletableFuture<Session> login = new CompletableFuture<>();
        CompletableFuture<Session> leader = store.renewAsync(KEY, null, () -> login);
        CompletableFuture<Session> joiner = store.renewAsync(KEY, null, () -> {
            throw new AssertionError("joins");
        });
        login.completeExceptionally(new IOException("wire"));
        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class);
        assertThatThrownBy(() -> joiner.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("the re-login of k failed").cause().isInstanceOf(IOException.class);
    }

    @Test
    void aJoinerWaitsNoLongerThanTheLeaseWait() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofMillis(60));
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> leader = slowLeader(store, done);
        assertThatThrownBy(() -> store.renew(KEY, null, () -> session("x"))).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("waiting for another re-login");
        assertThatThrownBy(() -> store.renewAsync(KEY, null, () -> CompletableFuture.completedFuture(session("x")))
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SessionStoreException.class);
        done.countDown();
        leader.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anInterruptedWaiterStopsTypedAndKeepsItsInterrupt() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        store.heldByAnother.set(true);
        assertInterruptedRenewStopsTyped(store);
    }

    /** @return a renewal whose login has started and lasts until {@code done} counts down */
    private static CompletableFuture<Void> slowLeader(ScriptedStore store, CountDownLatch done)
            throws InterruptedException {
        CountDownLatch inLogin = new CountDownLatch(1);
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> store.renew(KEY, null, () -> {
            inLogin.countDown();
            await(done);
            return session("slow");
        }));
        inLogin.await();
        return leader;
    }

    /** Renews on a thread interrupted beforehand: a typed failure naming the interrupt, the interrupt kept. */
    private static void assertInterruptedRenewStopsTyped(ScriptedStore store) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                store.renew(KEY, null, () -> session("x"));
            } catch (Throwable e) {
                failure.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        t.join(10_000);
        assertThat(failure.get()).isInstanceOf(SessionStoreException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void anInterruptedJoinerStopsTypedAndKeepsItsInterrupt() throws Exception {
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(1));
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> leader = slowLeader(store, done);
        try {
            assertInterruptedRenewStopsTyped(store);
        } finally {
            done.countDown();
        }
        leader.get(10, TimeUnit.SECONDS);
    }

    @Test
    void cipherFingerprintsAreKeyedAndStable() {
        byte[] plain = "{\"provider\":\"p\"}".getBytes();
        SessionCipher a = SessionCipher.fromBase64(SessionCipher.newBase64Key());
        SessionCipher b = SessionCipher.fromBase64(SessionCipher.newBase64Key());
        assertThat(a.fingerprint(plain)).isEqualTo(a.fingerprint(plain.clone())).hasSize(32)
                .isNotEqualTo(b.fingerprint(plain));
        assertThat(SessionCipher.fingerprint(plain, a)).isEqualTo(a.fingerprint(plain));
        assertThat(SessionCipher.fingerprint(plain, null)).hasSize(32).isNotEqualTo(a.fingerprint(plain))
                .isEqualTo(SessionCipher.fingerprint(plain.clone(), null));
        assertThat(SessionCipher.fingerprint("other".getBytes(), null)).isNotEqualTo(
                SessionCipher.fingerprint(plain, null));
    }

    @Test
    void sealingUsesAFreshNonceAndOpensEvenAnEmptySession() {
        SessionCipher c = SessionCipher.fromBase64(SessionCipher.newBase64Key());
        byte[] one = c.seal("same".getBytes(), "k");
        byte[] two = c.seal("same".getBytes(), "k");
        assertThat(one).isNotEqualTo(two);
        assertThat(java.util.Arrays.copyOfRange(one, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(two, 1, 13));
        assertThat(c.open(c.seal(new byte[0], "k"), "k")).isEmpty();
        assertThatThrownBy(() -> c.open(new byte[28], "k")).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.toString()).startsWith("SessionCipher(");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void expiryIsJudgedByTheStoresOwnClock() {
        // Issue 28: LeasedSessionStore.fresher judged a stored session's expiry by the system clock, not the store's.
        dev.latchkey.testkit.ManualClock clock = new dev.latchkey.testkit.ManualClock(
                Instant.parse("2030-01-01T00:00:00Z"));
        ScriptedStore store = new ScriptedStore(Duration.ofSeconds(5), clock);
        Session expiredByTheStoresClock = session("old").toBuilder().expiresAt(Instant.parse("2029-06-01T00:00:00Z"))
                .build();
        store.save(KEY, expiredByTheStoresClock);
        AtomicInteger logins = new AtomicInteger();
        Session fresh = store.renew(KEY, null, () -> {
            logins.incrementAndGet();
            return session("fresh");
        });
        assertThat(fresh).isEqualTo(session("fresh"));
        assertThat(logins).hasValue(1);
        clock.set(Instant.parse("2029-01-01T00:00:00Z"));
        store.save(KEY, expiredByTheStoresClock);
        assertThat(store.renew(KEY, null, () -> session("unneeded"))).as("not expired yet by the store's clock")
                .isEqualTo(expiredByTheStoresClock);
        // A caller's own store without a lease still gets the in-process single flight and the default clock.
        SessionStore plain = new SessionStore() {
            final Map<String, Session> map = new ConcurrentHashMap<>();

            @Override
            public Optional<Session> load(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void save(String key, Session session) {
                map.put(key, session);
            }

            @Override
            public void delete(String key) {
                map.remove(key);
            }

            @Override
            public boolean compareAndSet(String key, Session expected, Session replacement) {
                return expected == null ? map.putIfAbsent(key, replacement) == null
                        : map.replace(key, expected, replacement);
            }
        };
        assertThat(plain.leaseWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plain.renew(KEY, null, () -> session("mine"))).isEqualTo(session("mine"));
        assertThat(plain.load(KEY)).contains(session("mine"));
    }
}
