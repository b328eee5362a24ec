package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.latchkey.core.Async;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.page.NumberedPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.core.testing.OpenResponseCounter;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.core.testing.contract.Leaks;
import dev.latchkey.testkit.hostile.HostileAnswer;
import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileServer;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core's promises against a raw-socket server that answers as an attacker or a broken proxy would: one test per
 * way the hostile-server review broke them (issue 11; the item number is in each test's comment).
 */
class HostileServerTest {
    @RegisterExtension
    static final HostileServer hostile = HostileServer.create();

    static final String COOKIE = "session=c00k1e-7f3a9b2e5d1c8046";
    static final String COOKIE_VALUE = "c00k1e-7f3a9b2e5d1c8046";
    static final String API_KEY = "apikey-4e8b1d6f2a9c7035";

    final OpenResponseCounter counter = new OpenResponseCounter();
    /** The hostile server closes each connection after one answer: nothing is pooled for reuse. */
    final OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter)
            .connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS)).build();

    record Item(@JsonProperty(value = "id", required = true) String id, @JsonProperty("name") String name) {
    }

    private HttpPipeline pipeline(Consumer<ClientOptions.Builder> more) {
        ClientOptions.Builder b = ClientOptions.builder().baseUrl(hostile.url()).httpClient(http)
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10))
                .sleeper(new RecordingSleeper());
        more.accept(b);
        return HttpPipeline.create(b.build(), ProviderSpec.of("hostile", "https://example.invalid"));
    }

    private HttpPipeline pipeline() {
        return pipeline(b -> { });
    }

    /** A request carrying a session cookie and an API key, both secret. */
    private static ApiRequest secretRequest() {
        return ApiRequest.get("/v1/items/{id}").pathParam("id", "7").secretHeader("Cookie", COOKIE)
                .secretQuery("api_key", API_KEY).build();
    }


    private Throwable failure(HostileAnswer answer, ResponseParser<?> parser) {
        hostile.answer(answer);
        try (HttpPipeline p = pipeline()) {
            p.execute(secretRequest(), parser);
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("the call succeeded against " + answer);
    }

    @Test
    void aSecretInTheStatusLineNeverReachesTheCauseChain() {
        // Item 1: OkHttp's exception quotes the status line; the cause kept is a scrubbed copy of the same type.
        for (HostileAnswer answer : List.of(HostileAnswers.statusLineEcho(), HostileAnswers.chunkSizeEcho(),
                HostileAnswers.hexChunkSizeEcho(), HostileAnswers.overlongHeaderEcho())) {
            Throwable t = failure(answer, ResponseParser.json(Item.class));
            assertThat(t).as(answer.toString()).isInstanceOfAny(TransportException.class,
                    InvalidResponseException.class);
            assertThat(Leaks.find(dev.latchkey.core.testing.Traces.printed(t), List.of(COOKIE_VALUE, API_KEY))).as(answer.toString()).isNull();
        }
        Throwable status = failure(HostileAnswers.statusLineEcho(), ResponseParser.json(Item.class));
        assertThat(status.getCause()).isInstanceOf(ProtocolException.class);
        assertThat(status.getCause().getMessage()).contains("***");
        assertThat(counter.open()).isZero();
    }

    @Test
    void aSecretStraddlingTheCutIsRemovedWhole() {
        // Item 2: cut after scrubbing; a server message cut in the middle of a secret leaves no piece of it.
        String padding = "x".repeat(290);
        hostile.answer(HostileAnswer.named("echo at the cut", ex -> {
            String body = "{\"message\":\"" + padding + COOKIE_VALUE + "\"}";
            ex.write("HTTP/1.1 400 Bad\r\nContent-Type: application/json\r\nX-Request-Id: " + "r".repeat(95)
                    + COOKIE_VALUE + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        }));
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.discard()))
                    .satisfies(e -> assertThat(Leaks.find(dev.latchkey.core.testing.Traces.printed(e), List.of(COOKIE_VALUE))).isNull())
                    .hasMessageContaining("xxxx");
        }
        // A password with a double space is scrubbed before white space is folded.
        String password = "two  spaces-9f1c7e";
        hostile.answer(HostileAnswers.jsonErrorEcho(400));
        try (HttpPipeline p = pipeline()) {
            ApiRequest login = ApiRequest.post("/login").jsonBody(Map.of("password", password)).secret(password)
                    .sensitive().build();
            assertThatThrownBy(() -> p.execute(login, ResponseParser.discard()))
                    .satisfies(e -> assertThat(Leaks.find(dev.latchkey.core.testing.Traces.printed(e), List.of(password))).isNull());
        }
    }

    @Test
    void dotSegmentsCannotMoveACallElsewhere() {
        // Item 4: "." and ".." would be resolved by OkHttp, sending the session to another path.
        for (String step : List.of(".", "..")) {
            assertThatThrownBy(() -> ApiRequest.delete("/v1/favorites/{service}/{id}").pathParam("service", step))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("service");
        }
        // Encoded forms stay one segment.
        hostile.answer(HostileAnswers.ok("{\"id\":\"1\"}"));
        try (HttpPipeline p = pipeline()) {
            p.execute(ApiRequest.get("/v1/a/{id}/b").pathParam("id", "%2e%2e").build(), ResponseParser.discard());
            assertThat(hostile.lastRequest().path()).isEqualTo("/v1/a/%252e%252e/b");
        }
    }

    @Test
    void aBaseUrlThatCannotBeParsedIsNotEchoedWithItsPassword() {
        // Items 6 and 17: a typed refusal that never repeats user:password@.
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("https://user:hunter2-pw@exa mple.com/api"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("***@");
    }

    @Test
    void pagingEndsWhenTheServerDoesNotAdvance() throws Exception {
        // Item 8: an answer that always says "page 1 of 500" ends the walk; a huge page number cannot overflow.
        hostile.answer(HostileAnswers.ok("{\"page\":1,\"results\":[1,2],\"total_pages\":500}"));
        try (HttpPipeline p = pipeline()) {
            Page<Integer> first = NumberedPages.fetch(p, pages(), 1, 500);
            assertThat(first.autoPager().stream().toList()).containsExactly(1, 2);
            assertThat(hostile.requests()).hasSize(2); // page 2 came back as "page 1": the walk ends there
            hostile.reset();
            hostile.answer(HostileAnswers.ok("{\"page\":2147483647,\"results\":[3],\"total_pages\":2147483647}"));
            assertThat(NumberedPages.fetch(p, pages(), 1, 500).autoPager().stream().toList()).isEmpty();
            assertThat(hostile.requests()).hasSize(1);
            hostile.reset();
            // An honest server whose pages come back empty before the last: the walk ends at the empty one.
            hostile.answer(HostileAnswers.ok("{\"page\":1,\"results\":[],\"total_pages\":500}"));
            assertThat(NumberedPages.fetchAsync(p, pages(), 1, 500).get(10, TimeUnit.SECONDS).autoPagerAsync()
                    .collect(100).get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(hostile.requests()).hasSize(1);
        }
    }

    record PageBody(int page, List<Integer> results, int total_pages) {
    }

    private static java.util.function.IntFunction<ApiCall<NumberedPages.Slice<Integer>>> pages() {
        return n -> new ApiCall<>(ApiRequest.get("/list").query("page", n).build(), r -> {
            PageBody b = r.json(new TypeReference<PageBody>() { });
            return new NumberedPages.Slice<>(b.results(), b.page(), b.total_pages());
        });
    }

    @Test
    void endlessWhiteSpaceAndGzipBombsAreBounded() throws Exception {
        // Item 9: the sniff is bounded, and so is a body read whole (the gzip bomb inflates past the cap).
        for (HostileAnswer answer : List.of(HostileAnswers.endlessWhitespace(), HostileAnswers.gzipBomb(),
                HostileAnswers.hugeBody())) {
            hostile.answer(answer);
            try (HttpPipeline p = pipeline(b -> b.maxResponseBytes(1024 * 1024))) {
                assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.tree()))
                        .as(answer.toString()).isInstanceOf(InvalidResponseException.class)
                        .hasMessageMatching("(?s).*(white space|larger than 1048576 bytes).*");
                assertThatThrownBy(() -> p.executeRaw(secretRequest())).as(answer.toString())
                        .isInstanceOf(LatchkeyException.class);
                CompletableFuture<?> f = p.executeAsync(secretRequest(), ResponseParser.tree());
                assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).as(answer.toString())
                        .hasCauseInstanceOf(InvalidResponseException.class);
            }
        }
        assertThat(counter.open()).isZero();
    }

    @Test
    void anErrorOnTheCallbackThreadStillEndsTheFuture() throws Exception {
        // Item 9: an OutOfMemoryError in an async parser used to kill OkHttp's thread and leave the future hanging.
        hostile.answer(HostileAnswers.ok("{\"id\":\"1\"}"));
        try (HttpPipeline p = pipeline()) {
            CompletableFuture<Object> f = p.executeAsync(secretRequest(), r -> {
                throw new OutOfMemoryError("simulated");
            });
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OutOfMemoryError.class);
        }
        assertThat(counter.open()).isZero();
    }

    @Test
    void aNegativeContentLengthIsAnInvalidAnswer() {
        // Item 10: closing such a body throws IllegalArgumentException, which replaced the typed exception.
        hostile.answer(HostileAnswers.negativeContentLength());
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("Content-Length");
            assertThatThrownBy(() -> p.executeAsync(secretRequest(), ResponseParser.discard()).get(20,
                    TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidResponseException.class);
            assertThatThrownBy(() -> p.stream(secretRequest(), Item.class).toList())
                    .isInstanceOf(InvalidResponseException.class);
        }
    }

    @Test
    void anExplicitNullInARequiredFieldOrAListIsAnInvalidAnswerNamingItsPath() {
        // Items 11 and 12: presence alone is not enough; null elements are refused too.
        try (HttpPipeline p = pipeline()) {
            hostile.answer(HostileAnswers.ok("{\"id\":null,\"name\":\"x\"}"));
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).contains("id"))
                    .hasMessageContaining("GET /v1/items/7");
            hostile.answer(HostileAnswers.ok("[{\"id\":\"1\"},null]"));
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.list(Item.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).contains("[1]"));
            hostile.answer(HostileAnswers.jsonNull());
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("JSON null");
            // A parser refusing a server value (an empty session id) is an invalid answer with method and path.
            hostile.answer(HostileAnswers.ok("{\"id\":\"\"}"));
            assertThatThrownBy(() -> p.execute(secretRequest(), r -> {
                Item item = r.json(Item.class);
                if (item.id().isEmpty()) {
                    throw new InvalidInputException("session id is blank");
                }
                return item;
            })).isInstanceOf(InvalidResponseException.class).hasMessageContaining("GET /v1/items/7")
                    .hasMessageContaining("session id is blank");
        }
    }

    @Test
    void aChallengePageIsNotASuccessForACallThatIgnoresTheBody() {
        // Item 13: a 200 HTML page used to count as success for calls that discard the body.
        for (HostileAnswer answer : List.of(HostileAnswers.htmlChallenge200(), HostileAnswers.htmlWithByteOrderMark())) {
            hostile.answer(answer);
            try (HttpPipeline p = pipeline()) {
                assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.discard()))
                        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("HTML page");
            }
        }
        hostile.answer(HostileAnswers.empty200());
        try (HttpPipeline p = pipeline()) {
            assertThat(p.execute(secretRequest(), ResponseParser.discard())).isNull();
        }
    }

    @Test
    void headerValuesThatHttpCannotCarryAreRefusedWhenGiven() {
        // Item 15: CR, LF and non-ASCII used to throw OkHttp's IllegalArgumentException at call time.
        for (String bad : List.of("a\r\nX-Admin: 1", "caf\u00e9", "tab\u0000")) {
            assertThatThrownBy(() -> ApiRequest.get("/x").secretHeader("Cookie", bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageNotContaining(bad);
        }
    }

    @Test
    void aRetryAfterThatOverflowsIsStillRateLimited() {
        // Item 18: 9223372036854775807 seconds overflowed while the message was built.
        hostile.answer(HostileAnswers.retryAfterOverflow());
        try (HttpPipeline p = pipeline(b -> b.retryPolicy(RetryPolicy.builder().maxRetries(2).build()))) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.error().retryAfter()).isGreaterThan(Duration.ofDays(365)));
            assertThat(hostile.requests()).hasSize(1); // above maxRetryAfter: thrown at once
        }
    }

    @Test
    void aRetryAfterBelowALongsRangeIsNoWaitGiven() {
        // Found by the Eternaltwin fuzzer: -18446744073709551611 was narrowed to its low 64 bits (5 s) before its sign
        // was read; other digits made waits past toMillis()'s range, and the message threw ArithmeticException.
        hostile.answer(HostileAnswers.retryAfterUnderflow());
        RecordingSleeper sleeper = new RecordingSleeper();
        try (HttpPipeline p = pipeline(b -> b.sleeper(sleeper).retryPolicy(RetryPolicy.builder().maxRetries(2)
                .initialBackoff(Duration.ofMillis(100)).build()))) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).isEmpty();
                        assertThat(e.getMessage()).startsWith("HTTP 429 on GET ").doesNotContain("retry-after");
                    });
            assertThat(hostile.requests()).hasSize(3);
            assertThat(sleeper.slept()).hasSize(2).allSatisfy(ms -> assertThat(ms).isLessThan(5_000));
        }
    }

    @Test
    void aCallTimeoutIsATimeoutNotACancel() throws Exception {
        // Item 19: OkHttp cancels a call whose call timeout fired; that is still a timeout (and retried as one).
        hostile.answer(HostileAnswers.trickle());
        try (HttpPipeline p = pipeline(b -> b.callTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            CompletableFuture<Void> f = p.executeAsync(secretRequest(), ResponseParser.discard());
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        }
    }

    @Test
    void aMegabyteIdGivesAShortMessage() {
        // Item 20: messages echo ids and paths, cut to a readable length.
        String id = "1".repeat(1024 * 1024);
        hostile.answer(HostileAnswers.jsonErrorEcho(404));
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(ApiRequest.get("/v1/items/{id}").pathParam("id", id).build(),
                    ResponseParser.discard())).satisfies(e -> assertThat(e.getMessage().length()).isLessThan(2200));
        }
    }

    @Test
    void anHtmlPageAfterAByteOrderMarkIsReportedAsHtml() {
        // Item 21: the byte-order mark hid the '<' from the sniff.
        hostile.answer(HostileAnswers.htmlWithByteOrderMark());
        try (HttpPipeline p = pipeline()) {
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("HTML page titled \"Just a moment");
        }
    }

    @Test
    void atTraceABodyThatBreaksMidReadIsStillClosed() {
        // Item 22: OkHttp's BODY logging buffered the whole body and threw with the response never closed.
        for (HostileAnswer answer : List.of(HostileAnswers.resetMidBody(), HostileAnswers.contentLengthTooLong(),
                HostileAnswers.brokenChunk())) {
            hostile.answer(answer);
            try (LogCapture logs = new LogCapture(); HttpPipeline p = pipeline()) {
                assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                        .as(answer.toString()).isInstanceOf(LatchkeyException.class);
                assertThat(Leaks.find(logs.text(), List.of(COOKIE_VALUE, API_KEY))).isNull();
            }
            assertThat(counter.open()).as(answer.toString()).isZero();
        }
    }

    @Test
    void cancellingADerivedFutureCancelsTheCallInFlight() throws Exception {
        // Item 7: a future derived with thenApply does not cancel its source; Async's chain does.
        hostile.answer(HostileAnswers.silence());
        try (HttpPipeline p = pipeline(b -> b.readTimeout(Duration.ofMinutes(2)).callTimeout(Duration.ofMinutes(2)))) {
            CompletableFuture<Item> call = p.executeAsync(secretRequest(), ResponseParser.json(Item.class));
            CompletableFuture<String> derived = Async.compose(Async.map(call, Item::id),
                    id -> p.executeAsync(secretRequest(), ResponseParser.json(Item.class)).thenApply(Item::id));
            assertThat(hostile.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
            derived.cancel(true);
            assertThat(call).isCancelled();
            assertThat(hostile.awaitClosedByClient(1, Duration.ofSeconds(10))).isTrue();
            assertThat(hostile.requests()).hasSize(1);
        }
    }

    // --- issue 27 ---------------------------------------------------------------------------------------------------

    @Test
    void aSensitiveAnswerThatIsMalformedIsDescribedNotQuoted() {
        // Item 4: a token endpoint answering its token unquoted gave "malformed JSON: Unrecognized token '<token>'".
        hostile.answer(HostileAnswers.malformedIssuedToken());
        try (HttpPipeline p = pipeline()) {
            ApiRequest login = ApiRequest.post("/oauth/token").jsonBody(Map.of("code", "c0de-7f3a9b2e5d1c8046"))
                    .secret("c0de-7f3a9b2e5d1c8046").sensitive().build();
            assertThatThrownBy(() -> p.execute(login, ResponseParser.json(Item.class)))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("malformed JSON at line 1, column")
                    .hasMessageContaining("its text is not quoted")
                    .satisfies(e -> assertThat(Leaks.find(dev.latchkey.core.testing.Traces.printed(e), List.of(HostileAnswers.ISSUED_TOKEN))).isNull());
            // The same answer to a call that is not sensitive still says what Jackson met: the log shows it too.
            hostile.answer(HostileAnswers.malformedIssuedToken());
            assertThatThrownBy(() -> p.execute(secretRequest(), ResponseParser.json(Item.class)))
                    .hasMessageContaining("Unrecognized token");
        }
    }

    @Test
    void terminalEscapesInAnAnswerAreShownInEveryMessage() {
        // Item 1: a 500 body's excerpt reached the user's terminal with its escape sequences intact.
        for (HostileAnswer answer : List.of(HostileAnswers.terminalEscapes(500), HostileAnswers.terminalEscapes(200))) {
            Throwable t = failure(answer, ResponseParser.json(Item.class));
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(c.getMessage()).as(answer.toString()).doesNotContain("\u001B", "\u0007", "\u009B",
                        "\u202E", "\n", "\u2028");
            }
        }
        Throwable t = failure(HostileAnswers.terminalEscapes(500), ResponseParser.discard());
        assertThat(t.getMessage()).contains("Mallory\\u001B]0;pwned\\u0007");
    }
}
