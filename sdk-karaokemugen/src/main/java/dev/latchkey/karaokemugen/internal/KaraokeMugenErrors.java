package dev.latchkey.karaokemugen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.karaokemugen.AppClosedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Karaoke Mugen's answers mapped to Latchkey's taxonomy (research sections 2.2, 2.4 and 2.6). The envelope is
 * {@code {"err": true, "data": {"code": N, "message": {"code": "USER_...", "data": ...}}}}; the message code is the
 * exception's provider code, and the message names the command (they all share {@code POST /api/command}).
 */
public final class KaraokeMugenErrors {
    private KaraokeMugenErrors() {
    }

    /** What the codes mean, for messages. */
    static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("LOG_ERROR", "wrong login, password or security code"),
            Map.entry("NOT_GUEST", "guests may not do this: log in with an account"),
            Map.entry("ADMIN_PLEASE", "only the operator may do this"),
            Map.entry("USER_CANNOT_CHANGE_TYPE", "an account cannot change its own type"),
            Map.entry("GUESTS_NOT_ALLOWED", "the operator does not allow guests"),
            Map.entry("NO_MORE_GUESTS_AVAILABLE", "every guest account is in use"),
            Map.entry("USER_CREATION_DISABLED", "the operator does not allow new accounts"),
            Map.entry("USER_CREATE_ERROR", "the account cannot be created"),
            Map.entry("USER_CREATE_ERROR_ONLINE", "the online instance refused the account (is the instance right?)"),
            Map.entry("USER_CREATE_ERROR_ONLINE_DISABLED", "online accounts are disabled on this app"),
            Map.entry("USER_RESETPASSWORD_WRONGSECURITYCODE", "wrong security code: ask the operator for the "
                    + "current one (it changes after each use)"),
            Map.entry("USER_CREATION_WRONG_SECURITY_CODE", "wrong security code: ask the operator for the current "
                    + "one (it changes after each use)"),
            Map.entry("USER_ALREADY_EXISTS", "the login is taken"),
            Map.entry("USER_ALREADY_EXISTS_ONLINE", "the login is taken on the online instance"),
            Map.entry("USER_ALREADY_EXISTS_LOCALLY", "a local account already has this login"),
            Map.entry("NICKNAME_ALREADY_IN_USE", "the nickname is taken"),
            Map.entry("PASSWORD_TOO_SHORT", "the password must have at least 8 characters"),
            Map.entry("USER_LOGIN_INVALID", "a login is letters, digits, '_', '.' and '-'"),
            Map.entry("USER_EMPTY_PASSWORD", "the password is empty"),
            Map.entry("UNKNOWN_USER", "no such user"),
            Map.entry("INVALID_DATA", "the app refused the data (a wrong password, a missing field)"),
            Map.entry("ADMIN_CONVERT_ERROR", "the operator account 'admin' cannot go online"),
            Map.entry("USER_DELETE_ADMIN_DAMEDESU", "the operator account 'admin' cannot be deleted"),
            Map.entry("WEBAPPMODE_CLOSED_API_MESSAGE", "the operator closed the app to this (web-app mode)"),
            Map.entry("REFRESH_ANIME_LIST_ERROR", "the anime list could not be refreshed (an online account with "
                    + "its online token is needed)"),
            Map.entry("UNKNOWN_COMMAND", "the app does not know this command (an older or newer version?)"),
            Map.entry("GUEST_WITH_PASSWORD", "a guest has no password"),
            Map.entry("USER_DELETE_ERROR_ONLINE", "the online account could not be removed; a wrong password is "
                    + "the usual cause (the instance's refusal reaches the app as this error)"),
            Map.entry("INSTANCE_NOT_RESPONDING", "the online instance does not answer (is its name right?)"),
            Map.entry("GUESTS_CANNOT_EDIT", "a guest's profile cannot be edited"),
            Map.entry("USER_RESETPASSWORD_ONLINE_ERROR", "the online instance could not send the reset mail"));

    /**
     * @param cmd the command
     * @param withToken whether the request carried the account's token
     * @return the mapper of one command's answers
     */
    public static ErrorMapper forCommand(String cmd, boolean withToken) {
        return r -> map(cmd, withToken, r);
    }

    static LatchkeyException map(String cmd, boolean withToken, ErrorResponse r) {
        if (r.status() == 500 && r.isHtml()) {
            return htmlError(cmd, withToken, r);
        }
        Optional<JsonNode> tree = r.json();
        JsonNode data = tree.map(t -> t.get("data")).orElse(null);
        if (data != null && data.isTextual() && data.asText().equals("User unknown")) {
            return new UnauthorizedException(r.error("USER_UNKNOWN", cmd + ": the token's user no longer exists "
                    + "(deleted): log in again"));
        }
        if (cmd.equals("checkAuth") && r.status() == 403 && data != null && data.isObject()
                && !data.has("message")) {
            // An ErrorKM thrown raw: its message is not enumerable, so only {code: 403, sentry: true} is left
            // (app:src/controllers/auth.ts:93-96, lib:utils/error.ts).
            return new UnauthorizedException(r.error("INVALID_ONLINE_TOKEN", cmd + ": the online instance no "
                    + "longer accepts this account's online token: log in again to get a new one"));
        }
        JsonNode message = data == null ? null : data.get("message");
        String code = message != null && message.path("code").isTextual() ? message.get("code").asText() : null;
        if (code == null && message != null && message.isObject() && message.size() > 0) {
            return validation(cmd, r, message);
        }
        int s = r.status();
        if (code == null) {
            if (s == 401) {
                return new UnauthorizedException(r.error(null, cmd + ": no token, or it is not accepted: log in"));
            }
            if (s == 403 && message != null) {
                return new ForbiddenException(r.error(null, cmd + ": refused (an operator's token is needed)"));
            }
            // Every answer names its command (they share one path), with or without an envelope or a message.
            String said = r.error().serverMessage();
            return ErrorResponse.byStatus(r.error(null, cmd + ": " + (said != null && !said.isBlank() ? said
                    : "the app answered HTTP " + s + (tree.isPresent() ? " with no message" : " without its envelope")
                            + (s >= 500 ? "; it may be restarting, try again later" : ""))));
        }
        ApiError e = r.error(code, cmd + ": " + MEANINGS.getOrDefault(code, code));
        return switch (code) {
            case "LOG_ERROR" -> new InvalidCredentialsException(e);
            case "NOT_GUEST", "ADMIN_PLEASE", "USER_CANNOT_CHANGE_TYPE", "GUESTS_NOT_ALLOWED",
                    "USER_CREATION_DISABLED", "USER_DELETE_ADMIN_DAMEDESU" -> new ForbiddenException(e);
            case "USER_RESETPASSWORD_WRONGSECURITYCODE", "USER_CREATION_WRONG_SECURITY_CODE" ->
                    new InvalidCodeException(e);
            case "USER_ALREADY_EXISTS", "USER_ALREADY_EXISTS_ONLINE", "USER_ALREADY_EXISTS_LOCALLY",
                    "NICKNAME_ALREADY_IN_USE" -> new ConflictException(e);
            case "PASSWORD_TOO_SHORT" -> new ValidationException(e, List.of(ValidationException.PASSWORD_POLICY));
            case "UNKNOWN_USER" -> new NotFoundException(e);
            case "WEBAPPMODE_CLOSED_API_MESSAGE" -> new AppClosedException(e);
            default -> ErrorResponse.byStatus(e);
        };
    }

    /** zod's field map, {@code {"login": ["can't be blank"]}}: a validation error whose rules are the fields. */
    private static LatchkeyException validation(String cmd, ErrorResponse r, JsonNode fields) {
        List<String> rules = new ArrayList<>();
        StringBuilder text = new StringBuilder(cmd).append(": ");
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext() && rules.size() < 10) {
            Map.Entry<String, JsonNode> f = it.next();
            rules.add(f.getKey());
            text.append(rules.size() > 1 ? "; " : "").append(f.getKey()).append(' ')
                    .append(f.getValue().isArray() && f.getValue().size() > 0 ? f.getValue().get(0).asText()
                            : "is not valid");
        }
        return new ValidationException(r.error("VALIDATION", text.toString()), rules);
    }

    /**
     * A 500 HTML page from {@code /api/command}. The app answers with {@code res.status(data.code || 500)}
     * ({@code app:src/controllers/frontend/emulate.ts:11}); jose's errors for a token the app did not sign carry a
     * text code ({@code ERR_JWS_SIGNATURE_VERIFICATION_FAILED}), Express 5's {@code res.status} throws on it, and its
     * default handler sends an HTML page: the stack (naming the code) in development, "Internal Server Error" in
     * production, the app's default ({@code app:src/index.ts:119}).
     */
    private static LatchkeyException htmlError(String cmd, boolean withToken, ErrorResponse r) {
        String body = r.body();
        if (body.contains("ERR_JWS") || body.contains("ERR_JWT")) {
            return new UnauthorizedException(r.error("INVALID_TOKEN", cmd + ": the app does not accept the token "
                    + "(signed by another app or altered): log in again"));
        }
        if (withToken) {
            return new ServerException(r.error(null, cmd + ": the app answered an HTML error page. Karaoke Mugen "
                    + "answers so to a token it did not sign (one from another install, or from before its JwtSecret "
                    + "changed): log in again; if a fresh login fails the same way, the app itself failed (see its "
                    + "logs)"));
        }
        return new ServerException(r.error(null, cmd + ": the app answered an HTML error page: it failed (see its "
                + "logs)"));
    }
}
