package dev.latchkey.core.internal;

import java.lang.reflect.Constructor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies of exceptions with every message in the chain (message, causes, suppressed) scrubbed of a request's secrets.
 * A library's exception (OkHttp's, a parser's) may quote what a server sent: a status line, a chunk-size line, a
 * header, a value. Kept as a cause, it would print that text in every logged stack trace.
 */
public final class ScrubbedThrowables {
    /** The most of a cause's message that is kept. */
    static final int MAX_MESSAGE = 500;
    private static final int MAX_DEPTH = 8;

    private ScrubbedThrowables() {
    }

    /**
     * @param t the exception, or {@code null}
     * @param secrets what to scrub
     * @return a copy of the same type where the type can be rebuilt from a message (else an exception of the nearest
     *     JDK type naming the original class), with the same stack trace, and every message scrubbed and capped
     */
    public static Throwable copy(Throwable t, Secrets secrets) {
        if (t == null) {
            return null;
        }
        return copy(t, secrets, 0, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable t, Secrets secrets, int depth, Map<Throwable, Throwable> seen) {
        Throwable done = seen.get(t);
        if (done != null) {
            return done;
        }
        String message = t.getMessage() == null ? null : secrets.excerpt(t.getMessage(), MAX_MESSAGE);
        Throwable copy = rebuild(t, message);
        seen.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t && depth < MAX_DEPTH) {
            try {
                copy.initCause(copy(cause, secrets, depth + 1, seen));
            } catch (IllegalStateException | IllegalArgumentException alreadySet) {
                // The constructor set a cause of its own: nothing of the original's is attached then.
            }
        }
        if (depth < MAX_DEPTH) {
            for (Throwable s : t.getSuppressed()) {
                copy.addSuppressed(copy(s, secrets, depth + 1, seen));
            }
        }
        return copy;
    }

    private static Throwable rebuild(Throwable t, String message) {
        Class<? extends Throwable> type = t.getClass();
        try {
            Constructor<? extends Throwable> c = type.getConstructor(String.class);
            Throwable copy = c.newInstance(message);
            if (copy.getCause() == null && (message == null ? copy.getMessage() == null : message.equals(
                    copy.getMessage()))) {
                return copy;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notRebuildable) {
            // Fall through to a stand-in.
        }
        String named = type.getName() + (message == null ? "" : ": " + message);
        if (t instanceof java.io.IOException) {
            return new java.io.IOException(named);
        }
        if (t instanceof RuntimeException) {
            return new RuntimeException(named);
        }
        if (t instanceof Error) {
            return new Error(named);
        }
        return new Exception(named);
    }
}
