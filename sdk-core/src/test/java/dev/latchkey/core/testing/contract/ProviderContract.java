package dev.latchkey.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.latchkey.core.Async;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.testkit.hostile.HostileAnswer;
import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileRequest;
import dev.latchkey.testkit.hostile.HostileServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider contract: every provider module runs it over its whole public API, sync and async. A module supplies
 * its calls and its secrets ({@link #subject}); the suite drives each call against every answer of
 * {@link HostileAnswers} on a raw-socket server and asserts, for every call and answer:
 * <ul>
 *   <li>a value, or a {@link LatchkeyException} subtype (an async call never throws: its future fails);</li>
 *   <li>method and path in the message, and the status where the server sent a readable one;</li>
 *   <li>no secret in the whole printed stack trace, nor in the TRACE log, in raw, URL-encoded, hex or Base64 form,
 *       nor any 8-character piece of one ({@link Leaks});</li>
 *   <li>the session, held and stored, unchanged;</li>
 *   <li>zero response bodies left open;</li>
 *   <li>an end within the configured deadline (a hang fails the test after a generous guard).</li>
 * </ul>
 * Beside that: cancelling the future of every async call cancels the call in flight (the server sees the connection
 * closed long before any timeout), and a {@code null} for any object argument of any public method is an
 * {@link InvalidInputException} (a failed future for async methods), never a {@code NullPointerException}.
 */
public abstract class ProviderContract {
    /** Nothing in the suite may take longer than this; the configured deadlines are far shorter. */
    static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @RegisterExtension
    static final HostileServer HOSTILE = HostileServer.create();

    /** What a provider module hands the suite: its client, an account on a stored session, its calls and secrets. */
    public interface Subject extends AutoCloseable {
        /** @return every public call of the module, sync and async, with valid arguments */
        List<ContractCall> calls();

        /** @return every secret planted in the client and the session: passwords, keys, cookies, tokens */
        List<String> secrets();

        /** @return the session as held by the account and as stored, in a form to compare (never printed) */
        Object sessionState();

        /** Puts the stored session back as it was at the start: a call that succeeded may have changed it. */
        default void restoreSession() {
        }

        /** @return the public API objects whose methods the null-argument check enumerates */
        List<Object> apiObjects();

        /**
         * @param type a parameter type of a public method
         * @return a valid value of it, or empty to let the suite choose (String, numbers, booleans, Duration, ...)
         */
        default Optional<Object> sample(Class<?> type) {
            return Optional.empty();
        }

        /**
         * @param method a public method
         * @param index a parameter's position
         * @return whether {@code null} is documented as allowed there (an escape hatch's optional query or body)
         */
        default boolean nullable(Method method, int index) {
            return false;
        }

        @Override
        void close();
    }

    /**
     * One public call.
     *
     * @param name what it is, for example {@code "account.favoriteCreators"} or {@code "async.login"}
     * @param async whether it returns a {@link CompletableFuture}
     * @param run makes the call; the suite consumes what it returns (a stream, a pager, a future)
     */
    public record ContractCall(String name, boolean async, Invocation run) {
        /** @return a sync call */
        public static ContractCall sync(String name, Invocation run) {
            return new ContractCall(name, false, run);
        }

        /** @return an async call */
        public static ContractCall async(String name, Invocation run) {
            return new ContractCall("async " + name, true, run);
        }
    }

    /** Makes one call. */
    @FunctionalInterface
    public interface Invocation {
        Object invoke() throws Exception;
    }

    /**
     * What {@link Subject#sessionState()} usually returns: the session an account holds (empty once a logout or a
     * deletion forgot it) and the one in the store.
     *
     * @param held the account's session, throwing {@link IllegalStateException} once it is forgotten
     * @param stored what the store holds under the account's key
     * @return both, to compare
     */
    protected static Object heldAndStored(java.util.function.Supplier<dev.latchkey.core.auth.Session> held,
            Optional<dev.latchkey.core.auth.Session> stored) {
        Optional<dev.latchkey.core.auth.Session> current;
        try {
            current = Optional.of(held.get());
        } catch (IllegalStateException forgotten) {
            current = Optional.empty();
        }
        return List.of(current, stored);
    }

    /**
     * @param baseUrl the hostile server (no path)
     * @param http the OkHttp client to build on (it counts open bodies)
     * @param options the suite's options (timeouts, retries, caps): apply them to the client's options
     * @return a client of the provider, with an account resumed from a stored session (no network used)
     */
    protected abstract Subject subject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options);

    /**
     * The hostile server closes each connection after one answer, so nothing is pooled: a reused, closed connection
     * would fail every call with a reset before the answer under test was even sent.
     */
    static OkHttpClient.Builder noReuse() {
        return new OkHttpClient.Builder().connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS));
    }

    static Consumer<ClientOptions.Builder> contractOptions() {
        // Short deadlines keep the silent and trickling answers quick (the trickle's 50 ms a byte outlasts the read
        // timeout; HostileServerTest proves the call timeout on it); a deadline that fires early on a busy machine still
        // ends in a typed TransportException, which every assertion accepts.
        return b -> b.connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(40))
                .writeTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofMillis(100))
                .totalTimeout(Duration.ofSeconds(2)).maxResponseBytes(256 * 1024)
                .retryPolicy(RetryPolicy.builder().maxRetries(0).build()).sleeper(new RecordingSleeper());
    }

    @TestFactory
    Stream<DynamicNode> everyCallAgainstEveryHostileAnswer() {
        OpenResponseCounter counter = new OpenResponseCounter();
        OkHttpClient http = noReuse().addNetworkInterceptor(counter).build();
        Subject subject = subject(HOSTILE.url(), http, contractOptions());
        List<ContractCall> calls = subject.calls();
        assertThat(calls).as("calls").isNotEmpty();
        List<DynamicNode> nodes = new ArrayList<>();
        for (HostileAnswer answer : HostileAnswers.all()) {
            List<DynamicTest> tests = new ArrayList<>();
            for (ContractCall call : calls) {
                tests.add(DynamicTest.dynamicTest(call.name(), () -> check(subject, counter, answer, call)));
            }
            nodes.add(DynamicContainer.dynamicContainer(answer.toString(), tests));
        }
        return nodes.stream().onClose(() -> {
            subject.close();
            http.dispatcher().executorService().shutdown();
        });
    }

    /**
     * Issue 30: every call of the module is seen by an observer, whole and in order (started; each attempt started
     * and ended; each retry; ended, counting its attempts), named {@code <provider>.<operation>}, and nothing any
     * observer receives holds a planted secret: not the URL, not a request id a server echoed, not a store key.
     */
    @TestFactory
    Stream<DynamicNode> everyCallIsObservedWholeAndRedacted() {
        dev.latchkey.core.testing.RecordingObserver recorder = new dev.latchkey.core.testing.RecordingObserver();
        OkHttpClient http = noReuse().build();
        Subject subject = subject(HOSTILE.url(), http, contractOptions().andThen(b -> b.observer(recorder)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).build())));
        List<DynamicNode> nodes = new ArrayList<>();
        for (HostileAnswer answer : List.of(HostileAnswers.jsonSuccessEcho(), HostileAnswers.headerEcho(200),
                HostileAnswers.jsonErrorEcho(401), HostileAnswers.jsonErrorEcho(503), HostileAnswers.resetMidBody())) {
            List<DynamicTest> tests = new ArrayList<>();
            for (ContractCall call : subject.calls()) {
                tests.add(DynamicTest.dynamicTest(call.name(), () -> {
                    HOSTILE.reset();
                    HOSTILE.answer(answer);
                    subject.restoreSession();
                    recorder.delivered().clear();
                    outcome(call);
                    List<Object> events = recorder.delivered().events();
                    for (var e : recorder.byCall().entrySet()) {
                        assertThat(dev.latchkey.core.testing.RecordingObserver.wellFormed(e.getValue()))
                                .as("%s / %s: the events of %s", answer, call.name(), e.getKey().operation()).isNull();
                        assertThat(e.getKey().operation()).as("%s / %s", answer, call.name())
                                .startsWith(e.getKey().provider() + ".");
                        assertThat(e.getKey().async()).as("%s / %s: %s", answer, call.name(),
                                e.getKey().operation()).isEqualTo(call.async());
                    }
                    String leak = Leaks.find(events.toString(), subject.secrets());
                    assertThat(leak).as("%s / %s: an observer was given a secret: %s", answer, call.name(), leak)
                            .isNull();
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(answer.toString(), tests));
        }
        return nodes.stream().onClose(() -> {
            subject.close();
            http.dispatcher().executorService().shutdown();
        });
    }

    private static void check(Subject subject, OpenResponseCounter counter, HostileAnswer answer, ContractCall call)
            throws Exception {
        // The short deadlines can fire on a busy machine even for an answer sent at once: a well-formed answer that
        // timed out is tried again, twice at most. A client that really hangs on it times out every time.
        for (int attempt = 1; ; attempt++) {
            try {
                checkOnce(subject, counter, answer, call);
                return;
            } catch (AssertionError e) {
                String m = String.valueOf(e.getMessage());
                if (attempt == 3 || !m.contains("TransportException") || !m.contains("timed out")) {
                    throw e;
                }
            }
        }
    }

    private static void checkOnce(Subject subject, OpenResponseCounter counter, HostileAnswer answer,
            ContractCall call) throws Exception {
        HOSTILE.reset();
        HOSTILE.answer(answer);
        subject.restoreSession();
        Object before = subject.sessionState();
        Throwable failure;
        String log;
        try (LogCapture capture = new LogCapture()) {
            failure = outcome(call);
            log = capture.text();
        }
        if (failure != null) {
            assertThat(failure).as("%s: what %s ends in", answer, call.name()).isInstanceOf(LatchkeyException.class);
            assertDescribes((LatchkeyException) failure, call);
            assertExpected(answer, (LatchkeyException) failure, call);
            String printed = dev.latchkey.core.testing.Traces.printed(failure);
            String leak = Leaks.find(printed, subject.secrets());
            assertThat(leak).as("%s / %s: the printed stack trace leaks: %s", answer, call.name(), leak).isNull();
            // Issue 27, item 1: a server's text never acts on the terminal or the log a message is printed to.
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(control(t.getMessage())).as("%s / %s: a message holds a control character: %s", answer,
                        call.name(), t.getMessage()).isNull();
            }
            // Issue 27, item 4: an answer the log hides (a sensitive call's) is not quoted by the message either; the
            // token in it was just issued, so no scrubber knows it.
            if (answer.toString().equals("malformed issued token") && !log.contains(HostileAnswers.ISSUED_TOKEN)) {
                String issued = Leaks.find(printed, List.of(HostileAnswers.ISSUED_TOKEN));
                assertThat(issued).as("%s / %s: the message quotes the issued token: %s", answer, call.name(),
                        issued).isNull();
            }
        }
        for (String line : log.split("\n")) {
            assertThat(control(line)).as("%s / %s: a log line holds a control character: %s", answer, call.name(),
                    line).isNull();
        }
        String leak = Leaks.find(log, subject.secrets());
        assertThat(leak).as("%s / %s: the TRACE log leaks: %s", answer, call.name(), leak).isNull();
        if (failure != null) {
            // A failed call changes nothing (a call that succeeded, say a logout answered 200, may).
            assertThat(subject.sessionState()).as("%s / %s: the session changed", answer, call.name())
                    .isEqualTo(before);
        }
        awaitClosed(counter);
        assertThat(counter.open()).as("%s / %s: response bodies left open", answer, call.name()).isZero();
    }

    /** @return the failure, or {@code null} if the call gave a value */
    static Throwable outcome(ContractCall call) throws Exception {
        CompletableFuture<Throwable> result = CompletableFuture.supplyAsync(() -> {
            try {
                Object value = call.run().invoke();
                if (call.async()) {
                    assertThat(value).as(call.name() + " returns a future").isInstanceOf(CompletableFuture.class);
                    value = ((CompletableFuture<?>) value).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
                }
                consume(value);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return Async.unwrap(e);
            } catch (java.util.concurrent.TimeoutException e) {
                return new AssertionError(call.name() + ": the future did not complete within " + HANG_GUARD);
            } catch (Throwable t) {
                if (call.async()) {
                    return new AssertionError(call.name() + " threw instead of failing its future: " + t, t);
                }
                return t;
            }
        });
        try {
            return result.get(HANG_GUARD.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail(call.name() + " hung past " + HANG_GUARD);
        }
    }

    /** Reads what a call returned to the end: a lazy stream or pager only fails when walked. */
    private static void consume(Object value) {
        if (value instanceof Stream<?> s) {
            try (s) {
                s.limit(10_000).forEach(x -> { });
            }
        } else if (value instanceof Iterable<?> it && !(value instanceof java.util.Collection<?>)) {
            Iterator<?> i = it.iterator();
            for (int n = 0; n < 10_000 && i.hasNext(); n++) {
                i.next();
            }
        }
    }

    private static void assertDescribes(LatchkeyException e, ContractCall call) {
        if (e instanceof InvalidInputException) {
            return; // refused before sending: no method, path or status to name
        }
        HostileRequest sent = HOSTILE.lastRequest();
        String message = e.getMessage();
        if (sent != null) {
            assertThat(message).as("%s: the message names the method", call.name()).contains(sent.method() + " /");
            String first = sent.path().split("/").length > 1 ? sent.path().split("/")[1] : "";
            assertThat(message).as("%s: the message names the path", call.name()).contains("/" + first);
        }
        if (e instanceof ApiException api) {
            assertThat(message).as("%s: the message names the status", call.name()).contains("HTTP " + api.status());
        } else if (e instanceof InvalidResponseException invalid) {
            assertThat(message).as("%s: the message names the status", call.name())
                    .contains("HTTP " + invalid.status());
        } else {
            assertThat(e).as("%s: without an answer, a transport failure", call.name())
                    .isInstanceOfAny(TransportException.class, dev.latchkey.core.error.SessionStoreException.class);
        }
    }

    /**
     * Answers that are well-formed HTTP have one right category, whatever the call: a status error is an
     * {@link ApiException} with that status, a page or an empty body where data was due is an invalid answer. This
     * also proves the answer under test reached the client (a reused, closed connection would show as a reset).
     */
    private static void assertExpected(HostileAnswer answer, LatchkeyException e, ContractCall call) {
        String name = answer.toString();
        if (e instanceof InvalidInputException) {
            return;
        }
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("^(JSON error echo|header echo) (\\d+)$")
                .matcher(name);
        if (status.matches() && !status.group(2).equals("200")) {
            assertThat(e).as("%s / %s", name, call.name()).isInstanceOf(ApiException.class);
            assertThat(((ApiException) e).status()).as("%s / %s: status", name, call.name())
                    .isEqualTo(Integer.parseInt(status.group(2)));
        } else if (name.equals("HTML challenge 200") || name.equals("HTML with byte-order mark")) {
            assertThat(e).as("%s / %s", name, call.name()).isInstanceOf(InvalidResponseException.class);
            assertThat(e.getMessage()).as("%s / %s", name, call.name()).contains("HTML page");
        } else if (name.equals("text error echo")) {
            assertThat(e).as("%s / %s", name, call.name()).isInstanceOf(ApiException.class);
        } else if (name.equals("Retry-After overflow")) {
            assertThat(e).as("%s / %s", name, call.name()).isInstanceOf(dev.latchkey.core.error.RateLimitedException.class);
        } else if (name.equals("Retry-After underflow")) {
            // A negative wait is no wait given, not a 584-billion-year one (found by the Eternaltwin fuzzer).
            assertThat(e).as("%s / %s", name, call.name()).isInstanceOfSatisfying(
                    dev.latchkey.core.error.RateLimitedException.class, r -> assertThat(r.retryAfter()).isEmpty());
        }
    }

    /**
     * @return the first character of the text that acts instead of showing (C0 and C1 controls, DEL, bidirectional
     *     controls, line and paragraph separators), as {@code U+XXXX}, or {@code null}. Written apart from core's
     *     {@code Text.visible}, so the check does not share its blind spots.
     */
    static String control(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT
                    || (c >= '\u2066' && c <= '\u2069')) {
                return String.format("U+%04X at %d", (int) c, i);
            }
        }
        return null;
    }


    static void awaitClosed(OpenResponseCounter counter) throws InterruptedException {
        // A body is closed on the thread that read it, which may finish a moment after the future completed.
        for (int i = 0; i < 200 && counter.open() > 0; i++) {
            Thread.sleep(10);
        }
    }

    /**
     * @param subject a provider's subject
     * @return the public methods returning a future, on the subject's API objects, that no async contract call names
     *     (a call named {@code "async account.logout"} covers every async {@code logout}): a method added later must
     *     join the calls, so that its cancel and its failures are proven too
     */
    protected static List<String> asyncMethodsWithoutACall(Subject subject) {
        List<String> names = subject.calls().stream().filter(ContractCall::async).map(ContractCall::name).toList();
        List<String> missing = new ArrayList<>();
        for (Object api : subject.apiObjects()) {
            for (Method m : api.getClass().getMethods()) {
                if (!CompletableFuture.class.isAssignableFrom(m.getReturnType())
                        && m.getReturnType() != dev.latchkey.core.page.AsyncAutoPager.class) {
                    continue;
                }
                String n = m.getName();
                if (names.stream().noneMatch(c -> c.equals("async " + n) || c.endsWith("." + n))) {
                    missing.add(api.getClass().getSimpleName() + '.' + n);
                }
            }
        }
        return missing;
    }

    @TestFactory
    Stream<DynamicTest> cancellingAnAsyncCallCancelsItsHttpCall() {
        OkHttpClient http = noReuse().build();
        // Long timeouts: only the cancel can end these calls in time.
        Subject subject = subject(HOSTILE.url(), http, b -> b.readTimeout(Duration.ofMinutes(2))
                .callTimeout(Duration.ofMinutes(2)).totalTimeout(Duration.ofMinutes(3))
                .retryPolicy(RetryPolicy.builder().maxRetries(2).build()));
        List<DynamicTest> tests = new ArrayList<>();
        for (ContractCall call : subject.calls()) {
            if (!call.async()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(call.name(), () -> {
                HOSTILE.reset();
                HOSTILE.answer(HostileAnswers.silence());
                subject.restoreSession();
                CompletableFuture<?> future = (CompletableFuture<?>) call.run().invoke();
                assertThat(HOSTILE.awaitRequests(1, HANG_GUARD)).as(call.name() + " sent its request").isTrue();
                assertThat(future.cancel(true)).as("cancel").isTrue();
                assertThat(HOSTILE.awaitClosedByClient(1, HANG_GUARD))
                        .as("%s: the server saw the call end after the cancel", call.name()).isTrue();
                awaitIdle(http);
                assertThat(http.dispatcher().runningCallsCount()).as("%s: calls still running", call.name()).isZero();
                assertThat(HOSTILE.requests()).as("%s: no step started after the cancel", call.name()).hasSize(1);
            }));
        }
        assertThat(tests).as("async calls").isNotEmpty();
        return tests.stream().onClose(() -> {
            subject.close();
            http.dispatcher().executorService().shutdown();
        });
    }

    private static void awaitIdle(OkHttpClient http) throws InterruptedException {
        for (int i = 0; i < 500 && http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount() > 0;
                i++) {
            Thread.sleep(10);
        }
    }

    @TestFactory
    Stream<DynamicTest> aNullArgumentIsAnInvalidInputNeverANullPointer() {
        OkHttpClient http = noReuse().build();
        Subject subject = subject(HOSTILE.url(), http, contractOptions());
        List<DynamicTest> tests = new ArrayList<>();
        for (Object api : subject.apiObjects()) {
            for (Method m : api.getClass().getMethods()) {
                if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    if (types[i].isPrimitive() || subject.nullable(m, i)) {
                        continue;
                    }
                    int nullAt = i;
                    tests.add(DynamicTest.dynamicTest(api.getClass().getSimpleName() + '.' + m.getName() + " arg "
                            + nullAt, () -> checkNull(subject, api, m, nullAt)));
                }
            }
        }
        assertThat(tests).as("methods with object parameters").isNotEmpty();
        return tests.stream().onClose(() -> {
            subject.close();
            http.dispatcher().executorService().shutdown();
        });
    }

    private static void checkNull(Subject subject, Object api, Method m, int nullAt) throws Exception {
        HOSTILE.reset();
        HOSTILE.answer(HostileAnswers.jsonErrorEcho(500)); // reaching the server at all would be wrong
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = i == nullAt ? null : sampleOf(subject, m.getParameterTypes()[i]);
        }
        Throwable thrown = null;
        Object result = null;
        try {
            result = m.invoke(api, args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        }
        String what = m.getDeclaringClass().getSimpleName() + '.' + m.getName() + " with null argument " + nullAt;
        if (CompletableFuture.class.isAssignableFrom(m.getReturnType())) {
            assertThat(thrown).as("%s threw instead of failing its future", what).isNull();
            CompletableFuture<?> f = (CompletableFuture<?>) result;
            try {
                f.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
                fail(what + " succeeded");
            } catch (java.util.concurrent.ExecutionException e) {
                thrown = Async.unwrap(e);
            }
        }
        assertThat(thrown).as(what).isInstanceOf(InvalidInputException.class);
        assertThat(thrown.getMessage()).as(what + ": the message").isNotBlank();
        assertThat(HOSTILE.requests()).as("%s reached the server", what).isEmpty();
    }

    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, Double.class);

    private static Object sampleOf(Subject subject, Class<?> type) {
        Optional<Object> given = subject.sample(type);
        if (given.isPresent()) {
            return given.get();
        }
        if (type == String.class) {
            return "sample1";
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == double.class || type == Double.class) {
            return 7.0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(1);
        }
        if (type == java.time.Instant.class) {
            return java.time.Instant.parse("2030-01-01T00:00:00Z");
        }
        if (type == java.net.URI.class) {
            return java.net.URI.create("https://example.invalid/callback");
        }
        if (type == Class.class) {
            return Void.class;
        }
        if (type == Object.class) {
            return java.util.Map.of("k", "v");
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        if (type == Consumer.class) {
            return (Consumer<Object>) x -> { };
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (NUMBERS.contains(type)) {
            return 7;
        }
        throw new AssertionError("no sample value of " + type.getName() + ": give one in Subject.sample");
    }
}
