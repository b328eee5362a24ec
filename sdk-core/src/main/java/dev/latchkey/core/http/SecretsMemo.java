package dev.latchkey.core.http;

import dev.latchkey.core.internal.Secrets;
import java.util.List;

/**
 * The last request's {@link Secrets}, kept by a client: its calls carry the same credentials (an API key, a session)
 * call after call, and building every form and piece of them is most of what an error or a logged call costs. One
 * entry, replaced when the values differ; cleared when the client closes.
 */
final class SecretsMemo {
    private record Entry(List<String> values, Secrets secrets) {
        /** A record's own would print the raw values. */
        @Override
        public String toString() {
            return "SecretsMemo.Entry{" + values.size() + " values: ***}";
        }
    }

    private volatile Entry last;

    /** @return the secrets of these values, built again only if they differ from the last call's */
    Secrets of(List<String> values) {
        if (values.isEmpty()) {
            return Secrets.NONE;
        }
        Entry e = last;
        if (e != null && e.values().equals(values)) {
            return e.secrets();
        }
        List<String> kept = List.copyOf(values);
        Secrets s = Secrets.NONE.with(kept);
        last = new Entry(kept, s);
        return s;
    }

    void clear() {
        last = null;
    }
}
