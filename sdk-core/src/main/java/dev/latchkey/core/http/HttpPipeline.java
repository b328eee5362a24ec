package dev.latchkey.core.http;

import dev.latchkey.core.Async;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.internal.BaseUrls;
import dev.latchkey.core.internal.RedactingLogInterceptor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The one call pipeline every provider client runs on, and its entry point. A call takes one path, whichever way it
 * is run: {@link PreparedCall} builds the HTTP request once; {@link RetryLoop} runs the attempts (blocking, or with
 * OkHttp's {@code enqueue}) and decides on retries; {@link Exchange} maps an error status through the provider's
 * {@link ErrorMapper} chain, or hands a success to its parser over a {@link ResponseView}, and closes the response;
 * {@link Failures} turns whatever broke into a typed exception.
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
    private final RetryLoop retries;
    private final String userAgent;
    /** Shared by the client and everything derived from it: closing the client ends them all. */
    private final Lifecycle lifecycle;
    /** Whether this is the client itself: only its {@link #close} ends the lifecycle. */
    private final boolean root;
    /** Per-call options of a view ({@link #withRequestOptions}), or {@code null}. */
    private final RequestOptions callOptions;
    /** Sees each successful answer of a view ({@link #withResponse}), or {@code null}. */
    private final Consumer<ResponseInfo> observer;
    /** The generic secret query names and the provider's. */
    private final java.util.Set<String> secretQueryNames;
    /** The last call's secrets, reused while the credentials stay the same. */
    private final SecretsMemo secretsMemo = new SecretsMemo();
    /** The configured base URL and its mirrors: where calls go now (a move is seen by every view). */
    private final Sites sites;
    /** The options' session store, as the client's observers see it. */
    private final dev.latchkey.core.auth.SessionStore sessionStore;
    /** The options' observers, and the call log's when its logger is at DEBUG. */
    private final java.util.List<dev.latchkey.core.observe.CallObserver> observers;

    private HttpPipeline(ClientOptions options, ProviderSpec provider, OkHttpClient baseClient, Lifecycle lifecycle,
            boolean root, RequestOptions callOptions, Consumer<ResponseInfo> observer, Sites sharedSites) {
        this.lifecycle = lifecycle;
        this.root = root;
        this.callOptions = callOptions;
        this.observer = observer;
        this.options = options;
        this.provider = provider;
        this.baseUrl = options.baseUrl().orElseGet(() -> BaseUrls.checked(provider.defaultBaseUrl()));
        java.util.List<HttpUrl> all = new java.util.ArrayList<>(java.util.List.of(baseUrl));
        all.addAll(options.mirrors());
        this.sites = sharedSites != null && sharedSites.sameAs(all) ? sharedSites : new Sites(all, provider.name());
        this.baseClient = baseClient;
        // Derived with newBuilder(): pool and dispatcher are shared with the base client.
        OkHttpClient.Builder cb = baseClient.newBuilder()
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
                .addInterceptor(new RedactingLogInterceptor(provider.allSecretQueryNames()))
                .addNetworkInterceptor(new dev.latchkey.core.internal.ProxyAuthGuard());
        options.proxy().ifPresent(p -> cb.proxy(p).proxyAuthenticator(options.proxyAuthenticator()));
        this.client = cb.build();
        this.retries = new RetryLoop(options, provider.name());
        this.secretQueryNames = provider.allSecretQueryNames();
        this.observers = dev.latchkey.core.internal.LoggingObserver.with(options.observers());
        this.sessionStore = dev.latchkey.core.internal.ObservedSessionStore.of(options.sessionStore(), observers);
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
        OkHttpClient own = options.httpClient().isPresent() ? null : new OkHttpClient();
        return new HttpPipeline(options, provider, own != null ? own : options.httpClient().get(), new Lifecycle(own),
                true, null, null, null);
    }

    /**
     * @param newOptions the options of the derived pipeline
     * @return a pipeline sharing this one's connection pool and dispatcher (unless the new options name another
     *     client) and its lifecycle: closing it releases nothing, closing this one ends both, sync and async
     */
    public HttpPipeline withOptions(ClientOptions newOptions) {
        Objects.requireNonNull(newOptions, "newOptions");
        OkHttpClient base = newOptions.httpClient().orElse(baseClient);
        return new HttpPipeline(newOptions, provider, base, lifecycle, false, callOptions, observer, sites);
    }

    /**
     * A view of this pipeline whose calls carry per-call options: a timeout, retries, extra headers, an idempotency
     * key. It shares everything else (connections, options, session store, rate budget) and closes nothing.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return the view
     */
    public HttpPipeline withRequestOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options");
        RequestOptions merged = callOptions == null ? options : callOptions.overriddenBy(options);
        return new HttpPipeline(this.options, provider, baseClient, lifecycle, false, merged, observer, sites);
    }

    /**
     * Runs a call on a view of this pipeline that notes the HTTP answers it reads, and returns its value with the last
     * of them.
     *
     * @param call makes the call on the view it is given
     * @param <T> the call's value
     * @return the value and the answer it came from
     */
    public <T> WithResponse<T> withResponse(Function<HttpPipeline, T> call) {
        AtomicReference<ResponseInfo> last = new AtomicReference<>();
        T value = call.apply(observedBy(last::set));
        return new WithResponse<>(value, last.get());
    }

    /**
     * The async form of {@link #withResponse}: cancelling the returned future cancels the call.
     *
     * @param call starts the call on the view it is given
     * @param <T> the call's value
     * @return the value and the answer it came from
     */
    public <T> CompletableFuture<WithResponse<T>> withResponseAsync(Function<HttpPipeline, CompletableFuture<T>> call) {
        AtomicReference<ResponseInfo> last = new AtomicReference<>();
        return Async.map(Async.start(() -> call.apply(observedBy(last::set))),
                value -> new WithResponse<>(value, last.get()));
    }

    /**
     * A view whose calls show every HTTP answer they read to {@code sink}, success or error status, in order, on the
     * thread that reads it: how an account keeps the cookies the server sets ({@link ResponseInfo#headers()}). The
     * sink must be quick and must not throw.
     *
     * @param sink sees each answer
     * @return the view; it shares everything else and closes nothing
     */
    public HttpPipeline onAnswers(Consumer<ResponseInfo> sink) {
        return observedBy(Objects.requireNonNull(sink, "sink"));
    }

    private HttpPipeline observedBy(Consumer<ResponseInfo> sink) {
        Consumer<ResponseInfo> chained = observer == null ? sink : observer.andThen(sink);
        return new HttpPipeline(options, provider, baseClient, lifecycle, false, callOptions, chained, sites);
    }

    /** @return the options */
    public ClientOptions options() {
        return options;
    }

    /** @return the provider spec */
    public ProviderSpec provider() {
        return provider;
    }

    /**
     * @return the session store a provider client keeps its sessions in: the options' store, seen by the client's
     *     observers (every load, save, delete, compare-and-set and renewal) when it has any
     */
    public dev.latchkey.core.auth.SessionStore sessionStore() {
        return sessionStore;
    }

    /**
     * @return the base URL calls go to now: the configured one, or the mirror the site moved to
     *     ({@link ClientOptions.Builder#mirrors})
     */
    public HttpUrl currentBaseUrl() {
        return sites.url(sites.current(options.sessionStore()));
    }

    Sites sites() {
        return sites;
    }

    /** @return the base URL in use */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * @param name who the session belongs to: the name the caller logged in with, or an id the provider gave
     * @return the key this provider's sessions on this base URL are stored under: {@code <provider>:<base URL>#<name>}
     * @throws dev.latchkey.core.error.InvalidInputException if the name is blank or holds a control character: a key is printed in messages,
     *     written to files and sent to Redis, where a line feed or an escape would forge or break them
     */
    public String storeKey(String name) {
        if (name == null || name.isBlank()) {
            throw new dev.latchkey.core.error.InvalidInputException("a user name is blank");
        }
        if (!fitsStoreKey(name)) {
            throw new dev.latchkey.core.error.InvalidInputException("a user name holds a control character (line feed, escape, ...): "
                    + dev.latchkey.core.internal.Text.excerpt(name, 80));
        }
        return provider.name() + ':' + baseUrl + '#' + name;
    }

    /** @return whether a name may be part of a store key: no character that acts instead of showing */
    static boolean fitsStoreKey(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (dev.latchkey.core.internal.Text.isControl(name.charAt(i))) {
                return false;
            }
        }
        return true;
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
        PreparedCall p = prepare(request);
        ResponseParser<T> parse = observed(parser, p);
        try {
            return retries.run(p, exchange -> exchange.parse(parse));
        } catch (ApiException e) {
            observeError(e);
            throw e;
        }
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
        PreparedCall p;
        try {
            p = prepare(request);
        } catch (IllegalStateException closed) {
            return CompletableFuture.failedFuture(closed); // an async call fails its future, as the sync one throws
        }
        CompletableFuture<T> call = retries.runAsync(p, observed(parser, p));
        if (observer == null) {
            return call;
        }
        // Noted before anything downstream sees the failure (a dependent of the call's own future could run after
        // them); cancelling the returned future still cancels the call.
        return Async.recover(call, error -> {
            observeError(error);
            return CompletableFuture.failedFuture(error);
        });
    }

    /**
     * Runs the call and keeps the whole answer: status, headers, request id, body parsed on demand.
     *
     * @param request the call
     * @return the answer
     */
    public RawResponse executeRaw(ApiRequest request) {
        PreparedCall p = prepare(request);
        return retries.run(p, exchange -> {
            Response r = exchange.response;
            observe(r.code(), r.headers(), p);
            byte[] bytes = new LimitedInputStream(r.body().byteStream(), options.maxResponseBytes())
                    .readAllBytes();
            return new RawResponse(r.code(), r.headers(), p.origin.requestId(r.headers()), bytes,
                    raw -> BodyView.of(raw, r.request().url(), p.origin));
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
        PreparedCall p = prepare(request);
        Exchange exchange = retries.run(p, ex -> {
            observe(ex.response.code(), ex.response.headers(), p);
            ex.keepOpen = true;
            ex.streaming = true;
            return ex;
        });
        return JsonArrayIterator.stream(exchange, elementType);
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

    /**
     * Ends this client and everything derived from it, and releases the connection pool and dispatcher threads if
     * Latchkey created them; idempotent. On a derived pipeline or a view it only forgets the memoized secrets.
     */
    @Override
    public void close() {
        secretsMemo.clear();
        if (root) {
            lifecycle.close();
        }
    }

    SecretsMemo secretsMemo() {
        return secretsMemo;
    }

    /** @return the OkHttp client this pipeline created, for lifecycle tests; {@code null} if it uses the caller's */
    OkHttpClient ownedClientForTest() {
        return lifecycle.owned();
    }

    OkHttpClient client() {
        return client;
    }

    String userAgent() {
        return userAgent;
    }

    RetryLoop retries() {
        return retries;
    }

    java.util.List<dev.latchkey.core.observe.CallObserver> observers() {
        return observers;
    }

    private PreparedCall prepare(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        lifecycle.checkOpen();
        ApiRequest r = callOptions == null ? request : request.withOptions(request.options().overriddenBy(callOptions));
        // The provider's secret query names (TMDb's api_key, session_id) mark the values the caller did not.
        return new PreparedCall(r.withSecretQueryNames(secretQueryNames), this,
                sites.current(options.sessionStore()));
    }

    private <T> ResponseParser<T> observed(ResponseParser<T> parser, PreparedCall p) {
        if (observer == null) {
            return parser;
        }
        return view -> {
            observe(view.status(), view.headers(), p);
            return parser.parse(view);
        };
    }

    /** An error answer a call may turn into a value (a 404 into an empty {@code Optional}) is an answer too. */
    private void observeError(Throwable error) {
        if (observer != null && error != null && Async.unwrap(error) instanceof ApiException e) {
            ApiError a = e.error();
            okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
            a.headers().forEach((name, values) -> values.forEach(v -> {
                try {
                    headers.addUnsafeNonAscii(name, v);
                } catch (IllegalArgumentException unrepresentable) {
                    // A hostile server's header OkHttp read leniently but will not rebuild (an empty name): left out.
                }
            }));
            observer.accept(new ResponseInfo(a.status(), headers.build(), a.requestId()));
        }
    }

    private void observe(int status, okhttp3.Headers headers, PreparedCall p) {
        if (observer != null) {
            observer.accept(new ResponseInfo(status, headers, p.origin.requestId(headers)));
        }
    }
}
