package dev.latchkey.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A session store with a lease wait and a clock of its own: the base of the built-in stores (in memory, file, Redis).
 * It stores and leases ({@link #tryLease}); the single-flight renewal itself is {@code SessionRenewal}'s, the one home
 * of renewal, which {@link #renew} reaches.
 */
public abstract class LeasedSessionStore implements SessionStore {
    private final Duration leaseWait;
    private final Clock clock;

    /**
     * @param leaseWait how long a sharer waits for another's login before it gives up with
     *     {@link dev.latchkey.core.error.SessionStoreException} (a login should take far less; a dead holder's lease
     *     expires sooner)
     * @param clock the clock for that wait and for session expiry
     */
    protected LeasedSessionStore(Duration leaseWait, Clock clock) {
        this.leaseWait = Objects.requireNonNull(leaseWait, "leaseWait");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final Duration leaseWait() {
        return leaseWait;
    }

    @Override
    public final Clock clock() {
        return clock;
    }
}
