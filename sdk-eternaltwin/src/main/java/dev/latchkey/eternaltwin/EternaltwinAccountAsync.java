package dev.latchkey.eternaltwin;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.eternaltwin.model.User;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The calls of an {@link EternaltwinAccount}, returning {@code CompletableFuture}s: the same requests and answers on
 * the same code path. Cancelling a future cancels its HTTP call; failures complete it with the same typed exceptions.
 */
public final class EternaltwinAccountAsync {
    private final EternaltwinClient client;
    private final SessionHolder holder;
    private final EternaltwinAccount account;

    EternaltwinAccountAsync(EternaltwinClient client, SessionHolder holder, EternaltwinAccount account) {
        this.client = client;
        this.holder = holder;
        this.account = account;
    }

    /**
     * @return a future of the user
     * @see EternaltwinAccount#self()
     */
    public CompletableFuture<User> self() {
        return Async.map(holder.callAsync(s -> client.api.self(s).executeAsync(client.pipeline)), grant -> {
            account.user(grant.user());
            return grant.user();
        });
    }

    /**
     * @param <T> the answer
     * @param method the HTTP method
     * @param path the path
     * @param type the answer's type, or {@code Void.class}
     * @return a future of the answer
     * @see EternaltwinAccount#request(String, String, Class)
     */
    public <T> CompletableFuture<T> request(String method, String path, Class<T> type) {
        return holder.callAsync(s -> client.api.raw(s, method, path, null, null, type).executeAsync(client.pipeline));
    }

    /**
     * @param call starts calls on the async account it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see EternaltwinAccount#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<EternaltwinAccountAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(account.on(client.on(p)).async()));
    }
}
