package dev.latchkey.core.http;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * The one lifecycle of a client and of everything derived from it ({@code withOptions}, {@code withRequestOptions},
 * {@code withResponse} views): closing the client ends them all, sync and async alike, and releases the OkHttp client
 * if Latchkey created it. Closing a derived client or a view releases nothing and ends nothing (openai-java's
 * {@code withOptions} and its single {@code close()}).
 */
final class Lifecycle {
    /** The OkHttp client Latchkey created for this client, released on close; {@code null} for the caller's own. */
    private final OkHttpClient owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    Lifecycle(OkHttpClient owned) {
        this.owned = owned;
    }

    /** @throws IllegalStateException if the client was closed */
    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this client is closed (a client derived from it, or a view of it, ends "
                    + "with it): build a new one");
        }
    }

    /** Ends every call path; releases the pool and the dispatcher threads if Latchkey created them. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true) || owned == null) {
            return;
        }
        owned.dispatcher().executorService().shutdown();
        owned.connectionPool().evictAll();
        if (owned.cache() != null) {
            try {
                owned.cache().close();
            } catch (IOException ignored) {
                // Nothing to do about a cache that cannot close.
            }
        }
    }

    /** @return the OkHttp client Latchkey created, or {@code null} */
    OkHttpClient owned() {
        return owned;
    }
}
