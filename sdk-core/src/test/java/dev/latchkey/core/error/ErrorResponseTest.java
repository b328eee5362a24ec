package dev.latchkey.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** What core reads from an error answer before any provider mapper: the generic envelope, pages, text, statuses. */
class ErrorResponseTest {
    private static ErrorResponse r(int status, String contentType, String body) {
        Headers h = contentType == null ? Headers.of() : Headers.of("Content-Type", contentType);
        return ErrorResponse.of(status, "GET", "/p", h, body, "rq", Duration.ofSeconds(2),
                s -> s.replace("SECRET", "***"));
    }

    @Test
    void theGenericEnvelopeGivesMessageAndCode() {
        assertThat(r(400, null, "{\"message\":\"m1\",\"code\":\"C1\"}").error())
                .satisfies(e -> assertThat(e.serverMessage()).isEqualTo("m1"))
                .satisfies(e -> assertThat(e.providerCode()).isEqualTo("C1"));
        assertThat(r(400, null, "{\"status_message\":\"m2\",\"status_code\":34}").error().providerCode()).isEqualTo("34");
        assertThat(r(400, null, "{\"error_description\":\"m3\",\"error\":\"invalid_grant\"}").error())
                .satisfies(e -> assertThat(e.serverMessage()).isEqualTo("m3"))
                .satisfies(e -> assertThat(e.providerCode()).isEqualTo("invalid_grant"));
        assertThat(r(400, null, "{\"detail\":\"m4\"}").error().serverMessage()).isEqualTo("m4");
        assertThat(r(400, null, "{\"error\":\"only\"}").error())
                .satisfies(e -> assertThat(e.serverMessage()).isEqualTo("only"))
                .satisfies(e -> assertThat(e.providerCode()).isNull());
        assertThat(r(422, null, "{\"errors\":[\"page must be less than 500\"]}").error().serverMessage())
                .isEqualTo("page must be less than 500");
        assertThat(r(422, null, "{\"errors\":[]}").error().serverMessage()).isNull();
        assertThat(r(400, null, "\"just text\"").error().serverMessage()).isEqualTo("just text");
        assertThat(r(400, null, "{\"message\":null,\"code\":{\"x\":1}}").error())
                .satisfies(e -> assertThat(e.serverMessage()).isNull())
                .satisfies(e -> assertThat(e.providerCode()).isNull());
        // With both an error code and a code, the code field wins and the error field is not a second code.
        assertThat(r(400, null, "{\"message\":\"m\",\"code\":\"C\",\"error\":\"E\"}").error().providerCode())
                .isEqualTo("C");
    }

    @Test
    void pagesTextAndEmptyBodiesStillSayWhatHappened() {
        ErrorResponse page = r(503, "text/html; charset=utf-8", "<html><head><title>Bad Gateway</title></head></html>");
        assertThat(page.isHtml()).isTrue();
        assertThat(page.error().serverMessage()).isEqualTo("HTML page \"Bad Gateway\" instead of data");
        ErrorResponse untitled = r(503, "text/html", "<p>down</p>");
        assertThat(untitled.error().serverMessage()).isEqualTo("HTML page instead of data");
        ErrorResponse htmlTypedJson = r(400, "text/html", "{\"message\":\"json after all\"}");
        assertThat(htmlTypedJson.isHtml()).isFalse();
        assertThat(htmlTypedJson.error().serverMessage()).isEqualTo("json after all");
        assertThat(r(500, "text/plain", "plain SECRET failure").error().serverMessage())
                .isEqualTo("plain *** failure");
        assertThat(r(500, null, "   ").error().serverMessage()).isNull();
        assertThat(r(500, null, "").json()).isEmpty();
        assertThat(r(500, null, "not json").json()).isEmpty();
    }

    @Test
    void itKeepsTheFactsOfTheAnswer() {
        ErrorResponse e = r(429, "application/json", "{\"message\":\"slow SECRET down\"}");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/p");
        assertThat(e.contentType()).contains("application/json");
        assertThat(e.header("content-type")).contains("application/json");
        assertThat(e.header("X-None")).isEmpty();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.body()).contains("SECRET");
        assertThat(e.excerpt()).doesNotContain("SECRET");
        assertThat(e.scrub("a SECRET b")).isEqualTo("a *** b");
        assertThat(e.scrub(null)).isNull();
        assertThat(e.excerpt(null, 5)).isNull();
        ApiError facts = e.error();
        assertThat(facts.requestId()).isEqualTo("rq");
        assertThat(facts.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(facts.serverMessage()).isEqualTo("slow *** down");
        ErrorResponse bare = ErrorResponse.of(500, "GET", "/", null, null, null, null, null);
        assertThat(bare.body()).isEmpty();
        assertThat(bare.headers().size()).isZero();
        assertThat(bare.scrub("x")).isEqualTo("x");
    }

    @Test
    void statusesMapToTheTaxonomy() {
        int[] statuses = {400, 422, 401, 403, 404, 410, 409, 429, 500, 599, 418, 302, 600};
        Class<?>[] types = {ValidationException.class, ValidationException.class, UnauthorizedException.class,
            ForbiddenException.class, NotFoundException.class, NotFoundException.class, ConflictException.class,
            RateLimitedException.class, ServerException.class, ServerException.class, UnexpectedStatusException.class,
            UnexpectedStatusException.class, UnexpectedStatusException.class};
        for (int i = 0; i < statuses.length; i++) {
            assertThat(ErrorResponse.byStatus(new ApiError(statuses[i], "GET", "/", null, null, null, null)))
                    .as("HTTP %d", statuses[i]).isExactlyInstanceOf(types[i]);
        }
    }

    @Test
    void theMessageSaysStatusMethodPathAndTheFacts() {
        assertThat(new ApiError(404, "GET", "/x", null, null, null, null).describe())
                .isEqualTo("HTTP 404 on GET /x: Not Found");
        assertThat(new ApiError(429, "POST", "/y", "25", "slow", "r1", Duration.ofMillis(1500)).describe())
                .isEqualTo("HTTP 429 on POST /y: slow (code: 25, request-id: r1, retry-after: 1.5s)");
        assertThat(new ApiError(503, "GET", "/z", null, " ", null, Duration.ofSeconds(3)).describe())
                .isEqualTo("HTTP 503 on GET /z: Service Unavailable (retry-after: 3.0s)");
        assertThat(new ApiError(502, "GET", "/", null, null, "r", null).describe()).endsWith("Bad Gateway (request-id: r)");
        // Any Duration may be given: past 292 million years toMillis() overflows, and the message must still build.
        assertThat(new ApiError(429, "GET", "/", null, null, null, Duration.ofSeconds(Long.MAX_VALUE)).describe())
                .endsWith("(retry-after: " + (double) Long.MAX_VALUE + "s)");
        assertThat(new ApiError(429, "GET", "/", null, null, null, Duration.ofSeconds(Long.MIN_VALUE)).describe())
                .endsWith("(retry-after: " + (double) Long.MIN_VALUE + "s)");
        assertThat(new ApiError(429, "GET", "/", null, null, null, Duration.ofMillis(-1500)).describe())
                .endsWith("(retry-after: -1.5s)");
        int[] known = {400, 401, 403, 404, 405, 408, 409, 410, 422, 429, 500, 502, 503, 504};
        for (int s : known) {
            assertThat(ApiError.reasonPhrase(s)).as("HTTP %d", s).doesNotStartWith("HTTP status");
        }
        assertThat(ApiError.reasonPhrase(499)).isEqualTo("HTTP status 499");
        ApiError e = new ApiError(400, "GET", "/", "c", "m", null, null);
        assertThat(e.code()).contains("c");
        assertThat(e.withCodeAndMessage("d", "n")).satisfies(x -> assertThat(x.providerCode()).isEqualTo("d"))
                .satisfies(x -> assertThat(x.serverMessage()).isEqualTo("n"));
    }
}
