package dev.latchkey.core.auth;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.UnauthorizedException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The current session of one logged-in account, kept in step with a {@link SessionStore}. The session is replaced only
 * when a call that produces a new one succeeds, so a failed call leaves it exactly as it was.
 *
 * <p>When a re-login is configured (the caller kept the credentials), a call rejected with
 * {@link UnauthorizedException} triggers one re-login and one retry of the call; if that fails too, its exception is
 * thrown. Never a loop. The re-login goes through {@link SessionStore#renew}: among everyone sharing the store (the
 * threads of a process, the processes of a machine, a fleet on Redis) one logs in, and the others use its session.
 */
public final class SessionHolder {
    /** Changes only when the provider renames the account ({@link #moveTo}). */
    private volatile String key;
    private final SessionStore store;
    private final AtomicReference<Session> current;
    private final Supplier<Session> relogin;
    private final Supplier<CompletableFuture<Session>> reloginAsync;

    /**
     * @param key the store key
     * @param store where the session is kept
     * @param initial the session to start from
     * @param relogin makes a fresh session (a new login), or {@code null} if the provider or caller does not allow it
     */
    public SessionHolder(String key, SessionStore store, Session initial, Supplier<Session> relogin) {
        this(key, store, initial, relogin, null);
    }

    /**
     * @param key the store key
     * @param store where the session is kept
     * @param initial the session to start from
     * @param relogin makes a fresh session (a new login), or {@code null} if the provider or caller does not allow it
     * @param reloginAsync the same login without blocking, for {@link #callAsync}; if {@code null}, async calls run
     *     {@code relogin} on the thread that completed the rejected call
     */
    public SessionHolder(String key, SessionStore store, Session initial, Supplier<Session> relogin,
            Supplier<CompletableFuture<Session>> reloginAsync) {
        this.key = Objects.requireNonNull(key, "key");
        this.store = Objects.requireNonNull(store, "store");
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.relogin = relogin;
        this.reloginAsync = relogin == null ? null : reloginAsync;
    }

    /** @return the store key */
    public String key() {
        return key;
    }

    /** @return the current session, or empty after {@link #clear()} */
    public Optional<Session> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * @return the current session
     * @throws IllegalStateException if it was cleared by a logout or forgotten by a close (using an account after
     *     either is a bug)
     */
    public Session require() {
        Session s = current.get();
        if (s == null) {
            throw new IllegalStateException("this account is logged out or closed; log in again");
        }
        return s;
    }

    /**
     * Replaces the session (after a successful login or refresh) and saves it.
     *
     * @param session the new session
     */
    public void replace(Session session) {
        Objects.requireNonNull(session, "session");
        store.save(key, session);
        current.set(session);
    }

    /**
     * Moves the session to another store key, for a provider that renames the account (Karaoke Mugen's conversions
     * to and from an online account): the new session is saved under the new key, the old key is deleted, and every
     * account or view sharing this holder follows it.
     *
     * @param newKey the key the account is now stored under
     * @param session the session the rename gave
     */
    public synchronized void moveTo(String newKey, Session session) {
        Objects.requireNonNull(newKey, "newKey");
        Objects.requireNonNull(session, "session");
        String old = key;
        store.save(newKey, session);
        key = newKey;
        current.set(session);
        if (!old.equals(newKey)) {
            store.delete(old);
        }
    }

    /** Forgets the session, here and in the store (after a logout). */
    public void clear() {
        store.delete(key);
        current.set(null);
    }

    /**
     * Forgets the session here only: the store keeps it, and the provider still honours it (an account closed
     * without logging out).
     */
    public void forget() {
        current.set(null);
    }

    /**
     * Runs a call with the current session, with at most one re-login on {@link UnauthorizedException}.
     *
     * @param call the call, given the current session
     * @param <T> its result
     * @return its result
     */
    public <T> T call(Function<Session, T> call) {
        Session used = require();
        try {
            return call.apply(used);
        } catch (UnauthorizedException e) {
            if (relogin == null) {
                throw e;
            }
            Session fresh = renewOrThrow(used, e);
            return call.apply(fresh);
        }
    }

    /**
     * The async form of {@link #call}: at most one re-login, itself async when the provider gave one.
     *
     * @param call the call, given the current session
     * @param <T> its result
     * @return its result
     */
    public <T> CompletableFuture<T> callAsync(Function<Session, CompletableFuture<T>> call) {
        AtomicReference<Session> used = new AtomicReference<>();
        // Bad input thrown while starting the call fails the future, as any failure would (Async's rule).
        CompletableFuture<T> first = Async.start(() -> {
            Session s = require();
            used.set(s);
            return call.apply(s);
        });
        if (relogin == null) {
            return first;
        }
        return Async.recover(first, error -> {
            if (!(error instanceof UnauthorizedException u)) {
                return CompletableFuture.<T>failedFuture(error);
            }
            if (reloginAsync == null) {
                return call.apply(renewOrThrow(used.get(), u));
            }
            // The login is a future too: no thread waits on it, and cancelling the caller's future cancels it.
            CompletableFuture<Session> fresh = Async.recover(store.renewAsync(key, used.get(), reloginAsync),
                    loginFailed -> {
                        suppress(loginFailed, u);
                        return CompletableFuture.failedFuture(loginFailed);
                    });
            return Async.compose(fresh, session -> {
                current.set(session);
                return call.apply(session);
            });
        });
    }

    /**
     * Renews the rejected session through the store, which lets one sharer log in and hands the others its session.
     */
    private Session renewOrThrow(Session stale, UnauthorizedException rejected) {
        Session fresh;
        try {
            fresh = store.renew(key, stale, relogin);
        } catch (RuntimeException e) {
            suppress(e, rejected);
            throw e;
        }
        current.set(fresh);
        return fresh;
    }

    private static void suppress(Throwable failure, UnauthorizedException rejected) {
        if (failure != rejected) {
            failure.addSuppressed(rejected);
        }
    }

    @Override
    public String toString() {
        return "SessionHolder{key=" + key + ", session=" + current.get() + '}';
    }
}
