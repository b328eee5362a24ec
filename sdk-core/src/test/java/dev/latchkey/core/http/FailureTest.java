package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTest {

    record Item(@JsonProperty(required = true) int id, @JsonProperty(required = true) String name,
            Optional<String> note) {
    }

    record Listing(@JsonProperty(required = true) List<Item> results) {
    }

    private static Fixture noRetries() {
        return new Fixture(b -> b.retryPolicy(RetryPolicy.none()));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, ValidationException.class), Arguments.of(422, ValidationException.class),
                Arguments.of(401, UnauthorizedException.class), Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class), Arguments.of(410, NotFoundException.class),
                Arguments.of(409, ConflictException.class), Arguments.of(429, RateLimitedException.class),
                Arguments.of(500, ServerException.class), Arguments.of(503, ServerException.class),
                Arguments.of(418, UnexpectedStatusException.class), Arguments.of(302, UnexpectedStatusException.class));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @MethodSource("statuses")
    void defaultMappingByStatusKeepsCodeMessageAndRequestId(int status, Class<? extends ApiException> type) {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(status).setHeader("X-Request-Id", "req-123")
                    .body("{\"code\":\"E42\",\"message\":\"it went wrong\"}").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/things/{id}").pathParam("id", "7")
                    .query("page", 2).build(), ResponseParser.discard()))
                    .isExactlyInstanceOf(type)
                    .hasMessage("HTTP " + status + " on GET /things/7?page=2: it went wrong (code: E42, request-id: "
                            + "req-123)")
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.providerCode()).contains("E42");
                        assertThat(e.serverMessage()).contains("it went wrong");
                        assertThat(e.requestId()).contains("req-123");
                        assertThat(e.method()).isEqualTo("GET");
                        assertThat(e.path()).isEqualTo("/things/7?page=2");
                    });
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aBodyThatIsNotJsonNeverHidesTheStatus() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>").build());
            f.enqueue(new MockResponse.Builder().code(500).body("").build());
            f.enqueue(new MockResponse.Builder().code(503).body("upstream overloaded").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/a").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class)
                    .hasMessage("HTTP 502 on GET /a: HTML page \"502 Bad Gateway\" instead of data");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/b").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class).hasMessage("HTTP 500 on GET /b: Internal Server Error");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/c").build(), ResponseParser.discard()))
                    .isInstanceOf(ServerException.class).hasMessage("HTTP 503 on GET /c: upstream overloaded");
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void endpointMapperComesFirstThenProviderMapperThenDefault() {
        ErrorMapper providerMapper = r -> r.status() == 409 ? new ConflictException(r.error("already", "dup")) : null;
        ProviderSpec spec = new ProviderSpec("p", "https://example.invalid", providerMapper, Map.of(), null);
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none()), spec)) {
            f.enqueue(400, "{\"error\":\"bad login\"}").enqueue(409, "{}").enqueue(404, "{}");
            ApiRequest login = ApiRequest.post("/login").jsonBody(Map.of()).errorMapper(
                    r -> r.status() == 400 ? new InvalidCredentialsException(r.error()) : null).build();
            assertThatThrownBy(() -> f.pipeline.execute(login, ResponseParser.discard()))
                    .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("bad login");
            assertThatThrownBy(() -> f.pipeline.execute(login, ResponseParser.discard()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("dup (code: already)");
            assertThatThrownBy(() -> f.pipeline.execute(login, ResponseParser.discard()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void redirectsAreReportedNotFollowed() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/login?next=/fav").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/fav").build(), ResponseParser.discard()))
                    .isInstanceOf(UnexpectedStatusException.class)
                    .hasMessageContaining("HTTP 302 on GET /fav");
            assertThat(f.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void truncatedJsonIsAnInvalidResponse() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"na");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.getMessage()).startsWith("GET /l (HTTP 200, application/json): truncated JSON");
                        assertThat(e.status()).isEqualTo(200);
                    });
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aBodyCutInsideALiteralIsStillTruncatedNotMalformed() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\":[{\"id\":1,\"name\":\"a\",\"flag\":fa");
            f.enqueue(200, "{\"results\": [1, 2,, 3]}  ");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("truncated JSON");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(), ResponseParser.tree()))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void malformedJsonIsAnInvalidResponse() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\": [1, 2,, 3]}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(), ResponseParser.tree()))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\":[{\"id\":1,\"name\":\"a\"},{\"id\":2}]}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.field()).contains("results[1].name");
                        assertThat(e.getMessage()).contains("missing required field 'results[1].name'");
                    });
        }
    }

    @Test
    void aWrongTypedFieldIsNamedByItsPath() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\":[{\"id\":{\"nested\":true},\"name\":\"a\"}]}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.field()).contains("results[0].id");
                        assertThat(e.getMessage()).contains("unexpected JSON at results[0].id");
                    });
        }
    }

    @Test
    void aSecretInAWrongTypedFieldAppearsNowhereInTheExceptionChain() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"results\":[{\"id\":\"tok_live_SECRET_9f8e\",\"name\":\"a\"}]}");
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> f.pipeline.execute(ApiRequest.get("/l")
                    .secret("tok_live_SECRET_9f8e").build(), ResponseParser.json(Listing.class)));
            assertThat(t).isInstanceOf(InvalidResponseException.class).hasMessageContaining("results[0].id");
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain("tok_live_SECRET_9f8e");
            }
        }
    }

    @Test
    void anEmptyBodyIsAnInvalidResponse() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("empty body where JSON was expected");
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void anHtmlPageWhereJsonWasExpectedSaysSo() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .body("\n<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.contentType()).contains("text/html");
                        assertThat(e.getMessage()).contains("an HTML page titled \"Just a moment...\" where JSON "
                                + "was expected").contains("body starts: \"<!DOCTYPE html>");
                    });
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void jsonIsReadWhateverTheContentTypeSays() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/css")
                    .body("{\"results\":[{\"id\":1,\"name\":\"a\"}]}").build());
            Listing l = f.pipeline.execute(ApiRequest.get("/l").build(), ResponseParser.json(Listing.class));
            assertThat(l.results()).containsExactly(new Item(1, "a", Optional.empty()));
        }
    }

    @Test
    void aProviderParserThatTripsBecomesAnInvalidResponseNotAnNpe() {
        try (Fixture f = noRetries()) {
            f.enqueue(200, "{\"a\":null}");
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/l").build(),
                    r -> r.tree().get("missing").asText()))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("could not read the answer (NullPointerException)");
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aResetIsATransportException() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/r").build(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET);
                        assertThat(e.getMessage()).startsWith("GET /r: connection reset");
                    });
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aResetInTheMiddleOfTheBodyIsATransportException() {
        try (Fixture f = noRetries()) {
            f.enqueue(new MockResponse.Builder().code(200).body("{\"results\":[" + "{\"id\":1,\"name\":\"x\"},".repeat(2000)
                    + "{\"id\":1,\"name\":\"x\"}]}").onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/r").build(),
                    ResponseParser.json(Listing.class)))
                    .isInstanceOfAny(TransportException.class, InvalidResponseException.class);
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aStalledServerIsATimeout() {
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)))) {
            f.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
            assertThatThrownBy(() -> f.pipeline.execute(ApiRequest.get("/slow").build(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            assertThat(f.counter.open()).isZero();
        }
    }

    @Test
    void aRefusedConnectionIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl("http://127.0.0.1:" + port)
                .retryPolicy(RetryPolicy.none()).build(), ProviderSpec.of("t", "https://x.invalid"))) {
            assertThatThrownBy(() -> p.execute(ApiRequest.get("/x").build(), ResponseParser.discard()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT));
        }
    }

    @Test
    void asyncFailuresCloseEveryResponseToo() throws Exception {
        try (Fixture f = noRetries()) {
            f.enqueue(404, "{}").enqueue(200, "{\"results\":[{\"id\":1").enqueue(200, "<html></html>");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> f.pipeline.executeAsync(ApiRequest.get("/x").build(),
                        ResponseParser.json(Listing.class)).get(5, TimeUnit.SECONDS))
                        .cause().isInstanceOfAny(NotFoundException.class, InvalidResponseException.class);
            }
            assertThat(f.counter.total()).isEqualTo(3);
            assertThat(f.counter.open()).isZero();
        }
    }
}
