package dev.latchkey.kemono;

import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Service;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of a {@link KemonoAccount}, returning {@code CompletableFuture}s: the same requests and answers, on the
 * same code path, with retries scheduled instead of slept. Cancelling a future cancels its HTTP call. Failures
 * complete the future with the same typed exceptions the sync calls throw.
 */
public final class KemonoAccountAsync {
    private final KemonoClient client;
    private final SessionHolder holder;
    private final KemonoAccount account;

    KemonoAccountAsync(KemonoClient client, SessionHolder holder, KemonoAccount account) {
        this.client = client;
        this.holder = holder;
        this.account = account;
    }

    /**
     * @return a future of the account's details, fresh from the server
     * @see KemonoAccount#refresh()
     */
    public CompletableFuture<AccountInfo> refresh() {
        return Async.map(holder.callAsync(s -> client.api.account(s).executeAsync(client.pipeline)), info -> {
            account.info(info);
            return info;
        });
    }

    /**
     * @return a future of the creators
     * @see KemonoAccount#favoriteCreators()
     */
    public CompletableFuture<List<FavoriteCreator>> favoriteCreators() {
        return holder.callAsync(s -> client.api.favoriteCreators(s).executeAsync(client.pipeline));
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
        return holder.callAsync(s -> client.api.favoritePosts(s).executeAsync(client.pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#addFavoriteCreator
     */
    public CompletableFuture<Void> addFavoriteCreator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.favoriteCreator(s, true, service, creatorId)
                .executeAsync(client.pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#removeFavoriteCreator
     */
    public CompletableFuture<Void> removeFavoriteCreator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.favoriteCreator(s, false, service, creatorId)
                .executeAsync(client.pipeline));
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
                .executeAsync(client.pipeline));
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
                .executeAsync(client.pipeline));
    }

    /**
     * @param service the service
     * @param creatorId the creator's id ({@code artist_id} on the wire)
     * @return a future of the creator, or empty if there is none with that id
     * @see KemonoAccount#creator
     */
    public CompletableFuture<Optional<Creator>> creator(Service service, String creatorId) {
        return holder.callAsync(s -> client.api.creator(s, service, creatorId).executeOptionalAsync(client.pipeline));
    }

    /**
     * @param currentPassword the password now
     * @param newPassword the new one
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#changePassword
     */
    public CompletableFuture<Void> changePassword(String currentPassword, String newPassword) {
        return holder.callAsync(s -> client.api.changePassword(s, Secret.of(currentPassword), Secret.of(newPassword))
                .executeAsync(client.pipeline));
    }

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KemonoAccount#logout()
     */
    public CompletableFuture<Void> logout() {
        // As the sync logout: no re-login just to log out.
        return Async.map(Async.start(() -> client.api.logout(holder.require()).executeAsync(client.pipeline)), v -> {
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
        return holder.callAsync(s -> client.api.raw(s, method, path, null, null, type).executeAsync(client.pipeline));
    }
}
