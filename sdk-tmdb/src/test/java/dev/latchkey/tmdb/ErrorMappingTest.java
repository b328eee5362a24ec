package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.testkit.tmdb.TmdbCodes;
import dev.latchkey.tmdb.internal.TmdbErrors;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every TMDb status code in the research table, with its HTTP status and message, to an exception type. */
class ErrorMappingTest {
    static final Map<Integer, Class<? extends LatchkeyException>> EXPECTED = Map.ofEntries(
            Map.entry(2, UnexpectedStatusException.class), Map.entry(3, UnauthorizedException.class),
            Map.entry(4, UnexpectedStatusException.class), Map.entry(5, ValidationException.class),
            Map.entry(6, NotFoundException.class), Map.entry(7, InvalidApiKeyException.class),
            Map.entry(8, ConflictException.class), Map.entry(9, ServerException.class),
            Map.entry(10, InvalidApiKeyException.class), Map.entry(11, ServerException.class),
            Map.entry(14, UnauthorizedException.class), Map.entry(15, ServerException.class),
            Map.entry(16, ForbiddenException.class), Map.entry(17, UnauthorizedException.class),
            Map.entry(18, ValidationException.class), Map.entry(19, ValidationException.class),
            Map.entry(20, ValidationException.class), Map.entry(21, NotFoundException.class),
            Map.entry(22, ValidationException.class), Map.entry(23, ValidationException.class),
            Map.entry(24, ServerException.class), Map.entry(25, RateLimitedException.class),
            Map.entry(26, ValidationException.class), Map.entry(27, ValidationException.class),
            Map.entry(28, ValidationException.class), Map.entry(29, ValidationException.class),
            Map.entry(30, InvalidCredentialsException.class), Map.entry(31, InvalidCredentialsException.class),
            Map.entry(32, InvalidCredentialsException.class), Map.entry(33, InvalidCodeException.class),
            Map.entry(34, NotFoundException.class), Map.entry(35, UnauthorizedException.class),
            Map.entry(36, ForbiddenException.class), Map.entry(37, NotFoundException.class),
            Map.entry(38, ForbiddenException.class), Map.entry(39, ForbiddenException.class),
            Map.entry(40, ValidationException.class), Map.entry(41, UnauthorizedException.class),
            Map.entry(42, UnexpectedStatusException.class), Map.entry(43, ServerException.class),
            Map.entry(44, ServerException.class), Map.entry(45, ForbiddenException.class),
            Map.entry(46, ServerException.class), Map.entry(47, ValidationException.class));

    static Stream<Arguments> codes() {
        return IntStream.of(TmdbCodes.codes()).filter(c -> c != 1 && c != 12 && c != 13)
                .mapToObj(c -> Arguments.of(c, TmdbCodes.httpStatus(c), TmdbCodes.message(c)));
    }

    @ParameterizedTest(name = "code {0} (HTTP {1})")
    @MethodSource("codes")
    void mapsByCode(int code, int status, String message) {
        String body = "{\"success\":false,\"status_code\":" + code + ",\"status_message\":\"" + message + "\"}";
        ErrorResponse r = ErrorResponse.of(status, "GET", "/3/x?api_key=***", Headers.of(), body, "req-1", null,
                UnaryOperator.identity());
        LatchkeyException e = TmdbClient.SPEC.mapError(null, r);
        assertThat(e).isExactlyInstanceOf(EXPECTED.get(code));
        assertThat(e.getMessage()).isEqualTo("HTTP " + status + " on GET /3/x?api_key=***: " + message + " (code: " + code
                + ", request-id: req-1)");
        assertThat(((ApiException) e).providerCode()).contains(String.valueOf(code));
    }

    @Test
    void everyCodeOfTheTableIsCovered() {
        assertThat(EXPECTED).hasSize(TmdbCodes.codes().length - 3);
    }

    @Test
    void thePageEnvelopeAndBodiesWithoutACodeFallBackToTheStatus() {
        ErrorResponse page = ErrorResponse.of(422, "GET", "/3/account/1/favorite/movies?page=501", Headers.of(),
                "{\"errors\":[\"page must be less than or equal to 500\"]}", null, null, UnaryOperator.identity());
        assertThat(TmdbClient.SPEC.mapError(null, page)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("page must be less than or equal to 500");
        ErrorResponse html = ErrorResponse.of(502, "GET", "/3/x", Headers.of(),
                "<html><title>502 Bad Gateway</title></html>", null, null, UnaryOperator.identity());
        assertThat(TmdbClient.SPEC.mapError(null, html)).isInstanceOf(ServerException.class).hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void ratingRefusalsNameTheRule() {
        ErrorResponse r = ErrorResponse.of(400, "POST", "/3/movie/1/rating", Headers.of(), "{\"success\":false,"
                + "\"status_code\":18,\"status_message\":\"Value too high: Value must be less than, or equal to 10.0.\"}",
                null, null, UnaryOperator.identity());
        assertThat(TmdbClient.SPEC.mapError(null, r)).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.failedRules()).containsExactly(TmdbErrors.RATING_RULE));
    }

    @Test
    void aDeletedGuestSessionSaysWhy() {
        ErrorResponse r = ErrorResponse.of(401, "POST", "/3/movie/550/rating?guest_session_id=***", Headers.of(),
                "{\"success\":false,\"status_code\":3,\"status_message\":\"Authentication failed\"}", null, null,
                UnaryOperator.identity());
        assertThat(TmdbClient.SPEC.mapError(TmdbErrors.GUEST, r)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("not used within 24 hours");
    }
}
