package dev.latchkey.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The calls of a {@link KaraokeMugenClient}, returning {@code CompletableFuture}s: the same requests and answers on
 * the same code path, never blocking a thread. Invalid arguments fail the future (never throw).
 */
public final class KaraokeMugenClientAsync {
    private final KaraokeMugenClient client;

    KaraokeMugenClientAsync(KaraokeMugenClient client) {
        this.client = client;
    }

    /**
     * @param username the login (trimmed and lower-cased, as the app does)
     * @param password the password
     * @return a future of the logged-in account
     * @see KaraokeMugenClient#login(String, String)
     */
    public CompletableFuture<KaraokeMugenAccount> login(String username, String password) {
        return Async.start(() -> login(Credentials.of(username, password)));
    }

    /**
     * @param credentials the user name and password
     * @return a future of the logged-in account
     * @see KaraokeMugenClient#login(Credentials)
     */
    public CompletableFuture<KaraokeMugenAccount> login(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            return Async.map(client.api.login(c.username(), c.password(), null).executeAsync(client.pipeline),
                    client::account);
        });
    }

    /**
     * The async form of {@link KaraokeMugenClient#resumeOrLogin}: one login among everyone sharing the store.
     *
     * @param username the login
     * @param password the password, used only if a login is needed
     * @return a future of the account
     */
    public CompletableFuture<KaraokeMugenAccount> resumeOrLogin(String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            String key = client.storeKey(dev.latchkey.karaokemugen.internal.KaraokeMugenApi.requireLogin(
                    c.username()));
            return Async.map(client.pipeline.sessionStore().renewAsync(key, null, () -> Async.map(
                    client.api.login(c.username(), c.password(), null).executeAsync(client.pipeline),
                    login -> client.sameAccount(key, login))), s -> client.resumed(key, s));
        });
    }

    /**
     * @param username the user name
     * @param password the password
     * @param securityCode the app's current security code (six digits; required here)
     * @return a future of the logged-in account
     * @see KaraokeMugenClient#login(String, String, String)
     */
    public CompletableFuture<KaraokeMugenAccount> login(String username, String password, String securityCode) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            return Async.map(client.api.login(c.username(), c.password(), InvalidInputException.require(securityCode,
                    "securityCode"))
                    .executeAsync(client.pipeline), client::account);
        });
    }

    /**
     * @return a future of the logged-in guest account
     * @see KaraokeMugenClient#loginGuest()
     */
    public CompletableFuture<KaraokeMugenAccount> loginGuest() {
        return Async.start(() -> Async.map(client.api.loginGuest().executeAsync(client.pipeline), client::account));
    }

    /**
     * @param user the new user
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenClient#createUser(NewUser)
     */
    public CompletableFuture<Void> createUser(NewUser user) {
        return Async.start(() -> client.api.createUser(null, InvalidInputException.require(user, "user"))
                .executeAsync(client.pipeline));
    }

    /**
     * @param username the user name
     * @param newPassword the new one
     * @param securityCode the app's current security code; {@code null} for an online account
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenClient#resetUserPassword(String, String, String)
     */
    public CompletableFuture<Void> resetUserPassword(String username, String newPassword, String securityCode) {
        return Async.start(() -> client.api.resetUserPassword(username, Secret.of(newPassword), securityCode)
                .executeAsync(client.pipeline));
    }

    /**
     * @param username the user name
     * @return a future of a public user's profile without logging in, or empty if there is none (or it is not public)
     * @see KaraokeMugenClient#user(String)
     */
    public CompletableFuture<Optional<User>> user(String username) {
        return Async.start(() -> client.api.user(null, username).executeOptionalAsync(client.pipeline));
    }

    /**
     * @param command the command, for example {@code getKaras}
     * @param body the command's {@code body}, or {@code null}
     * @return a future of the answer's {@code data}, or {@code null} when there is none
     * @see KaraokeMugenClient#request(String, Map)
     */
    public CompletableFuture<JsonNode> request(String command, Map<String, ?> body) {
        return Async.start(() -> client.api.raw(null, command, body).executeAsync(client.pipeline));
    }

    /**
     * @param call starts calls on the async client it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see KaraokeMugenClient#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<KaraokeMugenClientAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(client.on(p).async()));
    }
}
