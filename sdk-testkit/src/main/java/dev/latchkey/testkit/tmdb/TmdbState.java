package dev.latchkey.testkit.tmdb;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.UserRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@link FakeTmdb} remembers: accounts with their lists and ratings, request tokens, sessions, guest
 * sessions and v4 tokens, and the catalogue. Not thread-safe by itself: the fake runs every request, and every call of
 * its public API, holding this object's monitor, so the route handlers need no locking of their own.
 */
final class TmdbState {
    static final class Account {
        final int id;
        final String objectId;
        final String userId;
        final String username;
        final Map<String, Long> favorites = new LinkedHashMap<>();
        final Map<String, Long> watchlist = new LinkedHashMap<>();
        final Map<String, Rating> ratings = new LinkedHashMap<>();

        Account(int id, String objectId, String userId, String username) {
            this.id = id;
            this.objectId = objectId;
            this.userId = userId;
            this.username = username;
        }
    }

    record Rating(double value, long seq) {
    }

    static final class RequestToken {
        final Instant expiresAt;
        final String redirectTo;
        Integer approvedFor;
        boolean denied;
        boolean used;

        RequestToken(Instant expiresAt, String redirectTo) {
            this.expiresAt = expiresAt;
            this.redirectTo = redirectTo;
        }

        boolean usable(Instant now) {
            return !used && now.isBefore(expiresAt);
        }
    }

    static final class GuestSession {
        final Instant createdAt;
        Instant firstUsedAt;
        final Map<String, Rating> ratings = new LinkedHashMap<>();

        GuestSession(Instant createdAt) {
            this.createdAt = createdAt;
        }
    }

    final Clock clock;
    final AccountStore accounts;
    TmdbCatalog catalog = new TmdbCatalog();
    final Map<String, Account> accountsByUser = new LinkedHashMap<>();
    final Map<Integer, Account> accountsById = new LinkedHashMap<>();
    final Map<String, RequestToken> requestTokens = new LinkedHashMap<>();
    final Map<String, Integer> sessions = new LinkedHashMap<>();
    final Map<String, GuestSession> guestSessions = new LinkedHashMap<>();
    final Map<String, RequestToken> v4RequestTokens = new LinkedHashMap<>();
    final Map<String, Integer> v4AccessTokens = new LinkedHashMap<>();
    /** API keys accepted beside {@link FakeTmdb#API_KEY} (the admin interface's {@code api_keys}). */
    final java.util.Set<String> apiKeys = new java.util.LinkedHashSet<>();
    private long sequence;
    private int nextAccountId;

    TmdbState(Clock clock, AccountStore accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Forgets everything; the catalogue is replaced. */
    void clear(TmdbCatalog newCatalog) {
        accounts.clear();
        accountsByUser.clear();
        accountsById.clear();
        requestTokens.clear();
        sessions.clear();
        guestSessions.clear();
        v4RequestTokens.clear();
        v4AccessTokens.clear();
        apiKeys.clear();
        nextAccountId = 547;
        catalog = newCatalog;
    }

    /** @return the next value of the one sequence that orders list entries and ratings */
    long next() {
        return ++sequence;
    }

    Account register(UserRecord u) {
        int id = ++nextAccountId;
        Account a = new Account(id, TmdbWire.hex(12), u.userId(), u.name().orElseThrow());
        accountsByUser.put(u.userId(), a);
        accountsById.put(id, a);
        return a;
    }

    Account requireAccount(String username) {
        Account a = accountsByUser.get(accounts.toUser(username).userId());
        if (a == null) {
            throw new IllegalArgumentException("no TMDb account for " + username);
        }
        return a;
    }

    static RequestToken requireToken(Map<String, RequestToken> tokens, String token) {
        RequestToken t = tokens.get(token);
        if (t == null) {
            throw new IllegalArgumentException("unknown request token");
        }
        return t;
    }

    /** The account of the request's {@code session_id} (or v4 bearer); the path's account id, if given, its own. */
    Account sessionAccount(FakeRequest r, String accountId) {
        Integer id = r.query("session_id").map(sessions::get).orElse(null);
        if (id == null) {
            id = r.bearerToken().map(v4AccessTokens::get).orElse(null);
            if (id == null || r.query("session_id").isPresent()) {
                return null;
            }
        }
        Account a = accountsById.get(id);
        if (a == null || accountId != null && !accountId.equals(String.valueOf(a.id))) {
            return null;
        }
        return a;
    }

    /** @return the ratings a rating call acts on: the session's account's, or the guest session's */
    Map<String, Rating> ratingTarget(FakeRequest r) {
        if (r.query("session_id").isPresent()) {
            Account a = sessionAccount(r, null);
            return a == null ? null : a.ratings;
        }
        GuestSession g = r.query("guest_session_id").map(this::liveGuestSession).orElse(null);
        return g == null ? null : g.ratings;
    }

    /** A guest session not used within 24 hours of its creation is deleted, as TMDb documents. */
    GuestSession liveGuestSession(String id) {
        GuestSession g = guestSessions.get(id);
        if (g == null) {
            return null;
        }
        Instant now = clock.instant();
        if (g.firstUsedAt == null) {
            if (!now.isBefore(g.createdAt.plus(Duration.ofHours(24)))) {
                guestSessions.remove(id);
                return null;
            }
            g.firstUsedAt = now;
        }
        return g;
    }
}
