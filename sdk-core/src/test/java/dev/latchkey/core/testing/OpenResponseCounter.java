package dev.latchkey.core.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A network interceptor that counts response bodies not yet closed. Install it on the caller's OkHttp client; after
 * any failure path, {@link #open()} must be 0.
 */
public final class OpenResponseCounter implements Interceptor {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        open.incrementAndGet();
        total.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        ForwardingSource counting = new ForwardingSource(body.source()) {
            @Override
            public void close() throws IOException {
                if (closed.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
                super.close();
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(counting), body.contentType(), body.contentLength()))
                .build();
    }

    /** @return bodies received and not closed */
    public int open() {
        return open.get();
    }

    /** Forgets the bodies still open (after they were reported). */
    public void reset() {
        open.set(0);
    }

    /** @return bodies received in all */
    public int total() {
        return total.get();
    }
}
