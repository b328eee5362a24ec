package dev.latchkey.kemono;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Service;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The calls of a {@link KemonoAccount}, returning {@code CompletableFuture}s: the same requests and answers, on the
 * same code path, with retries scheduled instead of slept. Cancelling a future cancels its HTTP call. Failures
 * complete the future with the same typed exceptions the sync calls throw.
 */
public final class KemonoAccountAsync {
    private final KemonoClient client;
    private final SessionHolder holder;
    private final dev.latchkey.core.http.HttpPipeline pipeline;
    private final KemonoAccount account;

    KemonoAccountAsync(KemonoClient client, SessionHolder holder, KemonoAccount account) {
        this.client = client;
        this.holder = holder;
        this.pipeline = KemonoAccount.keepingCookies(client, holder);
        this.account = account;
    }

    /**
     * @return a future of the account's details, fresh from the server
     * @see KemonoAccount#refresh()
     */
    public CompletableFuture<AccountInfo> refresh() {
        return Async.map(holder.callAsync(s -> client.api.account(s).executeAsync(pipeline)), info -> {
            account.info(info);
            return info;
        });
    }

    /**
     * @return a future of the creators
     * @see KemonoAccount#favoriteCreators()
     */
    public CompletableFuture<List<FavoriteCreator>> favoriteCreators() {
        return holder.callAsync(s -> client.api.favoriteCreators(s).executeAsync(pipeline));
    }

    /**
     * @return a future of the favorite creators
     * @see KemonoAccount#favoriteArtists()
     */
    public CompletableFuture<List<FavoriteCreator>> favoriteArtists() {
        return favoriteCreators();
    }

    /**
     * @return a future of the favorite posts
     * @see KemonoAccount#favoritePosts()
     */
    public CompletableFuture<List<FavoritePost>> favoritePosts() {
        return holder.callAsync(s -> client.api.favoritePosts(s).executeAsync(pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#addFavoriteCreator
     */
    public CompletableFuture<Void> addFavoriteCreator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.favoriteCreator(s, true, service, creatorId)
                .executeAsync(pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#removeFavoriteCreator
     */
    public CompletableFuture<Void> removeFavoriteCreator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.favoriteCreator(s, false, service, creatorId)
                .executeAsync(pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @param postId the post id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#addFavoritePost
     */
    public CompletableFuture<Void> addFavoritePost(Service service, String creatorId, String postId) {
        return holder.callAsync(s -> client.api.favoritePost(s, true, service, creatorId, postId)
                .executeAsync(pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @param postId the post id
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#removeFavoritePost
     */
    public CompletableFuture<Void> removeFavoritePost(Service service, String creatorId, String postId) {
        return holder.callAsync(s -> client.api.favoritePost(s, false, service, creatorId, postId)
                .executeAsync(pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future of the creator, or empty if there is none with that id
     * @see KemonoAccount#creator
     */
    public CompletableFuture<Optional<Creator>> creator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.creator(s, service, creatorId).executeOptionalAsync(pipeline));
    }

    /**
     * @param currentPassword the password now
     * @param newPassword the new one
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#changePassword
     */
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return changePassword(currentPassword, newPassword, true);
    }

    /**
     * @param currentPassword the password now
     * @param newPassword the new one
     * @param closeOnFail whether a failed change closes the account (pykemo's {@code close_on_fail})
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#changePassword(String, String, boolean)
     */
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword, boolean closeOnFail) {
        // Blank passwords fail the future before anything is sent, and leave the account open (as the sync call).
        return Async.start(() -> {
            Secret current = Secret.of(currentPassword);
            Secret next = Secret.of(newPassword);
            return Async.recover(holder.callAsync(s -> client.api.changePassword(s, current, next)
                    .executeAsync(pipeline)), error -> {
                        if (closeOnFail) {
                            account.close();
                        }
                        return CompletableFuture.failedFuture(error);
                    });
        });
    }

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#logout()
     */
    public CompletableFuture<Void> logout() {
        // As the sync logout: no re-login just to log out.
        return Async.map(Async.start(() -> client.api.logout(holder.require()).executeAsync(pipeline)), v -> {
            holder.clear();
            return null;
        });
    }

    /**
     * @param <T> the answer
     * @param method the HTTP method
     * @param path the path, for example {@code /v1/account/notifications}
     * @param type the answer's type, or {@code Void.class}
     * @return a future of the answer
     * @see KemonoAccount#request(String, String, Class)
     */
    public <T> CompletableFuture<T> request(String method, String path, Class<T> type) {
        return holder.callAsync(s -> client.api.raw(s, method, path, null, null, type).executeAsync(pipeline));
    }

    /**
     * @param call starts calls on the async account it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see KemonoAccount#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<KemonoAccountAsync, CompletableFuture<T>> call) {
        return pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(account.on(client.on(p)).async()));
    }
}
