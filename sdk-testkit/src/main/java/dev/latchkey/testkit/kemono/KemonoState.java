package dev.latchkey.testkit.kemono;

import static dev.latchkey.testkit.kemono.KemonoWire.key;
import static dev.latchkey.testkit.kemono.KemonoWire.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.UserRecord;
import dev.latchkey.testkit.internal.Responses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Everything {@link FakeKemono} remembers beside the account store: Kemono's data about each account (id, role,
 * favorites), the live sessions, creators and posts. Not thread-safe by itself: the fake runs every request, and every
 * call of its public API, holding this object's monitor.
 */
final class KemonoState {
    /** Kemono's own data about an account, beside the store's. */
    static final class Member {
        final int id;
        final String role;
        final Instant createdAt;
        final Map<String, Long> favoriteCreators = new LinkedHashMap<>();
        final Map<String, Long> favoritePosts = new LinkedHashMap<>();

        Member(int id, String role, Instant createdAt) {
            this.id = id;
            this.role = role;
            this.createdAt = createdAt;
        }
    }

    final AccountStore accounts;
    final Map<String, Member> members = new LinkedHashMap<>();
    /** Session cookie value to user id. */
    final Map<String, String> sessions = new LinkedHashMap<>();
    final Map<String, ObjectNode> creators = new LinkedHashMap<>();
    final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    /** Seeded: the "random" endpoints answer the same sequence on every run. */
    final Random picker = new Random(42);
    /** Login attempts per account: Kemono2's bucket, {@code ratelimit:login:{account_id}} (src/lib/security.py:25-35). */
    final Map<String, LoginWindow> loginWindows = new LinkedHashMap<>();
    /** The site as Kemono2's 2023 source builds it: Flask 2.0 {@code jsonify} writes dates as HTTP dates. */
    boolean flask2023;
    /** {@code ENABLE_PASSWORD_VALIDATOR} (server.py:77): registration checks Have I Been Pwned. */
    boolean passwordValidator = true;
    /** {@code ENABLE_LOGIN_RATE_LIMITING} (server.py:78). */
    boolean loginRateLimiting = true;

    /** One account's window: SETNX 10 with a 300 s expiry, then one off per attempt while any is left. */
    static final class LoginWindow {
        final Instant endsAt;
        int left;

        LoginWindow(Instant endsAt, int left) {
            this.endsAt = endsAt;
            this.left = left;
        }
    }
    private int nextAccountId;
    private long favedSeq;

    KemonoState(AccountStore accounts) {
        this.accounts = accounts;
    }

    void clear() {
        accounts.clear();
        members.clear();
        sessions.clear();
        creators.clear();
        posts.clear();
        loginWindows.clear();
        flask2023 = false;
        passwordValidator = true;
        loginRateLimiting = true;
        nextAccountId = 0;
        favedSeq = 0;
    }

    /** @return the next {@code faved_seq}: favorites are listed in the order they were added */
    long nextFavedSeq() {
        return ++favedSeq;
    }

    void addMember(UserRecord u, String role) {
        members.put(u.userId(), new Member(++nextAccountId, role, u.createdAt()));
    }

    Member member(String userId) {
        Member m = members.get(userId);
        if (m == null) {
            throw new IllegalStateException("no Kemono data for user " + userId);
        }
        return m;
    }

    /** @return the user of the request's {@code session} cookie, if it is live */
    Optional<UserRecord> currentUser(FakeRequest r) {
        return r.cookie("session").map(sessions::get).flatMap(id -> {
            try {
                return Optional.of(accounts.user(id).get());
            } catch (AccountException e) {
                return Optional.empty();
            }
        });
    }

    /** @return the account stored under this name, compared as typed ({@code WHERE username = %s}) */
    Optional<UserRecord> byName(String username) {
        for (UserRecord u : accounts.users()) {
            if (u.name().map(username::equals).orElse(false)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** {@code is_username_taken} (src/lib/account.py:154-158): the raw name against the stored ones. */
    boolean nameTaken(String username) {
        return byName(username).isPresent();
    }

    Optional<Member> currentMember(FakeRequest r) {
        return currentUser(r).map(u -> members.get(u.userId())).filter(Objects::nonNull);
    }

    /** The account object of login and {@code /v1/account}. */
    JsonNode accountJson(UserRecord user) {
        Member m = member(user.userId());
        ObjectNode a = Responses.object();
        a.put("id", m.id).put("username", user.name().orElse(user.displayName()))
                .put("created_at", timestamp(m.createdAt)).put("role", m.role);
        return a;
    }

    /**
     * {@code is_login_rate_limited} (src/lib/security.py:25-35): the first attempt opens a 300 s window of 10, each
     * attempt takes one, and none is left: limited. Counted before the password is checked, so logins that succeed
     * count too.
     *
     * @return whether this attempt is refused
     */
    boolean loginLimited(String userId, Instant now) {
        if (!loginRateLimiting) {
            return false;
        }
        LoginWindow w = loginWindows.get(userId);
        if (w == null || !now.isBefore(w.endsAt)) {
            w = new LoginWindow(now.plusSeconds(300), 10);
            loginWindows.put(userId, w);
        }
        if (w.left > 0) {
            w.left--;
            return false;
        }
        return true;
    }

    /** The newest post's {@code added}, or {@code datetime.min} for a creator without posts (src/lib/artist.py:225-248). */
    String lastUpdated(String service, String creatorId) {
        String newest = null;
        for (ObjectNode p : posts.values()) {
            if (p.get("service").asText().equals(service) && p.get("user").asText().equals(creatorId)) {
                String added = p.path("added").asText(null);
                if (added != null && (newest == null || added.compareTo(newest) > 0)) {
                    newest = added;
                }
            }
        }
        return newest == null ? "0001-01-01T00:00:00" : newest;
    }

    /** The answer's times as the site writes them: ISO today, HTTP dates on a 2023 Kemono2. */
    JsonNode dated(JsonNode node) {
        if (!flask2023) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        httpDates(copy);
        return copy;
    }

    private static void httpDates(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (String f : java.util.List.of("indexed", "updated", "added", "published", "edited", "last_imported",
                    "created_at")) {
                if (o.path(f).isTextual()) {
                    o.put(f, KemonoWire.httpDate(o.get(f).asText()));
                }
            }
            o.elements().forEachRemaining(KemonoState::httpDates);
        } else if (n != null && n.isArray()) {
            n.elements().forEachRemaining(KemonoState::httpDates);
        }
    }

    ObjectNode creator(String service, String id) {
        return creators.get(key(service, id));
    }
}
