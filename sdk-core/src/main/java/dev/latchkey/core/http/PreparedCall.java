package dev.latchkey.core.http;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.internal.CallSecrets;
import dev.latchkey.core.internal.RedactingLogInterceptor;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An {@link ApiRequest} turned into what OkHttp sends, once per call (every attempt sends the same request), with what
 * messages and retries need: where the answer came from, the retry budget and the call's deadline.
 */
final class PreparedCall {
    final ApiRequest api;
    final Request request;
    final Origin origin;
    /** {@code null}: this call is attempted once. */
    final Retry retry;
    final ClientOptions options;
    final ProviderSpec provider;
    /** The client's observers (the call log's among them when it is on). */
    final java.util.List<dev.latchkey.core.observe.CallObserver> observers;
    private final OkHttpClient client;
    /** {@link Long#MAX_VALUE}: no deadline. */
    private final long deadlineMillis;
    /** 0: no per-attempt limit (OkHttp's meaning), only the whole call's deadline. */
    private final long attemptTimeoutMillis;
    /** What observers are told, or {@code null} when none watch (set by the loop that runs the call). */
    CallTrace trace;
    private final HttpPipeline pipeline;
    /** Which of the client's sites this request goes to. */
    final int site;

    PreparedCall(ApiRequest api, HttpPipeline pipeline) {
        this(api, pipeline, 0);
    }

    /** @param site which of the client's sites the request goes to (0: the configured base URL) */
    PreparedCall(ApiRequest api, HttpPipeline pipeline, int site) {
        this.api = api;
        this.pipeline = pipeline;
        this.site = site;
        this.options = pipeline.options();
        this.provider = pipeline.provider();
        this.observers = pipeline.observers();
        this.client = pipeline.client();
        this.origin = new Origin(api, pipeline.provider().requestIdHeaders(),
                callerHeaderValues(options, api), pipeline.secretsMemo(), pipeline.provider());
        Request.Builder rb = new Request.Builder().url(api.url(pipeline.sites().url(site))).header("User-Agent",
                pipeline.userAgent());
        pipeline.provider().defaultHeaders().forEach(rb::header);
        options.headers().forEach(rb::header);
        for (ApiRequest.Param h : api.headers()) {
            rb.header(h.name(), h.value());
        }
        api.options().headers().forEach(rb::header);
        api.options().idempotencyKey().ifPresent(k -> rb.header("Idempotency-Key", k));
        byte[] body = api.body();
        RequestBody rbody = body != null ? RequestBody.create(body, api.bodyType())
                : requiresBody(api.method()) ? RequestBody.create(new byte[0], null) : null;
        rb.method(api.method(), rbody);
        // The log interceptor computes the secrets only if it logs: nothing is spent on them otherwise.
        rb.tag(CallSecrets.class, origin.callSecrets());
        if (api.sensitive()) {
            rb.tag(RedactingLogInterceptor.Sensitive.class, RedactingLogInterceptor.Sensitive.YES);
        }
        this.request = rb.build();
        this.retry = api.replayable() ? pipeline.retries().forCall(api.options().maxRetries()) : null;
        long total = options.totalTimeout().toMillis();
        this.deadlineMillis = total == 0 ? Long.MAX_VALUE : options.clock().millis() + total;
        this.attemptTimeoutMillis = api.options().timeout().orElse(options.callTimeout()).toMillis();
    }

    /**
     * @param failure what the attempt on this site ended in
     * @param movesSoFar how many times this call moved already
     * @return the same call for the site to try now, its trace kept, or {@code null} to not move
     */
    PreparedCall movedAfter(dev.latchkey.core.error.LatchkeyException failure, int movesSoFar) {
        if (!api.replayable() && failure instanceof dev.latchkey.core.error.ApiException a
                && a.error().status() >= 500) {
            return null; // a site that failed after reading a one-time request may have acted on it: not sent twice
        }
        int to = pipeline.sites().moveAfter(site, failure, options.sessionStore(), movesSoFar);
        if (to < 0) {
            return null;
        }
        PreparedCall next = new PreparedCall(api, pipeline, to);
        next.trace = trace;
        return next;
    }

    /** @return a new OkHttp call for one attempt, which never outlives the whole call's deadline */
    Call newCall() {
        Call call = client.newCall(trace == null ? request : trace.tagged(request));
        call.timeout().timeout(attemptLimitMillis(attemptTimeoutMillis, deadlineMillis, options.clock().millis()),
                TimeUnit.MILLISECONDS);
        return call;
    }

    /**
     * @return the time one attempt may take: the shorter of its own timeout and what is left of the deadline (at
     *     least 1 ms, which fails at once), or 0 (OkHttp's "none") when neither is set
     */
    static long attemptLimitMillis(long attemptTimeoutMillis, long deadlineMillis, long nowMillis) {
        if (deadlineMillis == Long.MAX_VALUE) {
            return attemptTimeoutMillis;
        }
        long remaining = Math.max(1, deadlineMillis - nowMillis);
        return attemptTimeoutMillis == 0 ? remaining : Math.min(attemptTimeoutMillis, remaining);
    }

    /** @return what is left of the call's deadline (a practically endless duration when it has none) */
    java.time.Duration timeLeft() {
        return deadlineMillis == Long.MAX_VALUE ? java.time.Duration.ofMillis(Long.MAX_VALUE)
                : java.time.Duration.ofMillis(Math.max(0, deadlineMillis - options.clock().millis()));
    }

    /** @return whether waiting this long would pass the deadline */
    boolean pastDeadline(long delayMillis) {
        return deadlineMillis != Long.MAX_VALUE && options.clock().millis() + delayMillis >= deadlineMillis;
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static java.util.List<String> callerHeaderValues(ClientOptions options, ApiRequest api) {
        if (options.headers().isEmpty() && api.options().headers().isEmpty() && options.proxySecrets().isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> values = new java.util.ArrayList<>(options.headers().values());
        values.addAll(options.proxySecrets()); // the proxy's credentials are the caller's secrets too
        values.addAll(api.options().headers().values());
        return values;
    }
}
