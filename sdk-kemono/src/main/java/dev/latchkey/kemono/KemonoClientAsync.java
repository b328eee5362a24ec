package dev.latchkey.kemono;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.kemono.internal.KemonoApi;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import dev.latchkey.kemono.model.Service;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The calls of a {@link KemonoClient}, returning {@code CompletableFuture}s: the same requests and answers on the same
 * code path, never blocking a thread. Invalid arguments fail the future (never throw).
 */
public final class KemonoClientAsync {
    private final KemonoClient client;

    KemonoClientAsync(KemonoClient client) {
        this.client = client;
    }

    /**
     * @param username the user name
     * @param password the password
     * @return a future of the logged-in account
     * @see KemonoClient#login(String, String)
     */
    public CompletableFuture<KemonoAccount> login(String username, String password) {
        return Async.start(() -> login(Credentials.of(username, password)));
    }

    /**
     * @param credentials the user name and password
     * @return a future of the logged-in account
     * @see KemonoClient#login(Credentials)
     */
    public CompletableFuture<KemonoAccount> login(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            return Async.map(client.api.login(c.username(), c.password()).executeAsync(client.pipeline),
                    login -> client.account(login, c));
        });
    }

    /**
     * @param username the user name
     * @param password the password, used only if a login is needed
     * @return a future of the account
     * @see KemonoClient#resumeOrLogin(String, String)
     */
    public CompletableFuture<KemonoAccount> resumeOrLogin(String username, String password) {
        return Async.start(() -> resumeOrLogin(Credentials.of(username, password)));
    }

    /**
     * @param credentials the user name and password
     * @return a future of the account, logged in
     * @see KemonoClient#resumeOrLogin(Credentials)
     */
    public CompletableFuture<KemonoAccount> resumeOrLogin(Credentials credentials) {
        return Async.start(() -> {
            Credentials c = InvalidInputException.require(credentials, "credentials");
            String key = client.storeKey(c.username());
            return Async.map(client.pipeline.sessionStore().renewAsync(key, null,
                    () -> client.loginAsync(c)), s -> client.resumed(key, s, c));
        });
    }

    /**
     * @param sessionCookie the value of the {@code session} cookie
     * @return a future of the account
     * @see KemonoClient#withSessionCookie(String)
     */
    public CompletableFuture<KemonoAccount> withSessionCookie(String sessionCookie) {
        return Async.start(() -> Async.map(client.api.sessionCookie(Secret.of(sessionCookie).reveal(), null)
                .executeAsync(client.pipeline), login -> client.account(login, null)));
    }

    /**
     * @param username the user name
     * @param password the password
     * @return a future of the new, logged-in account
     * @see KemonoClient#register(String, String)
     */
    public CompletableFuture<KemonoAccount> register(String username, String password) {
        return Async.start(() -> {
            Credentials c = Credentials.of(username, password);
            CompletableFuture<KemonoApi.Login> login = Async.compose(
                    client.api.register(c.username(), c.password()).executeAsync(client.pipeline),
                    session -> session.isPresent() ? client.api.sessionCookie(session.get(), c.username())
                            .executeAsync(client.pipeline)
                            : client.api.login(c.username(), c.password()).executeAsync(client.pipeline));
            return Async.map(login, l -> client.account(l, c));
        });
    }

    /**
     * @param service the creator's service
     * @param creatorId the creator's id on it
     * @return a future of the creator's profile, or empty if Kemono has none (404)
     * @see KemonoClient#creator(Service, String)
     */
    public CompletableFuture<Optional<Creator>> creator(Service service, String creatorId) {
        return Async.start(() -> client.api.creator(null, service, creatorId).executeOptionalAsync(client.pipeline));
    }

    /**
     * @return a future of a random creator's pointer, or empty if the site has none
     * @see KemonoClient#randomCreator()
     */
    public CompletableFuture<Optional<RandomCreator>> randomCreator() {
        return Async.start(() -> client.api.randomCreator(null).executeOptionalAsync(client.pipeline));
    }

    /**
     * @return a future of a random post's pointer, or empty if the site has none
     * @see KemonoClient#randomPost()
     */
    public CompletableFuture<Optional<RandomPost>> randomPost() {
        return Async.start(() -> client.api.randomPost(null).executeOptionalAsync(client.pipeline));
    }

    /**
     * @return a future of a random creator's profile, or empty if the site has none or the one picked is gone
     * @see KemonoClient#fetchRandomCreator()
     */
    public CompletableFuture<Optional<Creator>> fetchRandomCreator() {
        return Async.compose(randomCreator(), where -> where.isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : creator(where.get().service(), where.get().creatorId()));
    }

    /**
     * @return a future of a random post, or empty if the site has none or the one picked is gone
     * @see KemonoClient#fetchRandomPost()
     */
    public CompletableFuture<Optional<Post>> fetchRandomPost() {
        return Async.compose(randomPost(), where -> where.isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : post(where.get()));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id
     * @param postId the post's id
     * @return a future of the post, or empty if it does not exist
     * @see KemonoClient#post(Service, String, String)
     */
    public CompletableFuture<Optional<Post>> post(Service service, String creatorId, String postId) {
        return Async.start(() -> client.api.post(null, service, creatorId, postId).executeOptionalAsync(client.pipeline));
    }

    /**
     * @param where the post a random pick pointed to
     * @return a future of the post a {@link #randomPost()} pointed at, or empty if it is gone
     * @see KemonoClient#post(RandomPost)
     */
    public CompletableFuture<Optional<Post>> post(RandomPost where) {
        return Async.start(() -> {
            RandomPost w = InvalidInputException.require(where, "where");
            return post(w.service(), w.creatorId(), w.postId());
        });
    }

    /**
     * @param <T> the answer
     * @param method the HTTP method
     * @param path the path below the base URL, for example {@code /v1/creators}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @return a future of the answer
     * @see KemonoClient#request(String, String, Map, Object, Class)
     */
    public <T> CompletableFuture<T> request(String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return Async.start(() -> client.api.raw(null, method, path, query, body, type).executeAsync(client.pipeline));
    }

    /**
     * @param call starts calls on the async client it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see KemonoClient#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<KemonoClientAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(client.on(p).async()));
    }
}
