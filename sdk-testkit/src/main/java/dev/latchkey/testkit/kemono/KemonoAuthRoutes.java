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

    FakeResponse login(FakeRequest r, Map<String, String> p) {
        if (state.currentUser(r).isPresent()) {
            return error(409, "You are already logged in");
        }
        String username = r.jsonText("username").orElse("");
        String password = r.jsonText("password").orElse("");
        if (username.isBlank()) {
            return error(400, "Username cannot be empty");
        }
        if (password.isEmpty()) {
            return error(400, "Password cannot be empty");
        }
        UserRecord user;
        try {
            user = state.accounts.login(username, password, false);
        } catch (AccountException e) {
            return error(400, "Username or password is incorrect");
        }
        String token = KemonoWire.newToken();
        state.sessions.put(token, user.userId());
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        return json(200, state.accountJson(user)).newBuilder().addHeader("Set-Cookie", "session=" + token
                + "; Expires=" + expires + "; HttpOnly; Path=/; SameSite=Lax").build();
    }

    FakeResponse register(FakeRequest r, Map<String, String> p) {
        String username = r.jsonText("username").orElse("");
        String password = r.jsonText("password").orElse("");
        String confirm = r.jsonText("confirm_password").orElse("");
        if (username.isBlank()) {
            return error(400, "Username cannot be empty");
        }
        if (password.isEmpty()) {
            return error(400, "Password cannot be empty");
        }
        if (!password.equals(confirm)) {
            return error(400, "Passwords do not match");
        }
        try {
            state.addMember(state.accounts.createAccount(password, null, username), "consumer");
        } catch (DetailsExistException e) {
            return error(409, "Username already taken");
        } catch (AccountException e) {
            return error(400, e.getMessage());
        }
        return yes();
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
        props.set("account", state.accountJson(user.get()));
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
        if (current.isEmpty() || next.isEmpty()) {
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
