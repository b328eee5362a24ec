package dev.latchkey.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of a {@link KaraokeMugenClient}, returning {@code CompletableFuture}s: the same requests and answers on
 * the same code path, never blocking a thread. Invalid arguments fail the future (never throw).
 */
public final class KaraokeMugenClientAsync {
    private final KaraokeMugenClient client;

    KaraokeMugenClientAsync(KaraokeMugenClient client) {
        this.client = client;
    }

    /** @see KaraokeMugenClient#login(String, String) */
    public CompletableFuture<KaraokeMugenAccount> login(String username, String password) {
        return Async.start(() -> login(Credentials.of(username, password)));
    }

    /** @see KaraokeMugenClient#login(Credentials) */
    public CompletableFuture<KaraokeMugenAccount> login(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            return Async.map(client.api.login(c.username(), c.password(), null).executeAsync(client.pipeline),
                    client::account);
        });
    }

    /** @see KaraokeMugenClient#login(String, String, String) */
    public CompletableFuture<KaraokeMugenAccount> login(String username, String password, String securityCode) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            return Async.map(client.api.login(c.username(), c.password(), InvalidInputException.require(securityCode,
                    "securityCode"))
                    .executeAsync(client.pipeline), client::account);
        });
    }

    /** @see KaraokeMugenClient#loginGuest() */
    public CompletableFuture<KaraokeMugenAccount> loginGuest() {
        return Async.start(() -> Async.map(client.api.loginGuest().executeAsync(client.pipeline), client::account));
    }

    /** @see KaraokeMugenClient#createUser(NewUser) */
    public CompletableFuture<Void> createUser(NewUser user) {
        return Async.start(() -> client.api.createUser(null, InvalidInputException.require(user, "user"))
                .executeAsync(client.pipeline));
    }

    /** @see KaraokeMugenClient#resetUserPassword(String, String, String) */
    public CompletableFuture<Void> resetUserPassword(String username, String newPassword, String securityCode) {
        return Async.start(() -> client.api.resetUserPassword(username, Secret.of(newPassword), securityCode)
                .executeAsync(client.pipeline));
    }

    /** @see KaraokeMugenClient#user(String) */
    public CompletableFuture<Optional<User>> user(String username) {
        return Async.start(() -> client.api.user(null, username).executeOptionalAsync(client.pipeline));
    }

    /** @see KaraokeMugenClient#request(String, Map) */
    public CompletableFuture<JsonNode> request(String command, Map<String, ?> body) {
        return Async.start(() -> client.api.raw(null, command, body).executeAsync(client.pipeline));
    }
}
