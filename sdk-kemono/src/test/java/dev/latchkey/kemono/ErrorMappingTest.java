package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.kemono.internal.KemonoErrors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kemono's answers, as a table: endpoint, status, headers and body in; exception type and message out. */
class ErrorMappingTest {
    static final String DDG = "If you want to scrape, use \"Accept: text/css\" header in your requests for now.";

    static Stream<Arguments> table() {
        return Stream.of(
            row("login", "POST", "/v1/authentication/login", 400, "", "{\"error\":\"Username or password is incorrect\"}",
                InvalidCredentialsException.class, "HTTP 400 on POST /v1/authentication/login: Username or password is incorrect"),
            row("login", "POST", "/v1/authentication/login", 401, "", "{\"error\":\"Invalid username or password.\"}",
                InvalidCredentialsException.class, "HTTP 401 on POST /v1/authentication/login: Invalid username or password."),
            row("login", "POST", "/v1/authentication/login", 409, "", "{\"error\":\"You are already logged in\"}",
                AlreadyLoggedInException.class, "HTTP 409 on POST /v1/authentication/login: You are already logged in"),
            row("login", "POST", "/v1/authentication/login", 429, "Retry-After: 30", "",
                RateLimitedException.class, "HTTP 429 on POST /v1/authentication/login: Too Many Requests"),
            // Kemono2's login limit (src/lib/account.py:209-211): its text under any status, the wait when said
            row("login", "POST", "/v1/authentication/login", 400, "", "{\"error\":\"You're doing that too much. Try again in a little bit.\"}",
                RateLimitedException.class, "HTTP 400 on POST /v1/authentication/login: You're doing that too much. Try again in a little bit. Kemono allows 10 login attempts"),
            row("login", "POST", "/v1/authentication/login", 429, "", "{\"error\":\"You're doing that too much. Try again in 45 seconds.\"}",
                RateLimitedException.class, "this is not a wrong password"),
            row("register", "POST", "/v1/authentication/register", 400, "", "{\"error\":\"You're doing that too much. Try again in a little bit.\"}",
                RateLimitedException.class, "10 login attempts per account in 5 minutes"),
            row("register", "POST", "/v1/authentication/register", 400, "", "{\"error\":\"Username already taken\"}",
                ConflictException.class, "HTTP 400 on POST /v1/authentication/register: Username already taken"),
            row("register", "POST", "/v1/authentication/register", 400, "", "{\"error\":\"We've detected that password was compromised in a data breach on another site. Please choose a different password.\"}",
                ValidationException.class, "compromised in a data breach"),
            row("change", "POST", "/v1/account/change_password", 400, "", "{\"error\":\"Password is incorrect\"}",
                InvalidCredentialsException.class, "HTTP 400 on POST /v1/account/change_password: Password is incorrect"),
            row("login", "POST", "/v1/authentication/login", 403, "Server: ddos-guard", DDG,
                BotChallengeException.class, "HTTP 403 on POST /v1/authentication/login: DDoS-Guard refused"),
            row("register", "POST", "/v1/authentication/register", 400, "", "{\"error\":\"Passwords do not match\"}",
                ValidationException.class, "HTTP 400 on POST /v1/authentication/register: Passwords do not match"),
            row("register", "POST", "/v1/authentication/register", 409, "", "{\"error\":\"Username already taken\"}",
                ConflictException.class, "HTTP 409 on POST /v1/authentication/register: Username already taken"),
            row("change", "POST", "/v1/account/change_password", 400, "", "{\"error\":\"Current password is incorrect\"}",
                InvalidCredentialsException.class, "HTTP 400 on POST /v1/account/change_password: Current password is incorrect"),
            row("change", "POST", "/v1/account/change_password", 400, "", "{\"error\":\"New passwords do not match\"}",
                ValidationException.class, "HTTP 400 on POST /v1/account/change_password: New passwords do not match"),
            row("any", "GET", "/v1/account/favorites?type=artist", 401, "", "",
                UnauthorizedException.class, "HTTP 401 on GET /v1/account/favorites?type=artist: no session, or it expired"),
            row("any", "POST", "/v1/favorites/creator/fanbox/1", 302, "Location: /account/login", "",
                UnauthorizedException.class, "HTTP 302 on POST /v1/favorites/creator/fanbox/1: no session"),
            row("any", "GET", "/v1/account/moderator/tasks/creator_links", 404, "", "{\"error\":\"Not Found\"}",
                ForbiddenException.class, "HTTP 404 on GET /v1/account/moderator/tasks/creator_links: this needs a moderator"),
            row("any", "GET", "/v1/fanbox/user/1/profile", 404, "", "{\"error\":\"Creator not found.\"}",
                NotFoundException.class, "HTTP 404 on GET /v1/fanbox/user/1/profile: Creator not found."),
            row("any", "GET", "/v1/fanbox/user/1/profile", 404, "", "not found",
                NotFoundException.class, "HTTP 404 on GET /v1/fanbox/user/1/profile: not found"),
            row("any", "GET", "/v1/posts/random", 403, "Server: ddos-guard",
                "<html><script src=\"/.well-known/ddos-guard/js-challenge/index.js\"></script></html>",
                BotChallengeException.class, "bring a browser's cookies (__ddg1_ and __ddg2_"),
            row("any", "GET", "/v1/posts/random", 403, "", "{\"error\":\"Forbidden\"}",
                ForbiddenException.class, "HTTP 403 on GET /v1/posts/random: Forbidden"),
            row("any", "GET", "/v1/posts/random", 429, "Retry-After: 5", "",
                RateLimitedException.class, "HTTP 429 on GET /v1/posts/random: Too Many Requests (retry-after: 5.0s)"),
            row("any", "GET", "/v1/posts/random", 503, "", "Backend fetch failed",
                ServerException.class, "HTTP 503 on GET /v1/posts/random: Backend fetch failed"),
            row("any", "GET", "/v1/posts/random", 418, "", "",
                UnexpectedStatusException.class, "HTTP 418 on GET /v1/posts/random: HTTP status 418"));
    }

    static Arguments row(String endpoint, String method, String path, int status, String header, String body,
            Class<? extends LatchkeyException> type, String messageStart) {
        return Arguments.of(endpoint, method, path, status, header, body, type, messageStart);
    }

    @ParameterizedTest(name = "{0}: {3} {5} -> {6}")
    @MethodSource("table")
    void maps(String endpoint, String method, String path, int status, String header, String body,
            Class<? extends LatchkeyException> type, String messageStart) {
        Headers headers = header.isEmpty() ? Headers.of() : Headers.of(header.split(": ", 2));
        java.time.Duration retryAfter = headers.get("Retry-After") == null ? null
                : java.time.Duration.ofSeconds(Long.parseLong(headers.get("Retry-After")));
        ErrorResponse r = ErrorResponse.of(status, method, path, headers, body, null, retryAfter,
                UnaryOperator.identity());
        ErrorMapper endpointMapper = switch (endpoint) {
            case "login" -> KemonoErrors.LOGIN;
            case "change" -> KemonoErrors.CHANGE_PASSWORD;
            default -> null;
        };
        LatchkeyException e = KemonoClient.SPEC.mapError(endpointMapper, r);
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getMessage()).startsWith(messageStart.contains("HTTP") ? messageStart : "HTTP")
                .contains(messageStart.contains("HTTP") ? "" : messageStart);
    }
}
