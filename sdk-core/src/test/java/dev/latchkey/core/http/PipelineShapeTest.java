package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's parts one by one (issue 12): the one error-mapper chain, the pure failure classification, the
 * per-attempt time limit, per-call options and raw answers on {@link ApiCall}, and what exceptions keep.
 */
class PipelineShapeTest {

    private static ErrorResponse error(int status, String body) {
        return ErrorResponse.of(status, "GET", "/x", Headers.of(), body, null, null, null);
    }

    @Test
    void theChainAsksEachMapperInTurnSkipsNullsAndFallsBackToTheDefault() {
        ErrorMapper endpoint = r -> r.status() == 409 ? new ConflictException(r.error()) : null;
        ErrorMapper provider = r -> r.status() == 409 || r.status() == 404 ? new ServerException(r.error()) : null;
        ErrorMapper chain = ErrorMapper.chain(null, endpoint, provider);
        assertThat(chain.map(error(409, ""))).isExactlyInstanceOf(ConflictException.class); // first claim wins
        assertThat(chain.map(error(404, ""))).isExactlyInstanceOf(ServerException.class); // the provider's
        assertThat(chain.map(error(429, ""))).isExactlyInstanceOf(RateLimitedException.class); // the default
        assertThat(ErrorMapper.chain().map(error(400, ""))).isExactlyInstanceOf(ValidationException.class);
    }

    @Test
    void providerSpecMapsErrorsThroughTheChainEndpointFirst() {
        ProviderSpec spec = new ProviderSpec("p", "https://example.invalid",
                r -> r.status() == 404 ? new ServerException(r.error()) : null, null, null);
        ErrorMapper endpoint = r -> r.status() == 404 ? new ConflictException(r.error()) : null;
        assertThat(spec.mapError(endpoint, error(404, ""))).isExactlyInstanceOf(ConflictException.class);
        assertThat(spec.mapError(null, error(404, ""))).isExactlyInstanceOf(ServerException.class);
        assertThat(spec.mapError(null, error(410, ""))).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void thePipelineRunsTheEndpointMapperBeforeTheProviders() {
        ProviderSpec spec = new ProviderSpec("p", "https://example.invalid",
                r -> new ServerException(r.error()), null, null);
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none()), spec)) {
            f.enqueue(409, "{}").enqueue(409, "{}");
            ApiRequest claimed = ApiRequest.get("/a").errorMapper(r -> new ConflictException(r.error())).build();
            assertThatThrownBy(() -> f.pipeline.execute(claimed, ResponseParser.discard()))
                    .isExactlyInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isExactlyInstanceOf(ServerException.class);
        }
    }

    @Test
    void failuresAreClassifiedWithoutAServer() {
        assertThat(Failures.kindOf(new SocketTimeoutException("read timed out"), false))
                .isEqualTo(TransportException.Kind.TIMEOUT);
        // OkHttp cancels a call whose call timeout fired: still a timeout, not a cancellation.
        assertThat(Failures.kindOf(new InterruptedIOException("timeout"), true)).isEqualTo(TransportException.Kind.TIMEOUT);
        assertThat(Failures.kindOf(new IOException("Canceled"), true)).isEqualTo(TransportException.Kind.CANCELED);
        assertThat(Failures.kindOf(new ConnectException("refused"), false)).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(Failures.kindOf(new SocketException("reset"), false)).isEqualTo(TransportException.Kind.RESET);
        assertThat(Failures.kindOf(new EOFException(), false)).isEqualTo(TransportException.Kind.RESET);
        assertThat(Failures.kindOf(new IOException("x", new EOFException()), false))
                .isEqualTo(TransportException.Kind.RESET);
        assertThat(Failures.kindOf(new ProtocolException("bad"), false)).isEqualTo(TransportException.Kind.RESET);
        assertThat(Failures.kindOf(new IOException("other"), false)).isEqualTo(TransportException.Kind.OTHER);
    }

    @Test
    void aConnectionLostWhileJacksonBindsIsATransportFailureNotAMalformedAnswer() {
        BodyView view = new BodyView(200, Headers.of(), okhttp3.HttpUrl.get("http://h.invalid/a"),
                new okio.Buffer(), new Origin(ApiRequest.get("/a").build(), List.of()), 100);
        IOException lost = new ProtocolException("unexpected end of stream");
        LatchkeyException e = Failures.read(view,
                new com.fasterxml.jackson.databind.JsonMappingException(null, "while binding", lost));
        assertThat(e).isInstanceOfSatisfying(TransportException.class,
                t -> assertThat(t.kind()).isEqualTo(TransportException.Kind.RESET));
        assertThat(Failures.read(view, com.fasterxml.jackson.databind.JsonMappingException.fromUnexpectedIOE(lost)))
                .isInstanceOf(TransportException.class);
        assertThat(Failures.read(view, new com.fasterxml.jackson.core.JsonParseException(null, "bad")))
                .isInstanceOf(InvalidResponseException.class);
    }

    @Test
    void whatIsRetriedIsDecidedWithoutAServer() {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30)).build();
        for (int status : new int[] {408, 429, 502, 503, 504}) {
            assertThat(Failures.isRetryable(apiError(status, null), policy)).as("HTTP %d", status).isTrue();
        }
        for (int status : new int[] {400, 401, 404, 409, 500, 501}) {
            assertThat(Failures.isRetryable(apiError(status, null), policy)).as("HTTP %d", status).isFalse();
        }
        assertThat(Failures.isRetryable(apiError(429, Duration.ofSeconds(30)), policy)).isTrue();
        assertThat(Failures.isRetryable(apiError(429, Duration.ofSeconds(31)), policy)).isFalse();
        assertThat(Failures.isRetryable(new TransportException(TransportException.Kind.RESET, "GET", "/", null, "r"),
                policy)).isTrue();
        assertThat(Failures.isRetryable(new TransportException(TransportException.Kind.CANCELED, "GET", "/", null,
                "c"), policy)).isFalse();
        assertThat(Failures.isRetryable(new InvalidInputException("x"), policy)).isFalse();
    }

    private static ApiException apiError(int status, Duration retryAfter) {
        return ErrorResponse.byStatus(new ApiError(status, "GET", "/", null, null, null, retryAfter));
    }

    @Test
    void anAttemptIsBoundedByItsTimeoutAndTheDeadlineAndZeroMeansNone() {
        long none = Long.MAX_VALUE;
        assertThat(PreparedCall.attemptLimitMillis(5_000, none, 0)).isEqualTo(5_000);
        assertThat(PreparedCall.attemptLimitMillis(0, none, 0)).isZero(); // OkHttp's "no timeout"
        assertThat(PreparedCall.attemptLimitMillis(5_000, 10_000, 8_000)).isEqualTo(2_000);
        assertThat(PreparedCall.attemptLimitMillis(0, 10_000, 8_000)).isEqualTo(2_000);
        assertThat(PreparedCall.attemptLimitMillis(5_000, 10_000, 0)).isEqualTo(5_000);
        // Past the deadline: 1 ms, which fails at once, never 0 (which would mean no limit at all).
        assertThat(PreparedCall.attemptLimitMillis(5_000, 10_000, 12_000)).isEqualTo(1);
        assertThat(PreparedCall.attemptLimitMillis(0, 10_000, 12_000)).isEqualTo(1);
    }

    @Test
    void callAndTotalTimeoutsMayBeTurnedOffButNotNegative() {
        ClientOptions o = ClientOptions.builder().callTimeout(Duration.ZERO).totalTimeout(Duration.ZERO).build();
        assertThat(o.callTimeout()).isZero();
        assertThat(o.totalTimeout()).isZero();
        assertThatThrownBy(() -> ClientOptions.builder().callTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().totalTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalTimeout");
        assertThat(RequestOptions.builder().timeout(Duration.ZERO).build().timeout()).contains(Duration.ZERO);
    }

    @Test
    void withNoTimeoutsACallStillRunsAndAnswers() {
        try (Fixture f = new Fixture(b -> b.callTimeout(Duration.ZERO).totalTimeout(Duration.ZERO))) {
            f.enqueue(200, "{\"a\":1}");
            Map<Object, Object> answer = f.pipeline.execute(ApiRequest.get("/a").build(), r -> r.json(Map.class));
            assertThat(answer).containsEntry("a", 1);
        }
    }

    @Test
    void anApiCallTakesPerCallOptionsAndGivesTheRawAnswer() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(200).setHeader("X-Request-Id", "rq-9")
                    .setHeader("X-RateLimit-Remaining", "4").body("{\"a\":1}").build());
            ApiCall<Map> call = new ApiCall<>(ApiRequest.get("/a").build(), r -> r.json(Map.class));
            RawResponse raw = call.withOptions(RequestOptions.builder().header("X-Trace", "t1").build())
                    .executeRaw(f.pipeline);
            assertThat(f.take().getHeaders().get("X-Trace")).isEqualTo("t1");
            assertThat(raw.status()).isEqualTo(200);
            assertThat(raw.requestId()).contains("rq-9");
            assertThat(raw.headers().get("X-RateLimit-Remaining")).isEqualTo("4");
            Map<Object, Object> parsed = raw.parse(Map.class);
            assertThat(parsed).containsEntry("a", 1);
            // The call itself is unchanged: options live on the copy.
            assertThat(call.request().options().headers()).isEmpty();
        }
    }

    @Test
    void perCallHeadersHttpCannotCarryFailWhereTheyAreGiven() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X-A", "v\r\nX-Injected: 1"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> RequestOptions.builder().header("X A", "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ClientOptions.builder().header("X-A", "caf\u00e9"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestOptions.builder().header(null, "v")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBrokenSuccessCarriesTheRequestIdSupportAsksFor() {
        try (Fixture f = new Fixture()) {
            f.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .setHeader("X-Request-Id", "rq-77").body("<html><title>Just a moment</title></html>").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), r -> r.json(Map.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.requestId()).contains("rq-77");
                        assertThat(e.getMessage()).contains("request-id: rq-77").contains("GET /a");
                    });
        }
    }

    @Test
    void anApiExceptionKeepsTheAnswersHeadersScrubbedAndCredentialsMasked() {
        String secret = "Qz7vKp2mWx9rTb4n";
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none()))) {
            f.enqueue(new MockResponse.Builder().code(429).setHeader("X-RateLimit-Reset", "1700000000")
                    .setHeader("Set-Cookie", "session=abcdefgh12345678").setHeader("X-Echo", "k=" + secret)
                    .body("{}").build());
            ApiRequest request = ApiRequest.get("/a").secretQuery("api_key", secret).build();
            assertThatThrownBy(() -> f.pipeline.execute(request, ResponseParser.discard()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.header("x-ratelimit-reset")).contains("1700000000"); // names case-insensitive
                        assertThat(e.header("Set-Cookie")).contains("***");
                        assertThat(e.header("X-Echo")).hasValueSatisfying(v -> assertThat(v).doesNotContain(secret));
                        assertThat(e.error().headers().toString()).doesNotContain("abcdefgh12345678", secret);
                    });
        }
    }

    @Test
    void anApiExceptionSurvivesSerializationWithItsFacts() throws Exception {
        ApiError error = new ApiError(503, "GET", "/a", "E1", "down", "rq-1", Duration.ofSeconds(5),
                Map.of("Retry-After", List.of("5")));
        ApiException original = ErrorResponse.byStatus(error);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.requestId()).contains("rq-1");
            assertThat(e.providerCode()).contains("E1");
            assertThat(e.header("retry-after")).contains("5");
            assertThat(e.error().retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(e.getMessage()).isEqualTo(original.getMessage());
        });
    }

    @Test
    void anExceptionKeepsBoundedHeaders() {
        Headers.Builder many = new Headers.Builder();
        for (int i = 0; i < 200; i++) {
            many.add("X-H" + i, "v".repeat(2_000));
        }
        LatchkeyException e = ErrorMapper.DEFAULT.map(ErrorResponse.of(500, "GET", "/", many.build(), "", null, null,
                null));
        Map<String, List<String>> kept = ((ApiException) e).error().headers();
        assertThat(kept).hasSizeLessThanOrEqualTo(64);
        assertThat(kept.values()).allSatisfy(v -> assertThat(v.get(0).length()).isLessThanOrEqualTo(520));
    }

    @Test
    void noRetryContextMeansGiveUp() {
        assertThat(RetryLoop.nextDelay(null, new InvalidInputException("x"), null)).isEqualTo(-1);
    }

    @Test
    void theDerivedClientKeepsTheCallersTimeoutsAndOverridesOnlyWhatTheSdkRestsOn() {
        okhttp3.OkHttpClient callers = new okhttp3.OkHttpClient.Builder().readTimeout(java.time.Duration.ofMillis(200))
                .callTimeout(java.time.Duration.ofSeconds(5)).followRedirects(true).retryOnConnectionFailure(true)
                .build();
        try (HttpPipeline p = HttpPipeline.create(ClientOptions.builder().httpClient(callers).build(),
                ProviderSpec.of("t", "https://x.invalid"))) {
            okhttp3.OkHttpClient derived = p.client();
            assertThat(derived.readTimeoutMillis()).isEqualTo(200);
            assertThat(derived.callTimeoutMillis()).isEqualTo(5_000);
            assertThat(derived.connectTimeoutMillis()).isEqualTo(callers.connectTimeoutMillis());
            assertThat(derived.followRedirects()).isFalse();
            assertThat(derived.retryOnConnectionFailure()).isFalse();
            assertThat(derived.cookieJar()).isSameAs(okhttp3.CookieJar.NO_COOKIES);
            assertThat(derived.connectionPool()).isSameAs(callers.connectionPool());
        }
    }
}
