package dev.latchkey.tmdb;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The calls of a {@link TmdbClient}, returning {@code CompletableFuture}s, on the same code path. */
public final class TmdbClientAsync {
    private final TmdbClient client;

    TmdbClientAsync(TmdbClient client) {
        this.client = client;
    }

    /** @return the authentication calls, async */
    public TmdbAuthAsync auth() {
        return new TmdbAuthAsync(client);
    }

    /**
     * @param session a session from {@link TmdbAuth#createSession} or {@link TmdbAuth#login}
     * @return a future of the account
     * @see TmdbClient#account(TmdbSession)
     */
    public CompletableFuture<TmdbAccount> account(TmdbSession session) {
        return Async.start(() -> Async.map(client.api.accountDetails(InvalidInputException.require(session,
                "session").sessionId(), null).executeAsync(client.pipeline), details -> client.account(session, details)));
    }

    /**
     * The async form of {@link TmdbClient#resumeOrLogin}: one login among everyone sharing the session store.
     *
     * @param username the user name
     * @param password the password, used only if a login is needed
     * @return the account
     */
    public CompletableFuture<TmdbAccount> resumeOrLogin(String username, String password) {
        return Async.start(() -> {
            dev.latchkey.core.auth.Credentials c = dev.latchkey.core.auth.Credentials.of(username, password);
            String key = client.storeKey(c.username());
            CompletableFuture<dev.latchkey.core.auth.Session> s = client.store().renewAsync(key, null,
                    () -> Async.compose(auth().login(c.username(), c.password().reveal()), session -> Async.map(
                            client.api.accountDetails(session.sessionId(), null).executeAsync(client.pipeline),
                            details -> client.sessionOf(session, details, c.username()))));
            return Async.map(s, session -> new TmdbAccount(client,
                    new dev.latchkey.core.auth.SessionHolder(key, client.store(), session, null)));
        });
    }

    /**
     * @param <T> the answer
     * @param method the HTTP method
     * @param path for example {@code /3/movie/550}
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class}
     * @return a future of the answer
     * @see TmdbClient#request(String, String, Map, Object, Class)
     */
    public <T> CompletableFuture<T> request(String method, String path, Map<String, ?> query, Object body,
            Class<T> type) {
        return Async.start(() -> client.api.raw(method, path, query, body, type).executeAsync(client.pipeline));
    }

    /**
     * @param call starts calls on the async client it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see TmdbClient#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<TmdbClientAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(client.on(p).async()));
    }
}
