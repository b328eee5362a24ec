package dev.latchkey.core.auth;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.SessionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one home of session renewal: single-flight, per key, among everyone who shares a store. Within a process the
 * threads that find the same key stale join one renewal; across processes the store's lease
 * ({@link SessionStore#tryLease}) decides who logs in, and the others poll until its session is stored or the lease is
 * free, within the store's {@link SessionStore#leaseWait}. Expiry is judged by the store's {@link SessionStore#clock}.
 * The store only stores and leases; {@link SessionStore#renew}, {@link SessionHolder}'s re-login and a provider's
 * resume-or-login all come here.
 */
final class SessionRenewal {
    /** How often a waiter looks whether the lease holder has stored its session. */
    static final Duration POLL = Duration.ofMillis(20);

    /**
     * The renewals in flight, per store instance (its in-process single flight), forgotten with the store: the values
     * hold futures of sessions, never the store, so the weak key can go.
     */
    private static final Map<SessionStore, ConcurrentMap<String, CompletableFuture<Session>>> IN_FLIGHT =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final SessionStore store;
    private final ConcurrentMap<String, CompletableFuture<Session>> inFlight;
    private final Duration leaseWait;
    private final Clock clock;

    private SessionRenewal(SessionStore store, ConcurrentMap<String, CompletableFuture<Session>> inFlight) {
        this.store = store;
        this.inFlight = inFlight;
        this.leaseWait = Objects.requireNonNull(store.leaseWait(), "leaseWait");
        this.clock = Objects.requireNonNull(store.clock(), "clock");
    }

    /** @return the renewal of a store: every caller shares its renewals in flight, so they join one another's */
    static SessionRenewal of(SessionStore store) {
        Objects.requireNonNull(store, "store");
        return new SessionRenewal(store, IN_FLIGHT.computeIfAbsent(store, s -> new ConcurrentHashMap<>()));
    }

    Session renew(String key, Session stale, Supplier<Session> login) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(login, "login");
        CompletableFuture<Session> mine = new CompletableFuture<>();
        CompletableFuture<Session> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return joinInProcess(key, running, stale, login);
        }
        try {
            Session fresh = renewLeased(key, stale, login);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    CompletableFuture<Session> renewAsync(String key, Session stale, Supplier<CompletableFuture<Session>> login) {
        return Async.start(() -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(login, "login");
            CompletableFuture<Session> mine = new CompletableFuture<>();
            CompletableFuture<Session> running = inFlight.putIfAbsent(key, mine);
            if (running != null) {
                // A joiner's cancel must not cancel the renewal others wait on: derive, don't share.
                // A renewal its own caller cancelled is no answer for the others: they start their own.
                return running.thenApply(s -> s).orTimeout(leaseWait.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionallyCompose(e -> Async.unwrap(e) instanceof CancellationException
                                ? renewAsync(key, stale, login)
                                : CompletableFuture.failedFuture(joinFailure(key, e)));
            }
            CompletableFuture<Session> renewal = renewLeasedAsync(key, stale, login,
                    clock.millis() + leaseWait.toMillis());
            renewal.whenComplete((s, e) -> {
                inFlight.remove(key, mine);
                if (e != null) {
                    mine.completeExceptionally(Async.unwrap(e));
                } else {
                    mine.complete(s);
                }
            });
            return renewal;
        });
    }

    /**
     * @param stored what the store holds
     * @param stale the session found wanting, or {@code null}
     * @param clock the store's clock, which judges expiry
     * @return whether {@code stored} is a usable session other than {@code stale}: someone renewed it already
     */
    static boolean fresher(Optional<Session> stored, Session stale, Clock clock) {
        return stored.isPresent() && !stored.get().equals(stale) && !stored.get().isExpired(clock);
    }

    private Session renewLeased(String key, Session stale, Supplier<Session> login) {
        long deadline = clock.millis() + leaseWait.toMillis();
        while (true) {
            Optional<Session> stored = store.load(key);
            if (fresher(stored, stale, clock)) {
                return stored.get();
            }
            Optional<SessionStore.Lease> lease = store.tryLease(key);
            if (lease.isPresent()) {
                try (SessionStore.Lease held = lease.get()) {
                    Optional<Session> again = store.load(key);
                    if (fresher(again, stale, clock)) {
                        return again.get();
                    }
                    return commit(key, again, Objects.requireNonNull(login.get(), "login made no session"));
                }
            }
            if (clock.millis() >= deadline) {
                throw leaseTimeout(key);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionStoreException("interrupted while waiting for another re-login of " + key, null);
            }
        }
    }

    private CompletableFuture<Session> renewLeasedAsync(String key, Session stale,
            Supplier<CompletableFuture<Session>> login, long deadline) {
        Optional<Session> stored = store.load(key);
        if (fresher(stored, stale, clock)) {
            return CompletableFuture.completedFuture(stored.get());
        }
        Optional<SessionStore.Lease> lease = store.tryLease(key);
        if (lease.isPresent()) {
            SessionStore.Lease held = lease.get();
            Optional<Session> again;
            CompletableFuture<Session> started;
            try {
                again = store.load(key);
                if (fresher(again, stale, clock)) {
                    held.close();
                    return CompletableFuture.completedFuture(again.get());
                }
                started = Objects.requireNonNull(login.get(), "login made no future");
            } catch (RuntimeException | Error e) {
                held.close();
                throw e;
            }
            // Released however the login ends, cancellation included.
            started.whenComplete((s, e) -> held.close());
            return Async.map(started, fresh -> commit(key, again, fresh));
        }
        if (clock.millis() >= deadline) {
            return CompletableFuture.failedFuture(leaseTimeout(key));
        }
        CompletableFuture<Void> pause = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(POLL.toMillis(), TimeUnit.MILLISECONDS).execute(() -> pause.complete(null));
        return Async.compose(pause, v -> renewLeasedAsync(key, stale, login, deadline));
    }

    /** Stores the fresh session unless a newer one was stored meanwhile (a lease that expired mid-login). */
    private Session commit(String key, Optional<Session> seen, Session fresh) {
        if (store.compareAndSet(key, seen.orElse(null), fresh)) {
            return fresh;
        }
        return store.load(key).orElse(fresh);
    }

    private Session joinInProcess(String key, CompletableFuture<Session> running, Session stale,
            Supplier<Session> login) {
        try {
            return running.get(leaseWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException cancelled) {
            // Its own caller cancelled that renewal: this caller still needs a session, so it renews itself.
            return renew(key, stale, login);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException("interrupted while waiting for another re-login of " + key, null);
        } catch (Exception e) {
            throw joinFailure(key, e);
        }
    }

    private RuntimeException joinFailure(String key, Throwable e) {
        Throwable cause = Async.unwrap(e);
        if (cause instanceof TimeoutException) {
            return leaseTimeout(key);
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new SessionStoreException("the re-login of " + key + " failed", cause);
    }

    private SessionStoreException leaseTimeout(String key) {
        return new SessionStoreException("gave up after " + leaseWait.toMillis() + " ms waiting for another re-login of "
                + key + " (its holder is slow or gone; a dead holder's lease expires)", null);
    }
}
