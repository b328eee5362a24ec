package dev.latchkey.kemono.internal;

import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.kemono.AlreadyLoggedInException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kemono's answers mapped to Latchkey's taxonomy. Kemono's error envelope is {@code {"error": "..."}}; core's generic
 * reader already takes the message from it, so these mappers only choose the category.
 */
public final class KemonoErrors {
    private KemonoErrors() {
    }

    /** The provider-wide mapper: anti-bot wall, missing session, role-only pages, input errors. */
    public static final ErrorMapper PROVIDER = r -> {
        if (isDdosGuard(r)) {
            return new BotChallengeException(r.error("ddos-guard", "DDoS-Guard refused the request before it reached "
                    + "Kemono. Latchkey sends 'Accept: text/css' as the site asks; if this persists, pass fresh "
                    + "__ddg* cookies from a browser session with KemonoClient.builder().cookie(...), or slow down"));
        }
        int s = r.status();
        if (s == 401 || (s == 302 || s == 303) && r.header("Location").map(l -> l.contains("login")).orElse(false)) {
            return new UnauthorizedException(r.error(null, r.error().serverMessage() != null
                    ? r.error().serverMessage() : "no session, or it expired or was logged out: log in again"));
        }
        if (s == 404 && (r.path().contains("/account/moderator/") || r.path().contains("/account/administrator/"))) {
            // Kemono hides role-only pages behind 404 rather than 403.
            return new ForbiddenException(r.error(null, "this needs a moderator or administrator account "
                    + "(Kemono answers 404 to others)"));
        }
        if (s == 400) {
            String message = r.error().serverMessage();
            return new ValidationException(r.error(null, message), rulesOf(message));
        }
        return null;
    };

    /** Login: 400 (and 401, which some deployments send) mean bad credentials; 409 means already logged in. */
    public static final ErrorMapper LOGIN = r -> switch (r.status()) {
        case 400, 401 -> isDdosGuard(r) ? null : new InvalidCredentialsException(r.error());
        case 409 -> new AlreadyLoggedInException(r.error());
        default -> null;
    };

    /** Password change: a wrong current password is bad credentials, not bad input. */
    public static final ErrorMapper CHANGE_PASSWORD = r -> {
        String message = r.error().serverMessage();
        if (r.status() == 400 && message != null && message.toLowerCase(Locale.ROOT).contains("current password")) {
            return new InvalidCredentialsException(r.error());
        }
        return null;
    };

    static boolean isDdosGuard(ErrorResponse r) {
        if (r.status() != 403) {
            return false;
        }
        return r.header("Server").map(v -> v.toLowerCase(Locale.ROOT).contains("ddos-guard")).orElse(false)
                || r.body().contains("/ddos-guard/") || r.body().contains("Accept: text/css");
    }

    /** Kemono names no rule ids; these are recognised from its messages (and the fake's). */
    static List<String> rulesOf(String message) {
        List<String> rules = new ArrayList<>();
        if (message == null) {
            return rules;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("username cannot be empty") || m.contains("3 to 128") || m.contains("name must be")) {
            rules.add(ValidationException.NAME_LENGTH);
        }
        // "3 to 128 characters" is the length rule: only a message about which characters counts here.
        if (m.contains("letters and digits") || m.contains("invalid characters") || m.contains("characters are not")
                || m.contains("may only contain") || m.contains("may not contain")) {
            rules.add(ValidationException.NAME_CHARACTERS);
        }
        if (m.contains("password cannot be empty") || m.contains("password policy") || m.contains("length(")) {
            rules.add(ValidationException.PASSWORD_POLICY);
        }
        if (m.contains("do not match")) {
            rules.add("password_confirmation");
        }
        return rules;
    }
}
