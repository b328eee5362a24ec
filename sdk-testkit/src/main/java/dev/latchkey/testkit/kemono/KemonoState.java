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

    /** @return how many accounts favorited a post */
    int favCount(String postKey) {
        int n = 0;
        for (Member m : members.values()) {
            if (m.favoritePosts.containsKey(postKey)) {
                n++;
            }
        }
        return n;
    }

    ObjectNode creator(String service, String id) {
        return creators.get(key(service, id));
    }
}
