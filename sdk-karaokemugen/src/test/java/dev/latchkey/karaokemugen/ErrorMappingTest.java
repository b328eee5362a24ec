package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.karaokemugen.internal.KaraokeMugenErrors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The app's answers (research sections 2.2, 2.4, 2.6), as a table: command, status and body in; exception type,
 * provider code and message out.
 */
class ErrorMappingTest {
    static String err(int code, String messageCode) {
        return "{\"err\":true,\"data\":{\"code\":" + code + ",\"message\":{\"code\":\"" + messageCode + "\"}}}";
    }

    static Stream<Arguments> table() {
        return Stream.of(
            row("login", 401, err(401, "LOG_ERROR"), InvalidCredentialsException.class, "LOG_ERROR", "login: wrong login"),
            row("getMyAccount", 401, "{\"err\":true,\"data\":{\"code\":401}}", UnauthorizedException.class, null, "getMyAccount: no token"),
            row("editMyAccount", 403, err(403, "NOT_GUEST"), ForbiddenException.class, "NOT_GUEST", "guests may not"),
            row("deleteUser", 403, err(403, "ADMIN_PLEASE"), ForbiddenException.class, "ADMIN_PLEASE", "only the operator"),
            row("editMyAccount", 403, err(403, "USER_CANNOT_CHANGE_TYPE"), ForbiddenException.class, "USER_CANNOT_CHANGE_TYPE", "own type"),
            row("loginGuest", 403, err(403, "GUESTS_NOT_ALLOWED"), ForbiddenException.class, "GUESTS_NOT_ALLOWED", "guests"),
            row("resetUserPassword", 403, err(403, "USER_RESETPASSWORD_WRONGSECURITYCODE"), InvalidCodeException.class, "USER_RESETPASSWORD_WRONGSECURITYCODE", "wrong security code"),
            row("createUser", 403, err(403, "USER_CREATION_WRONG_SECURITY_CODE"), InvalidCodeException.class, "USER_CREATION_WRONG_SECURITY_CODE", "wrong security code"),
            row("createUser", 409, err(409, "USER_ALREADY_EXISTS"), ConflictException.class, "USER_ALREADY_EXISTS", "taken"),
            row("createUser", 409, err(409, "USER_ALREADY_EXISTS_ONLINE"), ConflictException.class, "USER_ALREADY_EXISTS_ONLINE", "online instance"),
            row("editMyAccount", 409, err(409, "NICKNAME_ALREADY_IN_USE"), ConflictException.class, "NICKNAME_ALREADY_IN_USE", "nickname"),
            row("createUser", 411, err(411, "PASSWORD_TOO_SHORT"), ValidationException.class, "PASSWORD_TOO_SHORT", "8 characters"),
            row("createUser", 400, "{\"err\":true,\"data\":{\"code\":400,\"message\":{\"login\":[\"can't be blank\"]}}}", ValidationException.class, "VALIDATION", "createUser: login can't be blank"),
            row("getUser", 404, err(404, "UNKNOWN_USER"), NotFoundException.class, "UNKNOWN_USER", "no such user"),
            row("getUsers", 503, err(503, "WEBAPPMODE_CLOSED_API_MESSAGE"), AppClosedException.class, "WEBAPPMODE_CLOSED_API_MESSAGE", "closed the app"),
            row("deleteUser", 406, err(406, "USER_DELETE_ADMIN_DAMEDESU"), ForbiddenException.class, "USER_DELETE_ADMIN_DAMEDESU", "cannot be deleted"),
            row("getMyAccount", 500, "{\"err\":true,\"data\":\"User unknown\"}", UnauthorizedException.class, "USER_UNKNOWN", "no longer exists"),
            // a token the app did not sign: Express's HTML page (the stack with --verbose, else a bare page)
            row("getMyAccount", 500, page("TypeError: Invalid status code: &quot;ERR_JWS_SIGNATURE_VERIFICATION_FAILED&quot;."), UnauthorizedException.class, "INVALID_TOKEN", "does not accept the token"),
            row("getMyAccount", 500, page("Internal Server Error"), ServerException.class, null, "a token it did not sign"),
            // an online token the instance refuses: an ErrorKM rethrown raw, {code, sentry} only
            row("checkAuth", 403, "{\"err\":true,\"data\":{\"code\":403,\"sentry\":true}}", UnauthorizedException.class, "INVALID_ONLINE_TOKEN", "online token"),
            row("getMyAccount", 500, "{\"err\":true,\"data\":{}}", ServerException.class, null, "getMyAccount"),
            row("getKaras", 404, err(404, "UNKNOWN_COMMAND"), NotFoundException.class, "UNKNOWN_COMMAND", "does not know this command"),
            row("loginGuest", 500, err(500, "NO_MORE_GUESTS_AVAILABLE"), ServerException.class, "NO_MORE_GUESTS_AVAILABLE", "in use"),
            row("createUser", 403, "{\"err\":true,\"data\":{\"code\":403,\"message\":{}}}", ForbiddenException.class, null, "an operator's token"),
            row("refreshAnimeList", 500, err(500, "REFRESH_ANIME_LIST_ERROR"), ServerException.class, "REFRESH_ANIME_LIST_ERROR", "online account"),
            row("getUsers", 502, "<html><title>Bad Gateway</title></html>", ServerException.class, null, "Bad Gateway"));
    }

    /** Express 5's default error page (finalhandler), as the app sends it. */
    static String page(String pre) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n"
                + "<body>\n<pre>" + pre + "</pre>\n</body>\n</html>\n";
    }

    @org.junit.jupiter.api.Test
    void anHtmlPageForACommandWithoutATokenIsTheAppsOwnFailure() {
        ErrorResponse r = ErrorResponse.of(500, "POST", "/api/command", Headers.of("Content-Type", "text/html"),
                page("Internal Server Error"), null, null, UnaryOperator.identity());
        LatchkeyException e = KaraokeMugenClient.SPEC.mapError(KaraokeMugenErrors.forCommand("login", false), r);
        assertThat(e).isExactlyInstanceOf(ServerException.class);
        assertThat(e.getMessage()).contains("login: the app answered an HTML error page: it failed")
                .doesNotContain("token");
    }

    static Arguments row(String cmd, int status, String body, Class<? extends LatchkeyException> type, String code,
            String message) {
        return Arguments.of(cmd, status, body, type, code, message);
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @MethodSource("table")
    void maps(String cmd, int status, String body, Class<? extends LatchkeyException> type, String code,
            String message) {
        Headers headers = body.startsWith("<") ? Headers.of("Content-Type", "text/html; charset=utf-8") : Headers.of();
        ErrorResponse r = ErrorResponse.of(status, "POST", "/api/command", headers, body, null, null,
                UnaryOperator.identity());
        LatchkeyException e = KaraokeMugenClient.SPEC.mapError(KaraokeMugenErrors.forCommand(cmd, true), r);
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getMessage()).startsWith("HTTP " + status + " on POST /api/command").contains(message);
        if (code != null) {
            assertThat(((ApiException) e).providerCode()).contains(code);
        }
    }
}
