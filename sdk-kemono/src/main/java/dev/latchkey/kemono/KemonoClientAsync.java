package dev.latchkey.kemono;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.kemono.internal.KemonoApi;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import dev.latchkey.kemono.model.Service;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of a {@link KemonoClient}, returning {@code CompletableFuture}s: the same requests and answers on the same
 * code path, never blocking a thread. Invalid arguments fail the future (never throw).
 */
public final class KemonoClientAsync {
    private final KemonoClient client;

    KemonoClientAsync(KemonoClient client) {
        this.client = client;
    }

    /** @see KemonoClient#login(String, String) */
    public CompletableFuture<KemonoAccount> login(String username, String password) {
        return Async.start(() -> login(Credentials.of(username, password)));
    }

    /** @see KemonoClient#login(Credentials) */
    public CompletableFuture<KemonoAccount> login(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            return Async.map(client.api.login(c.username(), c.password()).executeAsync(client.pipeline),
                    login -> client.account(login, c));
        });
    }

    /** @see KemonoClient#resumeOrLogin(String, String) */
    public CompletableFuture<KemonoAccount> resumeOrLogin(String username, String password) {
        return Async.start(() -> resumeOrLogin(Credentials.of(username, password)));
    }

    /** @see KemonoClient#resumeOrLogin(Credentials) */
    public CompletableFuture<KemonoAccount> resumeOrLogin(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            String key = client.storeKey(c.username());
            return Async.map(client.pipeline.options().sessionStore().renewAsync(key, null,
                    () -> client.loginAsync(c)), s -> client.resumed(key, s, c));
        });
    }

    /** @see KemonoClient#withSessionCookie(String) */
    public CompletableFuture<KemonoAccount> withSessionCookie(String sessionCookie) {
        return Async.start(() -> Async.map(client.api.sessionCookie(Secret.of(sessionCookie).reveal())
                .executeAsync(client.pipeline), login -> client.account(login, null)));
    }

    /** @see KemonoClient#register(String, String) */
    public CompletableFuture<KemonoAccount> register(String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            CompletableFuture<KemonoApi.Login> login = Async.compose(
                    client.api.register(c.username(), c.password()).executeAsync(client.pipeline),
                    v -> client.api.login(c.username(), c.password()).executeAsync(client.pipeline));
            return Async.map(login, l -> client.account(l, c));
        });
    }

    /** @see KemonoClient#creator(Service, String) */
    public CompletableFuture<Optional<Creator>> creator(Service service, String creatorId) {
        return Async.start(() -> client.api.creator(null, service, creatorId).executeOptionalAsync(client.pipeline));
    }

    /** @see KemonoClient#randomCreator() */
    public CompletableFuture<Optional<RandomCreator>> randomCreator() {
        return Async.start(() -> client.api.randomCreator(null).executeOptionalAsync(client.pipeline));
    }

    /** @see KemonoClient#randomPost() */
    public CompletableFuture<Optional<RandomPost>> randomPost() {
        return Async.start(() -> client.api.randomPost(null).executeOptionalAsync(client.pipeline));
    }

    /** @see KemonoClient#post(Service, String, String) */
    public CompletableFuture<Optional<Post>> post(Service service, String creatorId, String postId) {
        return Async.start(() -> client.api.post(null, service, creatorId, postId).executeOptionalAsync(client.pipeline));
    }

    /** @see KemonoClient#post(RandomPost) */
    public CompletableFuture<Optional<Post>> post(RandomPost where) {
        return Async.start(() -> {
            RandomPost w = InvalidInputException.require(where, "where");
            return post(w.service(), w.creatorId(), w.postId());
        });
    }

    /** @see KemonoClient#request(String, String, Map, Object, Class) */
    public <T> CompletableFuture<T> request(String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return Async.start(() -> client.api.raw(null, method, path, query, body, type).executeAsync(client.pipeline));
    }
}
