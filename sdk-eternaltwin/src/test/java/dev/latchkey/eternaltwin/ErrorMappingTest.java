package dev.latchkey.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.eternaltwin.internal.EternaltwinErrors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eternaltwin's answers (research section 1.4 and 2, and RFC 6749's for a standard server), as a table: endpoint,
 * status and body in; exception type, provider code and message out.
 */
class ErrorMappingTest {
    static final String TOKEN = "/oauth/token";
    static final String USER = "/api/v1/users/not-a-uuid";

    static Stream<Arguments> table() {
        return Stream.of(
            row(TOKEN, 401, "{\"error\":\"Unauthorized\",\"cause\":\"Unauthenticated\"}",
                InvalidCredentialsException.class, "Unauthenticated", "refused the client id or client secret"),
            row(TOKEN, 401, "{\"error\":\"Unauthorized\",\"cause\":\"CodeExpiredError\"}",
                InvalidCodeException.class, "CodeExpiredError", "expired: start the login again"),
            row(TOKEN, 401, "{\"error\":\"Unauthorized\",\"cause\":\"CodeAlreadyUsedError\"}",
                InvalidCodeException.class, "CodeAlreadyUsedError", "already used: start the login again"),
            row(TOKEN, 400, "{\"error\":\"OauthCodeFormatError\"}",
                InvalidCodeException.class, "OauthCodeFormatError", "not one Eternaltwin issued"),
            row(TOKEN, 400, "{\"error\":\"OauthCodeTimeError\"}",
                InvalidCodeException.class, "OauthCodeTimeError", "expired"),
            row(TOKEN, 400, "{\"error\":\"MissingCode\"}",
                InvalidCodeException.class, "MissingCode", "missing"),
            row(TOKEN, 401, "{\"error\":\"WrongClient\"}",
                InvalidCodeException.class, "WrongClient", "issued to another client"),
            row(TOKEN, 400, "{\"error\":\"InvalidCodeVerifier\"}",
                InvalidCodeException.class, "InvalidCodeVerifier", "PKCE verifier"),
            row(TOKEN, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}",
                InvalidCodeException.class, "invalid_grant", "expired, used or unknown"),
            row(TOKEN, 401, "{\"error\":\"invalid_client\"}",
                InvalidCredentialsException.class, "invalid_client", "refused the client id"),
            row(TOKEN, 401, "",
                InvalidCredentialsException.class, null, "refused the client id or client secret"),
            row(TOKEN, 400, "{\"error\":\"UnsupportedGrantType\"}",
                ValidationException.class, "UnsupportedGrantType", "does not support this grant"),
            row(TOKEN, 429, "",
                RateLimitedException.class, null, "HTTP 429"),
            // Eternaltwin's bare 500s (etwin @ 1241847): the token endpoint's, and any call with an unknown token
            row(TOKEN, 500, "Internal Server Error",
                ServerException.class, null, "wrong client id or client secret (the usual cause"),
            row(TOKEN, 500, "<html><title>Internal Server Error</title></html>",
                ServerException.class, null, "start the login again with a fresh code"),
            row("/api/v1/auth/self", 500, "Internal Server Error",
                ServerException.class, null, "a token it does not know (never issued, or lost by the server): log in again"),
            row("/api/v1/users", 405, "Method Not Allowed",
                SearchNotSupportedException.class, null, "this Eternaltwin server has no user search"),
            row(USER, 422, "{\"error\":\"InvalidId\"}",
                ValidationException.class, "InvalidId", "not a user id"),
            row(USER, 404, "{\"error\":\"UserNotFound\"}",
                NotFoundException.class, "UserNotFound", "no such user"),
            row("/api/v1/users", 422, "{\"error\":\"InvalidLimit\"}",
                ValidationException.class, "InvalidLimit", "page size"),
            row("/api/v1/auth/self", 401, "{\"error\":\"Unauthorized\"}",
                UnauthorizedException.class, "Unauthorized", "Unauthorized"),
            row("/api/v1/users", 418, "{\"error\":\"Teapot\"}",
                UnexpectedStatusException.class, "Teapot", "Teapot"),
            row("/api/v1/users", 503, "upstream down",
                ServerException.class, null, "upstream down"));
    }

    static Arguments row(String path, int status, String body, Class<? extends LatchkeyException> type,
            String code, String message) {
        return Arguments.of(path, status, body, type, code, message);
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @MethodSource("table")
    void maps(String path, int status, String body, Class<? extends LatchkeyException> type, String code,
            String message) {
        String method = path.equals(TOKEN) ? "POST" : "GET";
        ErrorResponse r = ErrorResponse.of(status, method, path, Headers.of(), body, null, null,
                UnaryOperator.identity());
        ErrorMapper endpoint = switch (path) {
            case TOKEN -> EternaltwinErrors.TOKEN;
            case "/api/v1/users" -> EternaltwinErrors.SEARCH;
            case "/api/v1/auth/self" -> EternaltwinErrors.WITH_TOKEN;
            default -> null;
        };
        LatchkeyException e = EternaltwinClient.SPEC.mapError(endpoint, r);
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getMessage()).startsWith("HTTP " + status + " on " + method + " " + path).contains(message);
        if (code != null) {
            assertThat(((ApiException) e).providerCode()).contains(code);
        }
    }
}
