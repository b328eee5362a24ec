package dev.latchkey.kemono;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Role;
import dev.latchkey.kemono.model.Service;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A logged-in Kemono account: what a login gives you, and the calls that need its session (pykemo's {@code Account}).
 * The session changes only when a call that renews it succeeds; {@link #logout()} ends it at Kemono, here and in the
 * store; {@link #close()} only stops this object from using it, as leaving pykemo's {@code async with account:} does.
 * Thread-safe.
 *
 * <pre>{@code
 * try (KemonoAccount me = kemono.login("alice", password)) {
 *     me.favoriteCreators();
 * }   // closed: the session is forgotten here, still valid at Kemono and kept in the session store
 * }</pre>
 */
public final class KemonoAccount implements AutoCloseable {
    private final KemonoClient client;
    private final SessionHolder holder;
    /** The client's pipeline, seeing every answer of this account's calls: the cookies the site sets are kept. */
    private final dev.latchkey.core.http.HttpPipeline pipeline;
    private volatile AccountInfo info;

    KemonoAccount(KemonoClient client, SessionHolder holder, AccountInfo info) {
        this.client = client;
        this.holder = holder;
        this.info = info;
        this.pipeline = keepingCookies(client, holder);
    }

    /**
     * @return the client's pipeline, keeping in the account's session (and its store) every cookie the site sets on
     *     the account's successful calls: a refreshed session, DDoS-Guard's {@code __ddg*}
     */
    static dev.latchkey.core.http.HttpPipeline keepingCookies(KemonoClient client, SessionHolder holder) {
        // Only a successful answer's: a failed call leaves the session as it was (a challenge's cookies are no use).
        return client.pipeline.onAnswers(answer -> holder.current().filter(s -> answer.status() < 400).ifPresent(s -> {
            dev.latchkey.core.auth.Session kept = dev.latchkey.core.auth.ServerCookies.merged(s,
                    client.pipeline.currentBaseUrl(), answer.headers(), java.time.Instant.now());
            if (kept != s) {
                holder.replace(kept);
            }
        }));
    }

    /** @return the account id */
    public long id() {
        return info.id();
    }

    /** @return the user name */
    public String username() {
        return info.username();
    }

    /** @return when the account was created (Kemono's time, without a zone: UTC), if known */
    public Optional<LocalDateTime> createdAt() {
        return Optional.ofNullable(info.createdAt());
    }

    /** @return the account's rank */
    public Role role() {
        return info.role();
    }

    /** @return all of the above, as last read */
    public AccountInfo info() {
        return info;
    }

    /** @return the current session (its {@code toString()} shows no secret) */
    public Session session() {
        return holder.require();
    }

    /** @return the key the session is saved under in the session store */
    public String storeKey() {
        return holder.key();
    }

    /**
     * Reads the account again ({@code GET /v1/account}) and returns it; also checks that the session still works.
     *
     * @return the account's details, fresh from the server
     */
    public AccountInfo refresh() {
        info = holder.call(s -> client.api.account(s).execute(pipeline));
        return info;
    }

    /**
     * The account's favorite creators, read element by element as they arrive (pykemo's {@code favorite_creators}).
     *
     * @return the creators
     */
    public List<FavoriteCreator> favoriteCreators() {
        return holder.call(s -> client.api.favoriteCreators(s).execute(pipeline));
    }

    /**
     * Alias of {@link #favoriteCreators()}, as pykemo's {@code favorite_artists}.
     *
     * @return the favorite creators
     */
    public List<FavoriteCreator> favoriteArtists() {
        return favoriteCreators();
    }

    /**
     * The favorite creators as a lazy stream: each is parsed when consumed, so 100,000 favorites never sit in
     * memory at once. Close the stream (try-with-resources) to release the connection early.
     *
     * @return the creators
     */
    public Stream<FavoriteCreator> streamFavoriteCreators() {
        return holder.call(s -> pipeline.stream(client.api.favoritesRequest(s, "artist"),
                FavoriteCreator.class));
    }

    /** @return the account's favorite posts (pykemo's {@code favorite_posts}) */
    public List<FavoritePost> favoritePosts() {
        return holder.call(s -> client.api.favoritePosts(s).execute(pipeline));
    }

    /**
     * Adds a creator to the favorites (idempotent).
     *
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     */
    public void addFavoriteCreator(Service service, String creatorId) {
        holder.call(s -> client.api.favoriteCreator(s, true, service, creatorId).execute(pipeline));
    }

    /**
     * Removes a creator from the favorites (idempotent).
     *
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     */
    public void removeFavoriteCreator(Service service, String creatorId) {
        holder.call(s -> client.api.favoriteCreator(s, false, service, creatorId).execute(pipeline));
    }

    /**
     * Adds a post to the favorites (idempotent).
     *
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @param postId the post id
     */
    public void addFavoritePost(Service service, String creatorId, String postId) {
        holder.call(s -> client.api.favoritePost(s, true, service, creatorId, postId).execute(pipeline));
    }

    /**
     * Removes a post from the favorites (idempotent).
     *
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @param postId the post id
     */
    public void removeFavoritePost(Service service, String creatorId, String postId) {
        holder.call(s -> client.api.favoritePost(s, false, service, creatorId, postId).execute(pipeline));
    }

    /**
     * A creator's profile fetched with this account's session (pykemo's {@code get_creator}); empty on 404.
     *
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return the creator, or empty if there is none with that id
     */
    public Optional<Creator> creator(Service service, String creatorId) {
        return holder.call(s -> client.api.creator(s, service, creatorId).executeOptional(pipeline));
    }

    /**
     * Changes the password (pykemo's {@code change_password}, {@code close_on_fail=True}): if the change fails, this
     * account is {@linkplain #close() closed}, as pykemo closes its session. Never retried. On success the session stays
     * valid.
     *
     * @param currentPassword the password now
     * @param newPassword the new one
     * @throws dev.latchkey.core.error.InvalidCredentialsException if the current password is wrong
     * @throws dev.latchkey.core.error.ValidationException if Kemono refused the new one
     */
    public void changePassword(String currentPassword, String newPassword) {
        changePassword(currentPassword, newPassword, true);
    }

    /**
     * Changes the password (pykemo's {@code change_password}). Never retried. On success the session stays valid.
     *
     * @param currentPassword the password now
     * @param newPassword the new one
     * @param closeOnFail whether a failed change {@linkplain #close() closes} this account (pykemo's
     *     {@code close_on_fail}; {@code false} keeps it usable, to try again)
     * @throws dev.latchkey.core.error.InvalidCredentialsException if the current password is wrong
     * @throws dev.latchkey.core.error.ValidationException if Kemono refused the new one
     * @throws InvalidInputException if either password is blank (the account stays open: nothing
     *     was sent)
     */
    public void changePassword(String currentPassword, String newPassword, boolean closeOnFail) {
        // Blank passwords throw here, before anything is sent, and leave the account open.
        Secret current = Secret.of(currentPassword);
        Secret next = Secret.of(newPassword);
        try {
            holder.call(s -> client.api.changePassword(s, current, next).execute(pipeline));
        } catch (RuntimeException e) {
            if (closeOnFail) {
                close();
            }
            throw e;
        }
    }

    /**
     * Closes this account object, as leaving pykemo's {@code async with account:} closes its session: the session is
     * forgotten here, so later calls on this object throw {@link IllegalStateException}. Kemono still honours the
     * session and the session store keeps it, so {@link KemonoClient#resumeOrLogin} picks it up again; to end it at
     * Kemono, {@link #logout()}. Idempotent; the client stays open.
     */
    @Override
    public void close() {
        holder.forget();
    }

    /**
     * Forgets the session here and in the session store, without telling Kemono: the session stays valid there
     * (until Kemono ends it). To end it at Kemono too, {@link #logout()}.
     */
    public void forget() {
        holder.clear();
    }

    /**
     * Logs out: Kemono ends the session, and it is removed here and from the store. If the call fails, the session is
     * kept, so it can be tried again.
     */
    public void logout() {
        client.api.logout(holder.require()).execute(pipeline);
        holder.clear();
    }

    /**
     * The escape hatch for session calls this module does not model yet: any path below the base URL, sent with this
     * account's session cookie.
     *
     * @param method the HTTP method
     * @param path the path, for example {@code /v1/account/notifications}
     * @param type the answer's type, or {@code Void.class}
     * @param <T> the answer
     * @return the answer
     */
    public <T> T request(String method, String path, Class<T> type) {
        return holder.call(s -> client.api.raw(s, method, path, null, null, type).execute(pipeline));
    }

    /**
     * This account with per-call options (a timeout, retries, extra headers, an idempotency key) on its calls; the
     * session is the same.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this account for calls with those options
     * @see KemonoClient#withRequestOptions
     */
    public KemonoAccount withRequestOptions(RequestOptions options) {
        return on(client.withRequestOptions(options));
    }

    /**
     * @param call makes the calls on the account it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     * @see KemonoClient#withResponse
     */
    public <T> WithResponse<T> withResponse(Function<KemonoAccount, T> call) {
        InvalidInputException.require(call, "call");
        return pipeline.withResponse(p -> call.apply(on(client.on(p))));
    }

    /** @return this account, its session shared, making its calls through another client */
    KemonoAccount on(KemonoClient c) {
        return new KemonoAccount(c, holder, info);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public KemonoAccountAsync async() {
        return new KemonoAccountAsync(client, holder, this);
    }

    void info(AccountInfo refreshed) {
        this.info = refreshed;
    }

    @Override
    public String toString() {
        return "KemonoAccount{id=" + info.id() + ", username=" + info.username() + ", role=" + info.role() + '}';
    }
}
