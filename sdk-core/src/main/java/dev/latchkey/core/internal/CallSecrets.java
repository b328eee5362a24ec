package dev.latchkey.core.internal;

import java.util.function.Supplier;

/**
 * The one home of a call's secrets: built once per call, on first use (most calls are never logged and never fail),
 * and handed to everything that may print the call: its origin (messages, the failure path) and the log (as the
 * OkHttp request's tag).
 */
public final class CallSecrets {
    private final Supplier<Secrets> compute;
    private volatile Secrets value;

    /** @param compute computes the secrets, at most once in the usual case */
    public CallSecrets(Supplier<Secrets> compute) {
        this.compute = compute;
    }

    /** @return the secrets, computed now if this is the first use */
    public Secrets get() {
        Secrets v = value;
        if (v == null) {
            value = v = compute.get();
        }
        return v;
    }
}
