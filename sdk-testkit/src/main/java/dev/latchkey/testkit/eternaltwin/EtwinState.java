package dev.latchkey.testkit.eternaltwin;

import dev.latchkey.testkit.accounts.AccountStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything {@link FakeEternaltwin} remembers beside the account store: OAuth clients, Eternaltwin users (a UUID and
 * a display name for each account of the store), authorization codes, access tokens and browser sessions. Not
 * thread-safe by itself: the fake runs every request, and every call of its public API, holding this object's monitor.
 */
final class EtwinState {
    /** A registered OAuth client (server configuration, not an API, on the real server). */
    record Client(String id, String key, String displayName, String callbackUri, String secret) {
    }

    /** An Eternaltwin user: the store's account, with its UUID and display name. */
    static final class User {
        final String id;
        final String storeId;
        final String displayName;
        final boolean administrator;
        final Instant createdAt;

        User(String id, String storeId, String displayName, boolean administrator, Instant createdAt) {
            this.id = id;
            this.storeId = storeId;
            this.displayName = displayName;
            this.administrator = administrator;
            this.createdAt = createdAt;
        }
    }

    /**
     * An authorization code granted to a client for a user. The server keeps no record of it (its check is a JWT's,
     * stateless): {@code used} is only for tests to see.
     */
    static final class Code {
        final String clientId;
        final String userId;
        final Instant expiresAt;
        boolean used;

        Code(String clientId, String userId, Instant expiresAt) {
            this.clientId = clientId;
            this.userId = userId;
            this.expiresAt = expiresAt;
        }
    }

    /** An access token; a revoked one (the fake's hook alone: the server has no revocation) answers as unknown. */
    static final class Token {
        final String clientId;
        final String userId;
        boolean revoked;

        Token(String clientId, String userId) {
            this.clientId = clientId;
            this.userId = userId;
        }
    }

    final Clock clock;
    final AccountStore accounts;
    final Map<String, Client> clientsById = new LinkedHashMap<>();
    final Map<String, Client> clientsByKey = new LinkedHashMap<>();
    final Map<String, User> usersById = new LinkedHashMap<>();
    final Map<String, Code> codes = new LinkedHashMap<>();
    final Map<String, Token> tokens = new LinkedHashMap<>();
    /** Browser sessions ({@code sid} cookie) to user ids. */
    final Map<String, String> browserSessions = new LinkedHashMap<>();

    EtwinState(Clock clock, AccountStore accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    void clear() {
        accounts.clear();
        clientsById.clear();
        clientsByKey.clear();
        usersById.clear();
        codes.clear();
        tokens.clear();
        browserSessions.clear();
    }

    /** @return the client a {@code client_id} names: its UUID or its key */
    Optional<Client> client(String clientId) {
        return Optional.ofNullable(clientsById.getOrDefault(clientId, clientsByKey.get(clientId)));
    }

    Optional<User> userOfStoreId(String storeId) {
        return usersById.values().stream().filter(u -> u.storeId.equals(storeId)).findFirst();
    }

    /** @return the user a live, unrevoked access token belongs to */
    Optional<Token> liveToken(String accessToken) {
        return Optional.ofNullable(tokens.get(accessToken)).filter(t -> !t.revoked);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
