package dev.latchkey.eternaltwin;

import dev.latchkey.core.Async;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.Pkce;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.eternaltwin.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of an {@link EternaltwinClient}, returning {@code CompletableFuture}s (eternaltwin-py's {@code a}-prefixed
 * twins): the same requests and answers on the same code path, never blocking a thread. Invalid arguments and a
 * refused state fail the future (never throw).
 */
public final class EternaltwinClientAsync {
    private final EternaltwinClient client;

    EternaltwinClientAsync(EternaltwinClient client) {
        this.client = client;
    }

    /** @see EternaltwinClient#fromAuthorizationCode */
    public CompletableFuture<EternaltwinAccount> fromAuthorizationCode(String code, String callbackState,
            String expectedState) {
        return Async.start(() -> redeem(code, client.acceptState(code, callbackState, expectedState)));
    }

    /** @see EternaltwinClient#fromCallback */
    public CompletableFuture<EternaltwinAccount> fromCallback(AuthorizationCallback callback, String expectedState) {
        return Async.start(() -> {
            String code = client.checkCallback(callback, expectedState);
            return redeem(code, client.acceptState(code, callback.state().orElse(""), expectedState));
        });
    }

    private CompletableFuture<EternaltwinAccount> redeem(String code, Pkce pkce) {
        EternaltwinClient.OAuth o = client.requireOAuth();
        return Async.map(Async.compose(client.api.exchange(o.clientId(), o.clientSecret(), code, o.redirectUri(),
                pkce.verifier()).executeAsync(client.pipeline), token -> client.api.self(token)
                        .executeAsync(client.pipeline)), client::account);
    }

    /** @see EternaltwinClient#fromToken */
    public CompletableFuture<EternaltwinAccount> fromToken(String accessToken) {
        return Async.start(() -> Async.map(client.api.self(EternaltwinClient.tokenSession(accessToken))
                .executeAsync(client.pipeline), client::account));
    }

    /** @see EternaltwinClient#user */
    public CompletableFuture<Optional<User>> user(String id) {
        return Async.start(() -> client.api.user(id).executeOptionalAsync(client.pipeline));
    }

    /** @see EternaltwinClient#search(String) */
    public CompletableFuture<Page<User>> search(String query) {
        return search(query, EternaltwinClient.DEFAULT_LIMIT, 0);
    }

    /** @see EternaltwinClient#search(String, int, int) */
    public CompletableFuture<Page<User>> search(String query, int limit, int offset) {
        return OffsetPages.fetchAsync(client.pipeline, (l, o) -> client.api.search(query, l, o), limit, offset);
    }

    /** @see EternaltwinClient#count(String) */
    public CompletableFuture<Long> count(String query) {
        return Async.start(() -> client.api.count(query).executeAsync(client.pipeline));
    }

    /** @see EternaltwinClient#count() */
    public CompletableFuture<Long> count() {
        return count(null);
    }

    /** @see EternaltwinClient#request */
    public <T> CompletableFuture<T> request(String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return Async.start(() -> client.api.raw(null, method, path, query, body, type).executeAsync(client.pipeline));
    }
}
