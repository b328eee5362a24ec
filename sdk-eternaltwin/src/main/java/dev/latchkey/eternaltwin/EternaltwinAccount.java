package dev.latchkey.eternaltwin;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.eternaltwin.model.User;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A user logged in through OAuth: who they are, and their access token, kept in the session store under their id
 * (eternaltwin-py's {@code User} with its {@code token}). Eternaltwin offers no refresh and no revocation: a token the
 * server no longer knows is answered with a bare 500 (a {@link dev.latchkey.core.error.ServerException} whose message
 * says to log in again), and the cure is a new login. Thread-safe.
 */
public final class EternaltwinAccount implements AutoCloseable {
    private final EternaltwinClient client;
    private final SessionHolder holder;
    private volatile User user;

    EternaltwinAccount(EternaltwinClient client, SessionHolder holder, User user) {
        this.client = client;
        this.holder = holder;
        this.user = user;
    }

    /** @return the user's id (a UUID) */
    public String id() {
        return user.id();
    }

    /** @return the user's display name, as last read */
    public String displayName() {
        return user.displayName();
    }

    /** @return the user, as last read (the short user: id and display name) */
    public User user() {
        return user;
    }

    /** @return when the token expires, if Eternaltwin said (the 2021 server's tokens effectively never do) */
    public Optional<Instant> expiresAt() {
        return holder.current().flatMap(Session::expiresAt);
    }

    /** @return the current session holding the token (its {@code toString()} shows no secret) */
    public Session session() {
        return holder.require();
    }

    /** @return the key the session is saved under in the session store */
    public String storeKey() {
        return holder.key();
    }

    /**
     * Asks Eternaltwin who the token is ({@code GET /api/v1/auth/self}), and keeps the answer.
     *
     * @return the user
     * @throws dev.latchkey.core.error.ServerException if Eternaltwin no longer knows the token: it answers a bare 500,
     *     whose message says so; the stored session is left for the caller to {@link #forget()}
     * @throws dev.latchkey.core.error.UnauthorizedException if it answers as to a guest
     */
    public User self() {
        User fresh = holder.call(s -> client.api.self(s).execute(client.pipeline)).user();
        user = fresh;
        return fresh;
    }

    /**
     * The escape hatch for calls this module does not model: any path below the origin, sent with this account's
     * token.
     *
     * @param method the HTTP method
     * @param path the path
     * @param type the answer's type, or {@code Void.class}
     * @param <T> the answer
     * @return the answer
     */
    public <T> T request(String method, String path, Class<T> type) {
        return holder.call(s -> client.api.raw(s, method, path, null, null, type).execute(client.pipeline));
    }

    /**
     * Closes this account object: the session is dropped here, so later calls on this object throw {@link
     * IllegalStateException}. The session store keeps it (a later {@code resume} picks it up) and Eternaltwin still
     * honours the token until it expires (it has no revocation). Idempotent; the client stays open. (The three ways to
     * let go, the same on every provider: {@code close()} here only, {@code forget()} here and in the store, {@code
     * logout()} at the provider too, where it has one.)
     */
    @Override
    public void close() {
        holder.forget();
    }

    /**
     * Forgets the session here and in the session store. Eternaltwin has no revocation: the token stays valid there
     * until it expires.
     */
    public void forget() {
        holder.clear();
    }

    /**
     * This account with per-call options (a timeout, retries, extra headers, an idempotency key) on its calls; the
     * session is the same.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this account for calls with those options
     * @see EternaltwinClient#withRequestOptions
     */
    public EternaltwinAccount withRequestOptions(RequestOptions options) {
        return on(client.withRequestOptions(options));
    }

    /**
     * @param call makes the calls on the account it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     * @see EternaltwinClient#withResponse
     */
    public <T> WithResponse<T> withResponse(Function<EternaltwinAccount, T> call) {
        InvalidInputException.require(call, "call");
        return client.pipeline.withResponse(p -> call.apply(on(client.on(p))));
    }

    /** @return this account, its session shared, making its calls through another client */
    EternaltwinAccount on(EternaltwinClient c) {
        return new EternaltwinAccount(c, holder, user);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public EternaltwinAccountAsync async() {
        return new EternaltwinAccountAsync(client, holder, this);
    }

    void user(User refreshed) {
        this.user = refreshed;
    }

    @Override
    public String toString() {
        return "EternaltwinAccount{id=" + user.id() + ", displayName=" + user.displayName() + '}';
    }
}
