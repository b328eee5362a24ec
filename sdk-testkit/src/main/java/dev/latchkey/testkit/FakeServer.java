package dev.latchkey.testkit;

import dev.latchkey.testkit.internal.LoopbackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The base of every fake provider server: an HTTP/1.1 server on loopback with a stateful handler, fault injection
 * ({@link #faults()}), a bounded log of the requests received ({@link #calls()}), and a JUnit 5 extension.
 *
 * <pre>{@code
 * @RegisterExtension static FakeKemono kemono = FakeKemono.create();       // one server for the class
 * @RegisterExtension FakeKemono kemono = FakeKemono.create();              // one server per test
 * }</pre>
 *
 * Registered on a static field it starts before the first test and stops after the last, and goes back to its seeded
 * state before each test (as WireMock's extension resets), so no test sees another's sessions, accounts or faults;
 * {@link #keepStateBetweenTests()} keeps the state instead. On an instance field it starts and stops around each test.
 * Or let JUnit inject fakes into test parameters with {@link WithFakeServers @WithFakeServers}. Outside JUnit,
 * {@link #start()} and {@link #close()}; a closed fake starts again, with fresh state (a class run twice in one JVM,
 * as IDEs and mutation testers do, gets a working fake).
 *
 * @param <S> the concrete fake, for fluent setters
 */
public abstract class FakeServer<S extends FakeServer<S>>
        implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final int MAX_CALLS_KEPT = 10_000;

    private final LoopbackHttpServer server = new LoopbackHttpServer(getClass().getSimpleName(), this::dispatch);
    private final Faults faults = new Faults(this::challengePage);
    private final Deque<RecordedCall> calls = new ArrayDeque<>();
    private volatile boolean started;
    private volatile int rateLimitPerSecond;
    private long windowSecond = Long.MIN_VALUE;
    private int windowCount;
    private boolean startedForClass;
    private boolean keepStateBetweenTests;
    private boolean closedOnce;

    /** Creates the server, not yet listening. */
    protected FakeServer() {
    }

    /** @return this fake */
    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    /**
     * Starts on 127.0.0.1 on a free port.
     *
     * @return this fake
     */
    public final S start() {
        return start(0);
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for a free one
     * @return this fake, started
     */
    public final synchronized S start(int port) {
        if (!started) {
            if (closedOnce) {
                reset(); // a restart is a new fake: no sessions, faults or calls of the last run
            }
            try {
                server.start(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name() + " on 127.0.0.1:" + port + ": " + e.getMessage(),
                        e);
            }
            started = true;
        }
        return self();
    }

    /** @return whether it is listening */
    public final boolean isStarted() {
        return started;
    }

    /** @return the provider's name, for messages */
    public abstract String name();

    /** @return the API base URL to configure a client with, for example {@code http://127.0.0.1:PORT/api} */
    public abstract String baseUrl();

    /** @return the server's root, {@code http://127.0.0.1:PORT/} */
    public final HttpUrl rootUrl() {
        if (!started) {
            throw new IllegalStateException(name() + " is not started");
        }
        // The literal address, not "localhost": nothing to resolve, no IPv6 surprise.
        return new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(server.port()).build();
    }

    /** @return the origin, {@code http://127.0.0.1:PORT} (no trailing slash), for a fake whose API is at the root */
    protected final String origin() {
        String root = rootUrl().toString();
        return root.substring(0, root.length() - 1);
    }

    /** @return the port it listens on */
    public final int port() {
        return rootUrl().port();
    }

    /** @return the faults to inject into the next answers */
    public final Faults faults() {
        return faults;
    }

    /** @return the requests received, oldest first (at most the last 10,000), secrets included */
    public final List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** @return the last request received */
    public final RecordedCall lastCall() {
        synchronized (calls) {
            if (calls.isEmpty()) {
                throw new IllegalStateException("no request received");
            }
            return calls.getLast();
        }
    }

    /** Forgets the requests received. */
    public final void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /**
     * Makes the JUnit extension keep the state from one test to the next (by default it calls {@link #reset()} before
     * each test): for a class whose tests build on each other in order.
     *
     * @return this fake
     */
    public final S keepStateBetweenTests() {
        this.keepStateBetweenTests = true;
        return self();
    }

    /**
     * A server-side rate limit, on every fake: requests beyond this many within one second of the fake's clock are
     * answered 429 with {@code Retry-After: 1}, in the provider's form where it has one (TMDb's code 25). Can be
     * changed while the fake runs.
     *
     * @param perSecond the limit, or 0 for none (the default)
     * @return this fake
     */
    public final S rateLimitPerSecond(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must be 0 (none) or positive: " + perSecond);
        }
        this.rateLimitPerSecond = perSecond;
        return self();
    }

    /** @return the rate limit in requests per clock second, or 0 */
    public final int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /**
     * Counts a request against the rate limit of its clock second.
     *
     * @param now the fake's clock
     * @return the request's number in its second if that is over the limit, else 0
     */
    private synchronized int overRateLimit(java.time.Instant now) {
        int limit = rateLimitPerSecond;
        if (limit == 0) {
            return 0;
        }
        long second = now.getEpochSecond();
        if (second != windowSecond) {
            windowSecond = second;
            windowCount = 0;
        }
        return ++windowCount > limit ? windowCount : 0;
    }

    /** Back to the initial state: seeded data only, no sessions, no faults, no recorded calls. */
    public final void reset() {
        faults.clear();
        clearCalls();
        synchronized (this) {
            windowSecond = Long.MIN_VALUE;
            windowCount = 0;
        }
        resetState();
    }

    /** Restores the provider state to its seeded initial form. */
    protected abstract void resetState();

    /**
     * @param request the request
     * @return the answer to a request, computed from the fake's state
     */
    protected abstract FakeResponse handle(FakeRequest request);

    /** @return the fake's clock's time: the rate limit counts requests per second of it */
    protected java.time.Instant now() {
        return java.time.Instant.now();
    }

    /**
     * The answer to a request over the rate limit ({@link #rateLimitPerSecond(int)}): a 429 with
     * {@code Retry-After: 1} and a plain-text body unless the fake answers in its provider's form.
     *
     * @param request the request
     * @param count the request's number in its second
     * @return the 429
     */
    protected FakeResponse rateLimited(FakeRequest request, int count) {
        return FakeResponse.builder().code(429).setHeader("Retry-After", "1")
                .setHeader("Content-Type", "text/plain; charset=utf-8").body("Too Many Requests").build();
    }

    /**
     * @param ignored unused; kept for the fault that asks for the page
     * @return the provider's anti-bot challenge page; a generic one unless overridden
     */
    protected FakeResponse challengePage(FakeResponse ignored) {
        return FakeResponse.builder().code(403).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                        + "<p>Checking your browser before accessing the site.</p></body></html>").build();
    }

    private FakeResponse dispatch(LoopbackHttpServer.Received received) {
        FakeRequest request = new FakeRequest(received);
        Faults.Kind fault = faults.take(request.method(), request.path());
        FakeResponse response = fault == null ? null : fault.replace();
        if (response == null) {
            try {
                // Every fake's rate limit, in one place; the testkit's own endpoints never count.
                int over = request.path().startsWith("/_testkit/") ? 0 : overRateLimit(now());
                response = over > 0 ? rateLimited(request, over) : handle(request);
            } catch (RuntimeException e) {
                // A fake's own bug shows as a 500 naming it, never as a hung client.
                response = FakeResponse.builder().code(500).setHeader("Content-Type", "text/plain")
                        .body(name() + " fake failed: " + e).build();
            }
            if (fault != null) {
                response = fault.alter(response);
            }
        }
        record(new RecordedCall(request.method(), request.target(), request.headers(), request.body(),
                response.delivery() == FakeResponse.Delivery.CLOSE_BEFORE_ANSWER ? 0 : response.code()));
        return response;
    }

    private void record(RecordedCall call) {
        synchronized (calls) {
            if (calls.size() == MAX_CALLS_KEPT) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    /** Stops listening; idempotent. */
    @Override
    public final synchronized void close() {
        if (started) {
            server.close();
            started = false;
            closedOnce = true;
        }
    }

    @Override
    public final void beforeAll(ExtensionContext context) {
        start();
        startedForClass = true;
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        if (!started) {
            start();
        } else if (!keepStateBetweenTests) {
            reset();
        }
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        if (!startedForClass) {
            close();
        }
    }

    @Override
    public String toString() {
        return name() + (started ? " on " + rootUrl() : " (stopped)");
    }
}
