package dev.latchkey.core.internal;

import java.util.function.Supplier;

/** A request's secrets, computed on first use: most calls are never logged and never fail. */
public final class LazySecrets {
    private final Supplier<Secrets> compute;
    private volatile Secrets value;

    /** @param compute computes the secrets, at most once in the usual case */
    public LazySecrets(Supplier<Secrets> compute) {
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
