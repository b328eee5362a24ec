package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.observe.AttemptEnded;
import dev.latchkey.core.observe.AttemptStarted;
import dev.latchkey.core.observe.BudgetWaited;
import dev.latchkey.core.observe.CallEnded;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.RetryScheduled;
import dev.latchkey.core.observe.StoreAccess;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.core.testing.RecordingObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Issue 30: what the pipeline tells its observers, redacted, and that no observer can fail or slow a call. */
class CallObserverTest {

    @Test
    void aCallWithARetryIsSeenWholeSyncAndAsync() throws Exception {
        RecordingObserver seen = new RecordingObserver();
        try (Fixture f = new Fixture(b -> b.observer(seen))) {
            f.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
                    .setHeader("X-Request-Id", "req-1").body("{}").build());
            f.enqueue(new MockResponse.Builder().code(200).setHeader("X-Request-Id", "req-2")
                    .setHeader("Content-Type", "application/json").body("{\"n\":1}").build());
            f.pipeline.execute(ApiRequest.get("/v1/{service}/user/{id}").pathParam("service", "fanbox")
                    .pathParam("id", "42").operation("creator").build(), ResponseParser.json(Map.class));

            List<Object> events = seen.delivered().events();
            assertThat(RecordingObserver.wellFormed(events)).isNull();
            ObservedCall call = (ObservedCall) events.get(0);
            assertThat(call.operation()).isEqualTo("test.creator");
            assertThat(call.urlTemplate()).isEqualTo("/v1/{service}/user/{id}");
            assertThat(call.url()).isEqualTo(f.server.url("/api/v1/fanbox/user/42").toString());
            assertThat(call.serverAddress()).isEqualTo(f.server.getHostName());
            assertThat(call.serverPort()).isEqualTo(f.server.getPort());
            assertThat(call.async()).isFalse();
            List<AttemptEnded> attempts = seen.of(AttemptEnded.class);
            assertThat(attempts).extracting(AttemptEnded::status).containsExactly(429, 200);
            assertThat(attempts.get(0).errorType()).contains("RateLimitedException");
            assertThat(attempts.get(0).requestId()).contains("req-1");
            assertThat(attempts.get(1).errorType()).isEmpty();
            assertThat(attempts.get(1).responseBytes()).isEqualTo(7);
            RetryScheduled retry = seen.of(RetryScheduled.class).get(0);
            assertThat(retry.reason()).isEqualTo("429 RateLimitedException");
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(2));
            CallEnded end = seen.of(CallEnded.class).get(0);
            assertThat(end.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(end.attempts()).isEqualTo(2);
            assertThat(end.status()).isEqualTo(200);
            assertThat(end.requestId()).contains("req-2");

            seen.clear();
            f.enqueue(404, "{}");
            CompletableFuture<Void> async = f.pipeline.executeAsync(ApiRequest.get("/a").build(),
                    ResponseParser.discard());
            assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NotFoundException.class);
            List<Object> asyncEvents = seen.delivered().events();
            assertThat(RecordingObserver.wellFormed(asyncEvents)).isNull();
            assertThat(((ObservedCall) asyncEvents.get(0)).async()).isTrue();
            assertThat(((ObservedCall) asyncEvents.get(0)).operation()).as("an unnamed request")
                    .isEqualTo("test.GET /a");
            CallEnded failed = seen.of(CallEnded.class).get(0);
            assertThat(failed.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(failed.errorType()).contains("NotFoundException");
            assertThat(failed.status()).isEqualTo(404);
        }
    }

    @Test
    void theUrlAnObserverSeesHasEverySecretMasked() {
        RecordingObserver seen = new RecordingObserver();
        try (Fixture f = new Fixture(b -> b.observer(seen))) {
            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/u/{token}").secretPathParam("token", "path-secret-123")
                    .query("api_key", "key-secret-456").query("page", "2").query("q", "also-secret-789")
                    .secret("also-secret-789").build(), ResponseParser.discard());
            String url = ((ObservedCall) seen.delivered().events().get(0)).url();
            assertThat(url).doesNotContain("path-secret-123", "key-secret-456", "also-secret-789")
                    .contains("api_key=***", "page=2").endsWith("q=***");
            assertThat(seen.events().toString()).doesNotContain("secret-");
        }
    }

    @Test
    void aWaitForTheRateBudgetIsSeen() {
        RecordingObserver seen = new RecordingObserver();
        RateBudget slow = new RateBudget() {
            @Override
            public String name() {
                return "kemono:alice";
            }

            @Override
            public Optional<Duration> reserve(Duration maxWait) {
                return Optional.of(Duration.ofMillis(250));
            }

            @Override
            public CompletableFuture<Optional<Duration>> reserveAsync(Duration maxWait) {
                return CompletableFuture.completedFuture(reserve(maxWait));
            }

            @Override
            public CompletableFuture<Void> pauseUntil(java.time.Instant until) {
                return CompletableFuture.completedFuture(null);
            }
        };
        try (Fixture f = new Fixture(b -> b.observer(seen).rateBudget(slow))) {
            f.enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard());
            List<Object> events = seen.delivered().events();
            assertThat(RecordingObserver.wellFormed(events)).isNull();
            BudgetWaited wait = seen.of(BudgetWaited.class).get(0);
            assertThat(wait.budget()).isEqualTo("kemono:alice");
            assertThat(wait.waited()).isEqualTo(Duration.ofMillis(250));
            assertThat(wait.attempt()).isEqualTo(1);
            assertThat(events.indexOf(wait)).isLessThan(events.indexOf(seen.of(AttemptStarted.class).get(0)));
        }
    }

    @Test
    void aCancelledAsyncCallEndsItsAttemptThenItself() throws Exception {
        RecordingObserver seen = new RecordingObserver();
        try (Fixture f = new Fixture(b -> b.observer(seen))) {
            f.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
            CompletableFuture<Void> call = f.pipeline.executeAsync(ApiRequest.get("/slow").build(),
                    ResponseParser.discard());
            f.server.takeRequest(5, TimeUnit.SECONDS); // the attempt is in flight
            call.cancel(true);
            List<Object> events = seen.delivered().events();
            assertThat(RecordingObserver.wellFormed(events)).isNull();
            assertThat(seen.of(CallEnded.class).get(0).outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(seen.of(AttemptEnded.class).get(0).status()).isZero();
        }
    }

    @Test
    void anObserverOfOneCallSeesThatCallAloneBesideTheClients() {
        RecordingObserver client = new RecordingObserver();
        RecordingObserver one = new RecordingObserver();
        try (Fixture f = new Fixture(b -> b.observer(client))) {
            f.enqueue(200, "{}").enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").options(RequestOptions.builder().observer(one).build()).build(),
                    ResponseParser.discard());
            f.pipeline.execute(ApiRequest.get("/b").build(), ResponseParser.discard());
            assertThat(one.delivered().of(ObservedCall.class)).extracting(ObservedCall::urlTemplate)
                    .containsExactly("/a");
            assertThat(client.of(ObservedCall.class)).extracting(ObservedCall::urlTemplate)
                    .containsExactly("/a", "/b");
        }
    }

    @Test
    void anObserverThatThrowsOrBlocksNeitherFailsNorHoldsTheCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CallObserver throwing = new CallObserver() {
            @Override
            public void callStarted(ObservedCall call) {
                throw new IllegalStateException("observer bug with secret-in-message");
            }
        };
        CallObserver blocking = new CallObserver() {
            @Override
            public void callStarted(ObservedCall call) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RecordingObserver healthy = new RecordingObserver();
        try (LogCapture log = new LogCapture(); Fixture f = new Fixture(b -> b.observer(throwing).observer(blocking)
                .observer(healthy))) {
            for (int i = 0; i < 3; i++) {
                f.enqueue(200, "{}");
                f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard());
            }
            f.enqueue(200, "{}");
            f.pipeline.executeAsync(ApiRequest.get("/a").build(), ResponseParser.discard()).get(5, TimeUnit.SECONDS);
            // Every call returned while one observer is still blocked in its first event.
            assertThat(release.getCount()).isEqualTo(1);
            release.countDown();
            assertThat(healthy.delivered().of(CallEnded.class)).hasSize(4);
            String text = log.text();
            assertThat(text.split("failed on callStarted", -1)).as("logged once").hasSize(2);
            assertThat(text).contains(throwing.getClass().getName(), "IllegalStateException")
                    .doesNotContain("secret-in-message");
        }
    }

    @Test
    void storeAccessesAndReloginsAreSeenLedOrFollowed() throws Exception {
        RecordingObserver seen = new RecordingObserver();
        SessionStore store = SessionStore.inMemory();
        try (Fixture f = new Fixture(b -> b.observer(seen).sessionStore(store))) {
            SessionStore observed = f.pipeline.sessionStore();
            assertThat(observed).isNotSameAs(store);
            String key = f.pipeline.storeKey("alice");
            Session fresh = Session.builder("test").token("t", "tok-secret-1").build();
            observed.save(key, fresh);
            assertThat(observed.load(key)).contains(fresh);
            assertThat(observed.renew(key, null, () -> fresh)).isEqualTo(fresh); // stored one is fresh: followed
            Session newer = Session.builder("test").token("t", "tok-secret-2").build();
            assertThat(observed.renew(key, fresh, () -> newer)).isEqualTo(newer); // this worker logged in
            assertThat(observed.renewAsync(key, newer, () -> CompletableFuture.failedFuture(
                    new IllegalStateException("no")))).failsWithin(Duration.ofSeconds(5));
            observed.delete(key);

            List<StoreAccess> accesses = seen.delivered().of(StoreAccess.class);
            assertThat(accesses).extracting(StoreAccess::operation).containsExactly(StoreAccess.Operation.SAVE,
                    StoreAccess.Operation.LOAD, StoreAccess.Operation.DELETE);
            assertThat(accesses.get(1).found()).isTrue();
            List<Relogin> relogins = seen.of(Relogin.class);
            assertThat(relogins).extracting(Relogin::led).containsExactly(false, true, true);
            assertThat(relogins).extracting(Relogin::outcome).containsExactly(Outcome.SUCCESS, Outcome.SUCCESS,
                    Outcome.ERROR);
            assertThat(relogins.get(0).provider()).isEqualTo("test");
            assertThat(relogins.get(0).storeKey()).isEqualTo(key);
            assertThat(seen.events().toString()).doesNotContain("tok-secret");
        }
        try (Fixture none = new Fixture(b -> b.sessionStore(store))) {
            assertThat(none.pipeline.sessionStore()).as("no observers: the store itself").isSameAs(store);
        }
    }

    @Test
    void withoutObserversNothingIsTraced() {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{}");
            PreparedCall[] seen = new PreparedCall[1];
            f.pipeline.retries().run(new PreparedCall(ApiRequest.get("/a").build(), f.pipeline), exchange -> {
                seen[0] = exchange.prepared;
                return null;
            });
            assertThat(seen[0].trace).isNull();
        }
    }

    @Test
    void aRateLimitThatEndsTheCallIsAnErrorNamingItsType() {
        RecordingObserver seen = new RecordingObserver();
        try (Fixture f = new Fixture(b -> b.observer(seen).maxRetries(0))) {
            f.enqueue(429, "{}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(RateLimitedException.class);
            CallEnded end = seen.delivered().of(CallEnded.class).get(0);
            assertThat(end.errorType()).contains("RateLimitedException");
            assertThat(end.attempts()).isEqualTo(1);
        }
    }

    @Test
    void theCallLogIsAnObserverOnWhenItsLoggerIsAtDebug() {
        try (LogCapture log = new LogCapture("dev.latchkey.call"); Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(503).setHeader("X-Request-Id", "req-9").body("{}").build());
            f.enqueue(new MockResponse.Builder().code(200).setHeader("X-Request-Id", "req-10").body("{}").build());
            f.pipeline.execute(ApiRequest.get("/a").query("api_key", "key-secret-456").operation("thing").build(),
                    ResponseParser.discard());
            assertThat(f.pipeline.observers()).contains(dev.latchkey.core.internal.LoggingObserver.INSTANCE);
            new RecordingObserver().delivered();
            assertThat(log.text()).contains("test.thing GET " + f.server.url("/api/a") + "?api_key=*** -> 200 in ",
                    " ms, 2 attempts (retry after 503 ServerException in ", ", request id req-10")
                    .doesNotContain("key-secret-456");
        }
        try (Fixture quiet = new Fixture()) {
            assertThat(quiet.pipeline.observers()).as("the call log off: no observer at all").isEmpty();
        }
    }

    @Test
    void aContextCapturedOnTheCallingThreadComesBackWithTheCall() throws Exception {
        ThreadLocal<String> span = new ThreadLocal<>();
        RecordingObserver seen = new RecordingObserver();
        CallObserver capturing = new CallObserver() {
            @Override
            public Object captureContext() {
                return span.get();
            }
        };
        CallObserver failing = new CallObserver() {
            int asked;

            @Override
            public Object captureContext() {
                if (++asked > 1) {
                    throw new AssertionError("asked again after it failed");
                }
                throw new IllegalStateException("broken");
            }
        };
        try (Fixture f = new Fixture(b -> b.observer(capturing).observer(failing).observer(seen))) {
            span.set("parent-span-7");
            f.enqueue(200, "{}").enqueue(200, "{}");
            f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard());
            f.pipeline.executeAsync(ApiRequest.get("/b").build(), ResponseParser.discard()).get(5, TimeUnit.SECONDS);
            List<ObservedCall> calls = seen.delivered().of(ObservedCall.class);
            assertThat(calls).extracting(c -> c.context(capturing)).containsExactly("parent-span-7", "parent-span-7");
            assertThat(calls).extracting(c -> c.context(failing)).containsOnlyNulls();
            assertThat(calls.get(0).context(seen)).isNull();
        } finally {
            span.remove();
        }
    }
}
