package dev.latchkey.eternaltwin;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.Pkce;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.eternaltwin.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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

    /**
     * @param code the {@code code} of the redirect
     * @param callbackState the {@code state} of the redirect
     * @param expectedState the state {@link EternaltwinClient#startAuthorization} gave for this user's login: required, since a signed state alone does not prove it was this browser that started the login (login CSRF)
     * @return a future of the logged-in account
     * @see EternaltwinClient#fromAuthorizationCode
     */
    public CompletableFuture<EternaltwinAccount> fromAuthorizationCode(String code, String callbackState,
            String expectedState) {
        return Async.start(() -> redeem(code, client.acceptState(code, callbackState, expectedState)));
    }

    /**
     * @param callback the redirect's query parameters
     * @param expectedState the state {@link EternaltwinClient#startAuthorization} gave for this login
     * @return a future of the logged-in account
     * @see EternaltwinClient#fromCallback
     */
    public CompletableFuture<EternaltwinAccount> fromCallback(AuthorizationCallback callback, String expectedState) {
        return Async.start(() -> {
            String code = client.checkCallback(callback, expectedState);
            return redeem(code, client.acceptState(code, callback.state().orElse(""), expectedState));
        });
    }

    private CompletableFuture<EternaltwinAccount> redeem(String code, Pkce pkce) {
        OAuthFlow o = client.requireOAuth();
        return Async.map(Async.compose(o.exchange(client.api, code, pkce).executeAsync(client.pipeline),
                token -> client.api.self(token, o.clientId()).executeAsync(client.pipeline)), client::account);
    }

    /**
     * @param accessToken an access token from an earlier code exchange
     * @return a future of the account
     * @see EternaltwinClient#fromToken
     */
    public CompletableFuture<EternaltwinAccount> fromToken(String accessToken) {
        return Async.start(() -> Async.map(client.api.self(EternaltwinClient.tokenSession(accessToken))
                .executeAsync(client.pipeline), client::account));
    }

    /**
     * @param id the user's UUID
     * @return a future of the user (eternaltwin-py's {@code get}), or empty if Eternaltwin has none (404)
     * @see EternaltwinClient#user
     */
    public CompletableFuture<Optional<User>> user(String id) {
        return Async.start(() -> client.api.user(id).executeOptionalAsync(client.pipeline));
    }

    /**
     * @param query the text to look for, or {@code null} or empty for every user
     * @return a future of the first page of {@value EternaltwinClient#DEFAULT_LIMIT} matches
     * @see EternaltwinClient#search(String)
     */
    public CompletableFuture<Page<User>> search(String query) {
        return search(query, EternaltwinClient.DEFAULT_LIMIT, 0);
    }

    /**
     * @param query the text to look for, or {@code null} or empty for every user
     * @param limit the page size, 1 or more
     * @param offset how many matches to skip
     * @return a future of the first page
     * @see EternaltwinClient#search(String, int, int)
     */
    public CompletableFuture<Page<User>> search(String query, int limit, int offset) {
        return OffsetPages.fetchAsync(client.pipeline, (l, o) -> client.api.search(query, l, o), limit, offset);
    }

    /**
     * @param query the text to look for, or {@code null} or empty for every user
     * @return a future of how many users match (eternaltwin-py's {@code count}), in one call
     * @see EternaltwinClient#count(String)
     */
    public CompletableFuture<Long> count(String query) {
        return Async.start(() -> client.api.count(query).executeAsync(client.pipeline));
    }

    /**
     * @return a future of how many users there are
     * @see EternaltwinClient#count()
     */
    public CompletableFuture<Long> count() {
        return count(null);
    }

    /**
     * @param <T> the answer
     * @param method the HTTP method
     * @param path the path below the origin, for example {@code /api/v1/archive/...}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @return a future of the answer
     * @see EternaltwinClient#request
     */
    public <T> CompletableFuture<T> request(String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return Async.start(() -> client.api.raw(null, method, path, query, body, type).executeAsync(client.pipeline));
    }

    /**
     * @param call starts calls on the async client it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see EternaltwinClient#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<EternaltwinClientAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(client.on(p).async()));
    }
}
