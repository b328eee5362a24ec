package dev.latchkey.testkit.kemono;

import static dev.latchkey.testkit.kemono.KemonoWire.error;
import static dev.latchkey.testkit.kemono.KemonoWire.json;
import static dev.latchkey.testkit.kemono.KemonoWire.unauthorized;
import static dev.latchkey.testkit.kemono.KemonoWire.yes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.DetailsExistException;
import dev.latchkey.testkit.accounts.InvalidLoginException;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * Kemono's authentication and account endpoints (research section 1.4): login with its {@code session} cookie,
 * register, logout, the account, and the password change. Runs under the fake's lock.
 */
final class KemonoAuthRoutes {
    private final KemonoState state;
    private final Clock clock;

    KemonoAuthRoutes(KemonoState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * {@code attempt_login} (src/lib/account.py:200-219): an unknown name and a wrong password give the same text; an
     * account's attempts are counted before its password is checked. The statuses are OAS's (400 for a refused login,
     * 409 already logged in); the JSON API's status for the rate limit is not public: 400, like the other login
     * refusals, is our choice.
     */
    FakeResponse login(FakeRequest r, Map<String, String> p) {
        if (state.currentUser(r).isPresent()) {
            return error(409, "You are already logged in");
        }
        String username = r.jsonText("username").orElse(null);
        String password = r.jsonText("password").orElse(null);
        if (username == null || password == null) {
            return error(400, "Username or password is incorrect");
        }
        Optional<UserRecord> known = state.byName(username);
        if (known.isEmpty()) {
            return error(400, "Username or password is incorrect");
        }
        if (state.loginLimited(known.get().userId(), clock.instant())) {
            return error(400, "You're doing that too much. Try again in a little bit.");
        }
        UserRecord user;
        try {
            user = state.accounts.login(username, password, false);
        } catch (AccountException e) {
            return error(400, "Username or password is incorrect");
        }
        return json(200, state.dated(state.accountJson(user))).newBuilder()
                .addHeader("Set-Cookie", newSession(user)).build();
    }

    /** A new session for the user; its {@code Set-Cookie}. */
    private String newSession(UserRecord user) {
        String token = KemonoWire.newToken();
        state.sessions.put(token, user.userId());
        return KemonoWire.sessionCookie(token, clock.instant());
    }

    /**
     * {@code post_register} (src/pages/account/blueprint.py:174-235): every check runs; the first refusal is answered
     * (the source flashes each; one {@code {"error"}} is our choice). No rule on length or characters; the name is
     * stored as bleach escapes it (src/lib/account.py:169-177) but compared raw for "taken"; a password found in a
     * breach is refused. Success logs in ({@code attempt_login}, counted in the login limit) and answers {@code true}
     * (Kemonos' {@code Response<Boolean>}).
     */
    FakeResponse register(FakeRequest r, Map<String, String> p) {
        String username = r.jsonText("username").orElse("");
        String password = r.jsonText("password").orElse("");
        String confirm = r.jsonText("confirm_password").orElse(null);
        java.util.List<String> errors = new java.util.ArrayList<>();
        if (username.strip().isEmpty()) {
            errors.add("Username cannot be empty");
        }
        if (password.strip().isEmpty()) {
            errors.add("Password cannot be empty");
        }
        if (!password.equals(confirm)) {
            errors.add("Passwords do not match");
        }
        if (state.nameTaken(username)) {
            errors.add("Username already taken");
        }
        if (state.passwordValidator && FakeKemono.BREACHED_PASSWORDS.contains(password)) {
            errors.add("We've detected that password was compromised in a data breach on another site. Please "
                    + "choose a different password.");
        }
        if (!errors.isEmpty()) {
            return error(400, errors.get(0));
        }
        UserRecord user;
        try {
            user = state.accounts.createAccount(password, null, KemonoWire.bleach(username));
            state.addMember(user, state.members.isEmpty() ? "administrator" : "consumer"); // account 1 (:179-186)
        } catch (DetailsExistException e) {
            return error(400, "Username already taken");
        } catch (AccountException e) {
            return error(400, e.getMessage());
        }
        if (state.loginLimited(user.userId(), clock.instant())) {
            return yes(); // attempt_login refused: created, not logged in
        }
        return yes().newBuilder().addHeader("Set-Cookie", newSession(user)).build();
    }

    FakeResponse logout(FakeRequest r, Map<String, String> p) {
        r.cookie("session").ifPresent(state.sessions::remove);
        return yes().newBuilder().addHeader("Set-Cookie", "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/")
                .build();
    }

    FakeResponse account(FakeRequest r, Map<String, String> p) {
        Optional<UserRecord> user = state.currentUser(r);
        if (user.isEmpty()) {
            return unauthorized();
        }
        ObjectNode body = Responses.object();
        ObjectNode props = body.putObject("props");
        props.put("currentPage", "account").put("title", "Your account page");
        props.set("account", state.dated(state.accountJson(user.get())));
        props.put("notifications_count", 0);
        return json(200, body);
    }

    FakeResponse changePassword(FakeRequest r, Map<String, String> p) {
        Optional<UserRecord> user = state.currentUser(r);
        if (user.isEmpty()) {
            return unauthorized();
        }
        String current = r.jsonText("current-password").orElse("");
        String next = r.jsonText("new-password").orElse("");
        String confirm = r.jsonText("new-password-confirmation").orElse("");
        if (current.isEmpty() || next.strip().isEmpty()) {
            return error(400, "Current and new password are required");
        }
        if (!next.equals(confirm)) {
            return error(400, "New passwords do not match");
        }
        try {
            state.accounts.user(user.get().userId()).updatePassword(current, next);
        } catch (InvalidLoginException e) {
            return error(400, "Current password is incorrect");
        } catch (AccountException e) {
            return error(400, e.getMessage());
        }
        return yes();
    }
}
