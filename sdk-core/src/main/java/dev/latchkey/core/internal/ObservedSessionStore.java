package dev.latchkey.core.internal;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A client's session store as its observers see it: every load, save, delete and compare-and-set it makes, and every
 * renewal, told whether this worker's own login ran (it led) or another sharer's session came back (it followed). The
 * renewal itself stays the underlying store's, so its single flight and lease are the ones every sharer joins.
 */
public final class ObservedSessionStore implements SessionStore {
    private final SessionStore store;
    private final List<ObserverMailbox> mailboxes;

    private ObservedSessionStore(SessionStore store, List<ObserverMailbox> mailboxes) {
        this.store = store;
        this.mailboxes = mailboxes;
    }

    /**
     * @param store the client's store
     * @param observers the client's observers
     * @return the store, observed when there are observers; the store itself otherwise
     */
    public static SessionStore of(SessionStore store, List<CallObserver> observers) {
        if (observers.isEmpty()) {
            return store;
        }
        List<ObserverMailbox> mailboxes = new ArrayList<>();
        observers.forEach(o -> mailboxes.add(ObserverMailbox.of(o)));
        return new ObservedSessionStore(store, List.copyOf(mailboxes));
    }

    @Override
    public Optional<Session> load(String key) {
        return access(key, StoreAccess.Operation.LOAD, () -> store.load(key), Optional::isPresent);
    }

    @Override
    public void save(String key, Session session) {
        access(key, StoreAccess.Operation.SAVE, () -> {
            store.save(key, session);
            return Boolean.TRUE;
        }, done -> true);
    }

    @Override
    public void delete(String key) {
        access(key, StoreAccess.Operation.DELETE, () -> {
            store.delete(key);
            return Boolean.TRUE;
        }, done -> true);
    }

    @Override
    public boolean compareAndSet(String key, Session expected, Session replacement) {
        return access(key, StoreAccess.Operation.COMPARE_AND_SET,
                () -> store.compareAndSet(key, expected, replacement), stored -> stored);
    }

    /** Runs one store operation and tells the observers how it went, whichever way it went. */
    private <T> T access(String key, StoreAccess.Operation op, Supplier<T> action,
            java.util.function.Predicate<T> found) {
        long start = System.nanoTime();
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            access(key, op, false, e, start);
            throw e;
        }
        access(key, op, found.test(result), null, start);
        return result;
    }

    @Override
    public Optional<Lease> tryLease(String key) {
        return store.tryLease(key);
    }

    @Override
    public Duration leaseWait() {
        return store.leaseWait();
    }

    @Override
    public Clock clock() {
        return store.clock();
    }

    @Override
    public Session renew(String key, Session stale, Supplier<Session> login) {
        long start = System.nanoTime();
        AtomicBoolean led = new AtomicBoolean();
        try {
            Session fresh = store.renew(key, stale, () -> {
                led.set(true);
                return login.get();
            });
            relogin(key, led.get(), null, start);
            return fresh;
        } catch (RuntimeException | Error e) {
            relogin(key, led.get(), e, start);
            throw e;
        }
    }

    @Override
    public CompletableFuture<Session> renewAsync(String key, Session stale,
            Supplier<CompletableFuture<Session>> login) {
        long start = System.nanoTime();
        AtomicBoolean led = new AtomicBoolean();
        CompletableFuture<Session> renewal = store.renewAsync(key, stale, () -> {
            led.set(true);
            return login.get();
        });
        renewal.whenComplete((s, error) -> relogin(key, led.get(), error, start));
        return renewal;
    }

    private void relogin(String key, boolean led, Throwable failure, long startNanos) {
        Throwable f = failure == null ? null : Async.unwrap(failure);
        int colon = key.indexOf(':');
        Relogin e = new Relogin(colon < 0 ? key : key.substring(0, colon), key, led, outcome(f), type(f),
                Duration.ofNanos(System.nanoTime() - startNanos));
        post(o -> o.reloggedIn(e), "reloggedIn");
    }

    private void access(String key, StoreAccess.Operation op, boolean found, Throwable failure, long startNanos) {
        StoreAccess e = new StoreAccess(key, op, found, outcome(failure), type(failure),
                Duration.ofNanos(System.nanoTime() - startNanos));
        post(o -> o.storeAccessed(e), "storeAccessed");
    }

    private static Outcome outcome(Throwable f) {
        return f == null ? Outcome.SUCCESS : f instanceof CancellationException ? Outcome.CANCELLED : Outcome.ERROR;
    }

    private static Optional<String> type(Throwable f) {
        return f == null ? Optional.empty() : Optional.of(f.getClass().getSimpleName());
    }

    private void post(Consumer<CallObserver> event, String what) {
        for (ObserverMailbox m : mailboxes) {
            m.post(event, what);
        }
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
