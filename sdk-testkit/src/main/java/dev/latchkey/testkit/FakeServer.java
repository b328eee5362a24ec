package dev.latchkey.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Admin;
import dev.latchkey.testkit.internal.LoopbackHttpServer;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.internal.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p><b>From outside.</b> Every fake has the same admin interface, for tests written in any language: a seed file
 * ({@link #seed(Path)}: users, OAuth clients, catalogue entries, per provider), HTTP routes under the reserved prefix
 * {@code /_testkit} ({@code GET /_testkit} lists what a fake accepts; {@code POST /_testkit/{kind}} adds;
 * {@code POST /_testkit/reset}; {@code GET /_testkit/credentials}), and the same in Java ({@link #admin(String, Map)}).
 * The three go through one table per fake, so they accept the same fields. The fakes listen on 127.0.0.1 only: the
 * admin routes are reachable from this machine alone, and never count against the rate limit or the call log.
 *
 * @param <S> the concrete fake, for fluent setters
 */
public abstract class FakeServer<S extends FakeServer<S>>
        implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final int MAX_CALLS_KEPT = 10_000;
    /** A seed file's sections, one per fake: a key outside these is a typo, not another fake's. */
    static final Set<String> SEED_SECTIONS = Set.of("kemono", "tmdb", "eternaltwin", "karaokemugen");
    private static final String ADMIN_PREFIX = "/_testkit";
    private static final Admin NO_ADMIN = new Admin("none");

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
    /** The seed sections applied, re-applied after each reset: they are part of the seeded state. */
    private final List<Seeded> seeds = new ArrayList<>();
    private final List<String> credentials = new ArrayList<>();

    private record Seeded(JsonNode section, String where) {
    }

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

    /** What a fake's second address does ({@link #startAlias()}): the site's old domain after a move. */
    public enum AliasMode {
        /** Answers as the fake does: the same state, sessions and all. */
        SERVE,
        /** Answers every request with a 301 to the same path on the fake's own address: a site that moved. */
        REDIRECT,
        /** Refuses connections: the old domain is gone. */
        DOWN
    }

    private LoopbackHttpServer alias;
    private HttpUrl aliasRoot;
    private volatile AliasMode aliasMode = AliasMode.SERVE;

    /**
     * Starts a second address for the same fake (another port on 127.0.0.1), sharing its state: the site's other
     * domain, for testing a client that follows a site's move ({@code kemono.su} to {@code kemono.cr}).
     *
     * @return the alias's root, {@code http://127.0.0.1:PORT/} (the same once it is {@link AliasMode#DOWN})
     */
    public final synchronized HttpUrl startAlias() {
        if (alias == null) {
            alias = new LoopbackHttpServer(getClass().getSimpleName() + "-alias", received -> {
                if (aliasMode == AliasMode.REDIRECT) {
                    return FakeResponse.builder().code(301).setHeader("Location", rootUrl().resolve(
                            received.target().substring(1)).toString()).build();
                }
                return dispatch(received);
            });
            try {
                alias.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start an alias of " + name(), e);
            }
            aliasRoot = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(alias.port()).build();
        }
        return aliasRoot;
    }

    /**
     * @param mode what the alias does from now on; {@link AliasMode#DOWN} closes it for good
     */
    public final synchronized void aliasMode(AliasMode mode) {
        this.aliasMode = mode;
        if (mode == AliasMode.DOWN && alias != null) {
            alias.close();
        }
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
        List<Seeded> again;
        synchronized (this) {
            windowSecond = Long.MIN_VALUE;
            windowCount = 0;
            credentials.clear();
            again = List.copyOf(seeds);
        }
        resetState();
        for (Seeded seed : again) {
            adminTable().applySection(seed.section(), seed.where());
        }
    }

    /**
     * Seeds the fake from a seed file: its section for this provider ({@code "tmdb"}, {@code "kemono"},
     * {@code "eternaltwin"}, {@code "karaokemugen"}), each kind a list of entries, as {@code GET /_testkit} lists
     * them. The entries become part of the seeded state: {@link #reset()} keeps them. The format is in the testkit
     * README ("A seed file").
     *
     * <pre>{@code
     * { "eternaltwin": { "clients": [ { "key": "my_app@clients", "secret": "s3cret",
     *                                   "callback_uri": "http://localhost:8000/callback" } ],
     *                    "users": [ { "username": "bob", "password": "bob-secret" } ] } }
     * }</pre>
     *
     * @param seedFile the file
     * @return this fake
     * @throws IllegalArgumentException naming the file, the entry and what is wrong, before anything is applied
     *     when the file is not JSON or names an unknown section
     * @throws UncheckedIOException when the file cannot be read
     */
    public final S seed(Path seedFile) {
        String text;
        try {
            text = Files.readString(seedFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + seedFile + ": " + e.getMessage(), e);
        }
        return seed(text, seedFile.toString());
    }

    /**
     * Seeds the fake from a seed file's text; see {@link #seed(Path)}.
     *
     * @param seedJson the seed file's JSON
     * @return this fake
     */
    public final S seed(String seedJson) {
        return seed(seedJson, "seed");
    }

    private S seed(String seedJson, String where) {
        JsonNode root;
        try {
            root = Responses.JSON.readTree(seedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": a seed file is a JSON object with sections "
                    + String.join(", ", new java.util.TreeSet<>(SEED_SECTIONS)));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SEED_SECTIONS.contains(key)) {
                throw new IllegalArgumentException(where + ": no section '" + key + "'; the sections are "
                        + String.join(", ", new java.util.TreeSet<>(SEED_SECTIONS)));
            }
        }
        JsonNode section = root.get(adminTable().section());
        if (section != null) {
            adminTable().applySection(section, where);
            synchronized (this) {
                seeds.add(new Seeded(section.deepCopy(), where));
            }
        }
        return self();
    }

    /**
     * Adds one entry of a kind now, as {@code POST /_testkit/{kind}} does: for example
     * {@code admin("users", Map.of("username", "bob", "password", "bob-secret"))}. Unlike a seed, it is state:
     * {@link #reset()} forgets it.
     *
     * @param kind the kind, as {@code GET /_testkit} lists them ({@code "users"}, {@code "clients"}, {@code "movies"})
     * @param fields the entry's fields, in the seed file's names
     * @return what was created (an {@code id}), in wire names
     * @throws IllegalArgumentException for an unknown kind, a missing or unknown field, or an entry the fake refuses
     */
    public final Map<String, Object> admin(String kind, Map<String, ?> fields) {
        JsonNode entry = Responses.JSON.valueToTree(fields);
        return adminTable().apply(kind, entry, name() + ".admin(" + kind + ")").get(0);
    }

    /**
     * @return every credential the fake accepts now, one line each ({@code user alice / alice-demo-pass}): the demo
     *     data's, a seed's and the admin interface's, in the order they were added
     */
    public final List<String> credentials() {
        synchronized (this) {
            return List.copyOf(credentials);
        }
    }

    /**
     * Notes a credential for {@link #credentials()}; the fakes call it wherever they create one.
     *
     * @param line the credential, as a person would type it
     */
    protected final void credential(String line) {
        synchronized (this) {
            credentials.add(line);
        }
    }

    /** The fake's route table and admin table ({@link #serve}); none until a provider's fake says. */
    private Router routeTable;
    private Admin admin = NO_ADMIN;

    /**
     * Names what the fake serves, once, from its constructor: its route table (for {@link #routes()}) and its admin
     * table (the kinds behind the seed file, {@code /_testkit} and {@link #admin}).
     *
     * @param routes the provider's routes
     * @param adminTable the kinds it can be given from outside
     */
    protected final void serve(Router routes, Admin adminTable) {
        this.routeTable = routes;
        this.admin = adminTable;
    }

    /** @return every route the fake serves, {@code "GET /api/v1/account"}, in its table's order */
    public final List<String> routes() {
        return routeTable == null ? List.of() : routeTable.templates();
    }

    private Admin adminTable() {
        return admin;
    }

    /** {@code /_testkit/...}: the admin interface over HTTP, JSON in and out. */
    private FakeResponse adminRoute(FakeRequest request) {
        String path = request.path();
        String rest = path.length() <= ADMIN_PREFIX.length() ? "" : path.substring(ADMIN_PREFIX.length() + 1);
        String method = request.method();
        try {
            if (rest.isEmpty() && method.equals("GET")) {
                return Responses.json(200, adminTable().describe(), "application/json");
            }
            if (rest.equals("credentials") && method.equals("GET")) {
                ObjectNode o = Responses.object();
                credentials().forEach(o.putArray("credentials")::add);
                return Responses.json(200, o, "application/json");
            }
            if (rest.equals("reset") && method.equals("POST")) {
                reset();
                return FakeResponse.builder().code(204).build();
            }
            if (!rest.isEmpty() && !rest.contains("/") && method.equals("POST") && adminTable().has(rest)) {
                JsonNode body;
                try {
                    body = request.body().isBlank() ? null : Responses.JSON.readTree(request.body());
                } catch (JsonProcessingException e) {
                    return adminError(400, "POST " + path + ": the body is not JSON: " + e.getOriginalMessage());
                }
                List<Map<String, Object>> created = adminTable().apply(rest, body, "POST " + path);
                JsonNode answer = body != null && body.isArray() ? Responses.JSON.valueToTree(created)
                        : Responses.JSON.valueToTree(created.get(0));
                return Responses.json(201, answer, "application/json");
            }
            return adminError(404, method + " " + path + " is not an admin route; GET " + ADMIN_PREFIX
                    + " lists them");
        } catch (IllegalArgumentException e) {
            return adminError(400, e.getMessage());
        }
    }

    private static FakeResponse adminError(int status, String message) {
        return Responses.json(status, Responses.object().put("error", message), "application/json");
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
        if (request.path().equals(ADMIN_PREFIX) || request.path().startsWith(ADMIN_PREFIX + "/")) {
            return adminRoute(request); // not the provider's traffic: no faults, no rate limit, not in calls()
        }
        Faults.Kind fault = faults.take(request.method(), request.path());
        FakeResponse response = fault == null ? null : fault.replace();
        if (response == null) {
            try {
                int over = overRateLimit(now()); // every fake's rate limit, in one place
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
        if (alias != null) {
            alias.close();
            alias = null;
            aliasRoot = null;
            aliasMode = AliasMode.SERVE;
        }
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
