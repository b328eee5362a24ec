package dev.latchkey.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.internal.BaseUrls;
import dev.latchkey.core.internal.LazySecrets;
import dev.latchkey.core.internal.RedactingLogInterceptor;
import dev.latchkey.core.internal.RetryAfter;
import dev.latchkey.core.internal.ScrubbedThrowables;
import dev.latchkey.core.internal.Secrets;
import dev.latchkey.core.internal.Text;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The one call pipeline every provider client runs on. For each {@link ApiRequest} it builds the HTTP request,
 * sends it (blocking, or with OkHttp's {@code enqueue}), maps an error status through the provider's
 * {@link ErrorMapper}, parses a success, and retries what the {@link RetryPolicy} allows, with resilience4j deciding
 * and the injected {@link dev.latchkey.core.Sleeper} waiting. Every response is closed on every path.
 *
 * <p>Thread-safe and immutable. {@link #close()} releases only what it created.
 */
public final class HttpPipeline implements AutoCloseable {
    static final String VERSION = "0.1.0";

    private final ClientOptions options;
    private final ProviderSpec provider;
    private final HttpUrl baseUrl;
    private final OkHttpClient baseClient;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final Retry defaultRetry;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpPipeline(ClientOptions options, ProviderSpec provider, OkHttpClient baseClient, boolean ownsClient) {
        this.options = options;
        this.provider = provider;
        this.baseUrl = options.baseUrl().orElseGet(() -> BaseUrls.checked(provider.defaultBaseUrl()));
        this.baseClient = baseClient;
        this.ownsClient = ownsClient;
        // Derived with newBuilder(): pool and dispatcher are shared with the base client.
        this.client = baseClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(options.callTimeout())
                // This pipeline is the only retry layer, so a login is never silently sent twice.
                .retryOnConnectionFailure(false)
                // An API answer that redirects is reported, not followed with credentials attached.
                .followRedirects(false)
                .followSslRedirects(false)
                // Sessions travel in explicit headers; a shared jar would leak one account's cookies to another.
                .cookieJar(CookieJar.NO_COOKIES)
                .addInterceptor(new RedactingLogInterceptor())
                .build();
        this.defaultRetry = retryFor(options.retryPolicy(), options.retryPolicy().maxRetries());
        this.userAgent = options.userAgent().map(u -> u + ' ').orElse("") + "latchkey-java/" + VERSION + " ("
                + provider.name() + ')';
    }

    /**
     * @param options the client's options
     * @param provider what the provider module says about its API
     * @return a pipeline; it owns its OkHttp client unless the options carried the caller's
     */
    public static HttpPipeline create(ClientOptions options, ProviderSpec provider) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(provider, "provider");
        return options.httpClient()
                .map(c -> new HttpPipeline(options, provider, c, false))
                .orElseGet(() -> new HttpPipeline(options, provider, new OkHttpClient(), true));
    }

    /**
     * @param newOptions the options of the derived pipeline
     * @return a pipeline sharing this one's connection pool and dispatcher (unless the new options name another
     *     client); closing it releases nothing, closing this one ends both
     */
    public HttpPipeline withOptions(ClientOptions newOptions) {
        Objects.requireNonNull(newOptions, "newOptions");
        OkHttpClient base = newOptions.httpClient().orElse(baseClient);
        return new HttpPipeline(newOptions, provider, base, false);
    }

    /** @return the options */
    public ClientOptions options() {
        return options;
    }

    /** @return the provider spec */
    public ProviderSpec provider() {
        return provider;
    }

    /** @return the base URL in use */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * Runs the call, blocking.
     *
     * @param request the call
     * @param parser reads a successful answer
     * @param <T> the result
     * @return the parsed result
     * @throws LatchkeyException typed, for every failure
     */
    public <T> T execute(ApiRequest request, ResponseParser<T> parser) {
        Objects.requireNonNull(parser, "parser");
        return withRetries(request, exchange -> exchange.parse(parser));
    }

    /**
     * Runs the call without blocking. Cancelling the returned future cancels the HTTP call and any retry waiting.
     *
     * @param request the call
     * @param parser reads a successful answer (on an OkHttp dispatcher thread)
     * @param <T> the result
     * @return the result, or a future failed with a typed {@link LatchkeyException}
     */
    public <T> CompletableFuture<T> executeAsync(ApiRequest request, ResponseParser<T> parser) {
        Objects.requireNonNull(parser, "parser");
        AsyncCall<T> call = new AsyncCall<>(prepare(request), parser);
        call.attempt();
        return call.future;
    }

    /**
     * Runs the call and keeps the whole answer: status, headers, request id, body parsed on demand.
     *
     * @param request the call
     * @return the answer
     */
    public RawResponse executeRaw(ApiRequest request) {
        Prepared p = prepare(request);
        return withRetries(p, exchange -> {
            Response r = exchange.response;
            byte[] bytes = new ResponseViews.LimitedInputStream(r.body().byteStream(), options.maxResponseBytes())
                    .readAllBytes();
            return new RawResponse(r.code(), r.headers(), requestId(r, p.origin.secrets()), bytes,
                    raw -> ResponseViews.View.of(raw, r.request().url(), exchange.origin));
        });
    }

    /**
     * Runs a GET whose answer is a JSON array and reads it lazily: elements are parsed as the stream is consumed,
     * so a list of 100,000 items is never held in memory. Close the stream (try-with-resources) to release the
     * connection early; reading it to the end releases it too.
     *
     * @param request the call
     * @param elementType the element type
     * @param <E> the element
     * @return the elements
     */
    public <E> Stream<E> stream(ApiRequest request, Class<E> elementType) {
        Objects.requireNonNull(elementType, "elementType");
        Prepared p = prepare(request);
        Exchange exchange = withRetries(p, ex -> {
            ex.keepOpen = true;
            ex.streaming = true;
            return ex;
        });
        ResponseViews.View view = exchange.view();
        ResponseViews.JsonArrayIterator<E> it;
        try {
            it = new ResponseViews.JsonArrayIterator<>(view, elementType);
        } catch (IOException e) {
            closeQuietly(exchange.response);
            throw readFailure(view, e);
        } catch (RuntimeException e) {
            closeQuietly(exchange.response);
            throw unexpected(view, e);
        }
        Iterator<E> closing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    boolean more = it.hasNext();
                    if (!more) {
                        closeQuietly(exchange.response);
                    }
                    return more;
                } catch (RuntimeException e) {
                    closeQuietly(exchange.response);
                    throw unexpected(view, e);
                }
            }

            @Override
            public E next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    closeQuietly(exchange.response);
                    throw unexpected(view, e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(closing, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> closeQuietly(exchange.response));
    }

    /**
     * The escape hatch for endpoints a provider module does not model yet: any method and path below the base URL,
     * with the pipeline's retries, errors, redaction and parsing.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, starting with {@code /}
     * @param query query parameters (values of {@link ApiRequest#SECRET_QUERY_NAMES} are redacted), or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the type of the JSON answer, or {@code Void.class} to ignore it
     * @param <T> the result
     * @return the parsed answer
     */
    public <T> T request(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        return ApiCall.of(ApiRequest.builder(method, path), query, body, type).execute(this);
    }

    /** Releases the connection pool and dispatcher threads if this pipeline created them; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            baseClient.dispatcher().executorService().shutdown();
            baseClient.connectionPool().evictAll();
            if (baseClient.cache() != null) {
                try {
                    baseClient.cache().close();
                } catch (IOException ignored) {
                    // Nothing to do about a cache that cannot close.
                }
            }
        }
    }

    /** @return the OkHttp client this pipeline created, for lifecycle tests; {@code null} if it uses the caller's */
    OkHttpClient ownedClientForTest() {
        return ownsClient ? baseClient : null;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A request turned into what OkHttp sends, with what messages and retries need. */
    private final class Prepared {
        final ApiRequest api;
        final Request request;
        final ResponseViews.Origin origin;
        final Retry retry;
        final long deadlineMillis;
        final long attemptTimeoutMillis;

        Prepared(ApiRequest api) {
            this.api = api;
            this.origin = new ResponseViews.Origin(api);
            Request.Builder rb = new Request.Builder().url(api.url(baseUrl)).header("User-Agent", userAgent);
            provider.defaultHeaders().forEach(rb::header);
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
            rb.tag(LazySecrets.class, new LazySecrets(api::secrets));
            if (api.sensitive()) {
                rb.tag(RedactingLogInterceptor.Sensitive.class, RedactingLogInterceptor.Sensitive.YES);
            }
            this.request = rb.build();
            RetryPolicy policy = options.retryPolicy();
            int retries = api.options().maxRetries().orElse(policy.maxRetries());
            this.retry = !api.replayable() || retries == 0 ? null
                    : retries == policy.maxRetries() ? defaultRetry : retryFor(policy, retries);
            this.deadlineMillis = options.clock().millis() + options.totalTimeout().toMillis();
            this.attemptTimeoutMillis = api.options().timeout().orElse(options.callTimeout()).toMillis();
        }

        Call newCall() {
            Call call = client.newCall(request);
            // One attempt never outlives the whole call's deadline.
            long remaining = deadlineMillis - options.clock().millis();
            call.timeout().timeout(Math.max(1, Math.min(attemptTimeoutMillis, remaining)), TimeUnit.MILLISECONDS);
            return call;
        }

        /** @return whether waiting this long would pass the deadline */
        boolean pastDeadline(long delayMillis) {
            return options.clock().millis() + delayMillis >= deadlineMillis;
        }
    }

    /** One received answer with a success status, open until {@link #parse} or the caller closes it. */
    private final class Exchange {
        final Response response;
        final ResponseViews.Origin origin;
        boolean keepOpen;
        boolean streaming;

        Exchange(Response response, ResponseViews.Origin origin) {
            this.response = response;
            this.origin = origin;
        }

        ResponseViews.View view() {
            ResponseBody body = response.body();
            BufferedSource source = body.source();
            return new ResponseViews.View(response.code(), response.headers(), response.request().url(), source,
                    origin, streaming ? Long.MAX_VALUE : options.maxResponseBytes());
        }

        <T> T parse(ResponseParser<T> parser) {
            return parseDetached(view(), parser);
        }
    }

    @FunctionalInterface
    private interface ExchangeHandler<T> {
        T handle(Exchange exchange) throws IOException;
    }

    private Prepared prepare(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get() && ownsClient) {
            throw new IllegalStateException("this client is closed");
        }
        return new Prepared(request);
    }

    private <T> T withRetries(ApiRequest request, ExchangeHandler<T> handler) {
        return withRetries(prepare(request), handler);
    }

    private <T> T withRetries(Prepared p, ExchangeHandler<T> handler) {
        if (p.retry == null) {
            return attempt(p, handler);
        }
        Retry.AsyncContext<Object> context = p.retry.asyncContext();
        while (true) {
            try {
                T result = attempt(p, handler);
                context.onComplete();
                return result;
            } catch (LatchkeyException e) {
                long delay = context.onError(e);
                if (delay < 0 || p.pastDeadline(delay)) {
                    throw e;
                }
                try {
                    options.sleeper().sleep(Duration.ofMillis(delay));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    /** One attempt: send, map an error status, hand a success to the handler; the response is always closed. */
    private <T> T attempt(Prepared p, ExchangeHandler<T> handler) {
        Call call = p.newCall();
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw transportFailure(p.origin, e, call.isCanceled());
        } catch (RuntimeException e) {
            // OkHttp refusing what the server sent (a malformed header it cannot hold): still the server's fault.
            throw transportFailure(p.origin, new java.net.ProtocolException(e.getClass().getSimpleName() + ": "
                    + e.getMessage()), false);
        }
        return handle(p, call, response, handler);
    }

    private <T> T handle(Prepared p, Call call, Response response, ExchangeHandler<T> handler) {
        Exchange exchange = new Exchange(response, p.origin);
        // An answer given up on mid-body (malformed, too large, endless) is not drained for reuse: OkHttp would spend
        // up to 100 ms reading what a hostile server keeps sending. Cancelling closes its connection at once.
        boolean abandon = false;
        try {
            if (!response.isSuccessful()) {
                throw mapError(p, response);
            }
            // OkHttp reads the header as a number, -1 when absent or not one: anything below is a negative length,
            // whose body cannot even be closed. Checked without a new allocation on the success path.
            if (response.body().contentLength() < -1) {
                abandon = true;
                throw exchange.view().invalid("the answer's Content-Length is not a length", null, null, null);
            }
            return handler.handle(exchange);
        } catch (IOException e) {
            abandon = true;
            throw call.isCanceled() ? transportFailure(p.origin, e, true) : readFailure(exchange.view(), e);
        } catch (InvalidInputException e) {
            abandon = true;
            // A provider parser refused a value the server sent (an empty id): the answer is at fault, not the caller.
            throw exchange.view().invalid("the answer holds an unusable value: " + e.getMessage(), null, null, null);
        } catch (InvalidResponseException e) {
            abandon = true;
            throw e;
        } catch (LatchkeyException e) {
            throw e;
        } catch (RuntimeException e) {
            abandon = true;
            // A provider parser tripped on data it did not expect: report the answer, not a bare NPE.
            throw exchange.view().invalid("could not read the answer (" + e.getClass().getSimpleName() + ')', null, null, e);
        } finally {
            if (!exchange.keepOpen) {
                if (abandon) {
                    call.cancel();
                }
                closeQuietly(response);
            }
        }
    }

    private LatchkeyException mapError(Prepared p, Response response) {
        String body;
        try {
            BufferedSource source = response.body().source();
            source.request(ErrorResponse.MAX_BODY_CHARS);
            long n = Math.min(source.getBuffer().size(), ErrorResponse.MAX_BODY_CHARS);
            body = source.readString(n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = ""; // the status alone still says what happened
        }
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), options.clock());
        Secrets secrets = p.origin.secrets();
        ErrorResponse er = ErrorResponse.of(response.code(), p.origin.method(), p.origin.path(), response.headers(),
                body, requestId(response, secrets), retryAfter, secrets::scrub);
        LatchkeyException mapped = null;
        if (p.api.errorMapper() != null) {
            mapped = p.api.errorMapper().map(er);
        }
        if (mapped == null) {
            mapped = provider.errorMapper().map(er);
        }
        return mapped != null ? mapped : ErrorMapper.DEFAULT.map(er);
    }

    private String requestId(Response response, Secrets secrets) {
        for (String h : provider.requestIdHeaders()) {
            String v = response.header(h);
            if (v != null && !v.isBlank()) {
                return secrets.excerpt(v, 100);
            }
        }
        return null;
    }

    /** Closes without letting a broken answer (a negative {@code Content-Length}) replace the typed exception. */
    static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException ignored) {
            // The answer is unusable either way; what the caller needs is the failure already being reported.
        }
    }

    private Retry retryFor(RetryPolicy policy, int maxRetries) {
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(t -> isRetryable(t, policy))
                .intervalBiFunction((attempt, either) -> {
                    Throwable t = either.isLeft() ? either.getLeft() : null;
                    if (t instanceof ApiException ae && ae.error().retryAfter() != null) {
                        return ae.error().retryAfter().toMillis();
                    }
                    return policy.backoffMillis(attempt);
                })
                .build();
        return Retry.of("latchkey-" + provider.name(), config);
    }

    /** Retried: transport failures (not cancellations), 408, 429, 502, 503, 504, and never past maxRetryAfter. */
    static boolean isRetryable(Throwable t, RetryPolicy policy) {
        if (t instanceof TransportException te) {
            return te.kind() != TransportException.Kind.CANCELED;
        }
        if (t instanceof ApiException ae) {
            int s = ae.status();
            if (s != 408 && s != 429 && s != 502 && s != 503 && s != 504) {
                return false;
            }
            Duration wait = ae.error().retryAfter();
            return wait == null || wait.compareTo(policy.maxRetryAfter()) <= 0;
        }
        return false;
    }

    static TransportException transportFailure(ResponseViews.Origin origin, IOException e, boolean canceled) {
        TransportException.Kind kind;
        // OkHttp cancels a call whose call timeout fired, so a timeout is checked before the cancel flag.
        if (e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            kind = TransportException.Kind.TIMEOUT;
        } else if (canceled) {
            kind = TransportException.Kind.CANCELED;
        } else if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException) {
            kind = TransportException.Kind.CONNECT;
        } else if (e instanceof SocketException || e instanceof EOFException || e.getCause() instanceof EOFException
                || e instanceof java.net.ProtocolException
                || e.getClass().getName().equals("okhttp3.internal.http2.StreamResetException")) {
            kind = TransportException.Kind.RESET;
        } else {
            kind = TransportException.Kind.OTHER;
        }
        Secrets secrets = origin.secrets();
        // OkHttp's exception may quote the status line, a header or a chunk-size line a hostile server filled with a
        // secret: the cause kept is a scrubbed copy, and the detail is scrubbed before it is cut.
        return new TransportException(kind, origin.method(), origin.path(),
                (IOException) ScrubbedThrowables.copy(e, secrets),
                secrets.excerpt(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        300));
    }

    /** Turns a failure while reading a successful body into a typed exception. */
    static LatchkeyException readFailure(ResponseViews.View view, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            ResponseViews.TooLargeException tooLarge = tooLarge(jpe);
            return tooLarge != null ? tooLargeAnswer(view, tooLarge) : invalidJson(view, jpe);
        }
        if (e instanceof ResponseViews.TooLargeException tooLarge) {
            return tooLargeAnswer(view, tooLarge);
        }
        return transportFailure(view.origin, e, false);
    }

    private static ResponseViews.TooLargeException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseViews.TooLargeException tl) {
                return tl;
            }
        }
        return null;
    }

    private static InvalidResponseException tooLargeAnswer(ResponseViews.View view, ResponseViews.TooLargeException e) {
        return view.invalid("the answer is larger than " + e.limit + " bytes (ClientOptions.maxResponseBytes); "
                + "use a streaming call for huge listings", null, null, null);
    }

    /**
     * Jackson's own exception is not kept as the cause: its message quotes the offending value, which may be a secret,
     * and a logged stack trace would print it unscrubbed. The message below carries the scrubbed text and the path.
     */
    private static InvalidResponseException invalidJson(ResponseViews.View view, JsonProcessingException e) {
        String original = firstLine(view.origin.secrets().scrub(e.getOriginalMessage()));
        String path = e instanceof JsonMappingException jm ? jsonPath(jm) : null;
        String where = path == null || path.isEmpty() ? "" : " at " + path;
        if (e instanceof JsonEOFException || original.contains("end-of-input") || endsAtBodyEnd(view, e)) {
            return view.invalid("truncated JSON: the body ended in the middle of a value" + where, path, null, null);
        }
        if (e instanceof MismatchedInputException && original.startsWith("Missing required creator property")) {
            int a = original.indexOf('\'');
            int b = a < 0 ? -1 : original.indexOf('\'', a + 1);
            String field = b > a ? original.substring(a + 1, b) : "?";
            String full = path == null || path.isEmpty() ? field
                    : path.equals(field) || path.endsWith('.' + field) ? path : path + '.' + field;
            return view.invalid("missing required field '" + full + "'", full, null, null);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return view.invalid("invalid value" + where + ": " + firstLine(view.origin.secrets().scrub(
                    String.valueOf(cause.getMessage()))), path, null, null);
        }
        if (e instanceof JsonMappingException) {
            return view.invalid("unexpected JSON" + where + ": " + Text.excerpt(original, 200), path, null, null);
        }
        return view.invalid("malformed JSON: " + Text.excerpt(original, 200), path, null, null);
    }

    private static final java.util.regex.Pattern UNRECOGNIZED_TOKEN =
            java.util.regex.Pattern.compile("^Unrecognized token '([^']*)'");

    /** A parse error at the very end of a body of known length is a cut body, even mid-token ({@code fa|lse}). */
    private static boolean endsAtBodyEnd(ResponseViews.View view, JsonProcessingException e) {
        long length = view.declaredLength();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Only a read (syntax) error counts; a mapping error at the end is a wrong value, not a cut body.
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException sre) {
                long offset = sre.getLocation() == null ? -1 : sre.getLocation().getByteOffset();
                // Jackson may point at the start of the unfinished token; allow for its length.
                java.util.regex.Matcher m = UNRECOGNIZED_TOKEN.matcher(String.valueOf(sre.getOriginalMessage()));
                int token = m.find() ? m.group(1).length() : 0;
                return length > 0 && offset >= 0 && offset + token >= length - 1;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** @return a failure while reading as a typed exception: Latchkey's own as they are, anything else as invalid */
    private static LatchkeyException unexpected(ResponseViews.View view, RuntimeException e) {
        if (e instanceof InvalidInputException) {
            return view.invalid("the answer holds an unusable value: " + e.getMessage(), null, null, null);
        }
        if (e instanceof LatchkeyException le) {
            return le;
        }
        return view.invalid("could not read the answer (" + e.getClass().getSimpleName() + ')', null, null, e);
    }

    static <T> T parseDetached(ResponseViews.View view, ResponseParser<T> parser) {
        try {
            return parser.parse(view);
        } catch (IOException e) {
            throw readFailure(view, e);
        } catch (InvalidInputException e) {
            throw view.invalid("the answer holds an unusable value: " + e.getMessage(), null, null, null);
        } catch (LatchkeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw view.invalid("could not read the answer (" + e.getClass().getSimpleName() + ')', null, null, e);
        }
    }

    static <T> T parseDetached(ResponseView view, ResponseParser<T> parser) {
        return parseDetached((ResponseViews.View) view, parser);
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** The async twin of {@link #withRetries}: the same decisions, with waits scheduled instead of slept. */
    private final class AsyncCall<T> implements Callback {
        final Prepared p;
        final ResponseParser<T> parser;
        final Retry.AsyncContext<Object> context;
        volatile Call current;
        final CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                Call c = current;
                if (c != null) {
                    c.cancel();
                }
                return cancelled;
            }
        };

        AsyncCall(Prepared p, ResponseParser<T> parser) {
            this.p = p;
            this.parser = parser;
            this.context = p.retry == null ? null : p.retry.asyncContext();
        }

        void attempt() {
            if (future.isDone()) {
                return;
            }
            Call call = p.newCall();
            current = call;
            if (future.isCancelled()) {
                call.cancel();
                return;
            }
            call.enqueue(this);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            try {
                failed(transportFailure(p.origin, e, call.isCanceled() || future.isCancelled()));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }

        @Override
        public void onResponse(Call call, Response response) {
            T value;
            try {
                value = handle(p, call, response, exchange -> exchange.parse(parser));
            } catch (LatchkeyException e) {
                failed(e);
                return;
            } catch (Throwable t) {
                // Whatever happens on OkHttp's thread (even an OutOfMemoryError) must end the future, not the thread
                // and the caller's wait with it.
                closeQuietly(response);
                future.completeExceptionally(t);
                return;
            }
            if (context != null) {
                context.onComplete();
            }
            future.complete(value);
        }

        private void failed(LatchkeyException e) {
            if (future.isDone()) {
                return;
            }
            long delay = context == null ? -1 : context.onError(e);
            if (delay < 0 || p.pastDeadline(delay)) {
                future.completeExceptionally(e);
                return;
            }
            try {
                options.sleeper().schedule(Duration.ofMillis(delay), this::attempt);
            } catch (RuntimeException scheduling) {
                e.addSuppressed(scheduling);
                future.completeExceptionally(e);
            }
        }
    }
}
