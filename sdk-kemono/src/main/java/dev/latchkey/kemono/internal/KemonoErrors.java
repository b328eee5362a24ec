package dev.latchkey.kemono.internal;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.kemono.AlreadyLoggedInException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            // Short: a message is capped, and the way out must survive the cap.
            return new BotChallengeException(r.error("ddos-guard", "DDoS-Guard refused the request before it reached "
                    + "Kemono: slow down, and bring a browser's cookies (__ddg1_ and __ddg2_, a cookies.txt): "
                    + "builder().cookies(Cookies.fromNetscape(path)), or latchkey --cookies FILE"));
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
        LatchkeyException limited = rateLimited(r);
        if (limited != null) {
            return limited;
        }
        if (s == 400) {
            String message = r.error().serverMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("already taken")) {
                return new ConflictException(r.error()); // register: "Username already taken" (accbp:206-208)
            }
            return new ValidationException(r.error(null, message), rulesOf(message));
        }
        return null;
    };

    /**
     * Login: the rate limit first (its text, whatever the status), then 400 (and 401, which some deployments send)
     * mean bad credentials; 409 means already logged in.
     */
    public static final ErrorMapper LOGIN = r -> {
        LatchkeyException limited = rateLimited(r);
        if (limited != null) {
            return limited;
        }
        return switch (r.status()) {
            case 400, 401 -> isDdosGuard(r) ? null : new InvalidCredentialsException(r.error());
            case 409 -> new AlreadyLoggedInException(r.error());
            default -> null;
        };
    };

    /**
     * Password change: a wrong current password is bad credentials, not bad input. No public Kemono source has this
     * endpoint; pykemo's wording ("current password") and the seiso fork's ("Password is incorrect") both count.
     */
    public static final ErrorMapper CHANGE_PASSWORD = r -> {
        String message = r.error().serverMessage();
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (r.status() == 400 && (m.contains("current password") || m.contains("password is incorrect"))) {
            return new InvalidCredentialsException(r.error());
        }
        return null;
    };

    /** Kemono2's login limit: 10 attempts per account in 300 s, successful ones too (src/lib/security.py:34-35). */
    private static final String LIMIT_TEXT = "doing that too much";
    private static final Pattern WAIT = Pattern.compile("in (\\d{1,6}) ?(second|sec|minute|min|hour)s?\\b");

    /**
     * @return a {@link RateLimitedException} for a 429, or for Kemono's rate-limit text under any status (the source
     *     flashes "You're doing that too much. Try again in a little bit.", src/lib/account.py:209-211; the JSON API's
     *     status for it is not public), with the wait from {@code Retry-After} or the text when either says it;
     *     otherwise {@code null}
     */
    static LatchkeyException rateLimited(ErrorResponse r) {
        ApiError e = r.error();
        String message = e.serverMessage();
        boolean text = message != null && message.toLowerCase(Locale.ROOT).contains(LIMIT_TEXT);
        if (r.status() != 429 && !text) {
            return null;
        }
        Duration wait = e.retryAfter() != null ? e.retryAfter() : waitIn(message);
        String said = text ? message + " Kemono allows 10 login attempts per account in 5 minutes, successful ones "
                + "included; this is not a wrong password: wait, and share one login across workers (sessions persist)"
                : message;
        return new RateLimitedException(new ApiError(e.status(), e.method(), e.path(), e.providerCode(), said,
                e.requestId(), wait, e.headers()));
    }

    /** @return the wait a text names ("Try again in 30 seconds"), or {@code null} ("in a little bit") */
    static Duration waitIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = WAIT.matcher(message.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).startsWith("h") ? Duration.ofHours(n) : m.group(2).startsWith("m") ? Duration.ofMinutes(n)
                : Duration.ofSeconds(n);
    }

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
        if (m.contains("password cannot be empty") || m.contains("password policy") || m.contains("length(")
                || m.contains("compromised") || m.contains("data breach")) {
            // the last two: the Have I Been Pwned check at registration (src/pages/account/blueprint.py:210-212)
            rules.add(ValidationException.PASSWORD_POLICY);
        }
        if (m.contains("do not match")) {
            rules.add("password_confirmation");
        }
        return rules;
    }
}
