package dev.latchkey.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.Async;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.page.AsyncAutoPager;
import dev.latchkey.core.page.OffsetPages;
import dev.latchkey.core.page.Page;
import dev.latchkey.karaokemugen.internal.KaraokeMugenApi;
import dev.latchkey.karaokemugen.model.AuthInfo;
import dev.latchkey.karaokemugen.model.Kara;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.User;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.karaokemugen.model.UserType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The calls of a {@link KaraokeMugenAccount}, returning {@code CompletableFuture}s: the same requests and answers on
 * the same code path. Cancelling a future cancels its HTTP call; failures complete it with the same typed exceptions.
 */
public final class KaraokeMugenAccountAsync {
    private final KaraokeMugenClient client;
    private final KaraokeMugenAccount account;

    KaraokeMugenAccountAsync(KaraokeMugenClient client, KaraokeMugenAccount account) {
        this.client = client;
        this.account = account;
    }

    /**
     * @return a future of who the session is and what it may do
     * @see KaraokeMugenAccount#checkAuth()
     */
    public CompletableFuture<AuthInfo> checkAuth() {
        return account.holder().callAsync(s -> client.api.checkAuth(s).executeAsync(client.pipeline));
    }

    /**
     * @return a future of every user, in the app's order
     * @see KaraokeMugenAccount#users()
     */
    public CompletableFuture<List<UserSummary>> users() {
        return account.holder().callAsync(s -> client.api.users(s).executeAsync(client.pipeline));
    }

    /**
     * @param username the user name
     * @return a future of a user's full profile ({@code getUser}), or empty if there is none the caller may see
     * @see KaraokeMugenAccount#user(String)
     */
    public CompletableFuture<Optional<User>> user(String username) {
        return account.holder().callAsync(s -> client.api.user(s, username).executeOptionalAsync(client.pipeline));
    }

    /**
     * @param user the new user
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#createUser(NewUser)
     */
    public CompletableFuture<Void> createUser(NewUser user) {
        return account.holder().callAsync(s -> {
            NewUser u = InvalidInputException.require(user, "user");
            UserType type = KaraokeMugenApi.typeToSet(s, u);
            CompletableFuture<Void> created = client.api.createUser(s, u).executeAsync(client.pipeline);
            if (type == null) {
                return created;
            }
            String login = KaraokeMugenApi.requireLogin(u.login());
            return Async.compose(created, v -> Async.recover(client.api.setUserType(s, login, type)
                    .executeAsync(client.pipeline), e -> undoCreate(s, login, e)));
        });
    }

    /**
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param edit the changes to make
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#editUser(String, ProfileEdit)
     */
    public CompletableFuture<Void> editUser(String login, ProfileEdit edit) {
        return account.holder().callAsync(s -> Async.compose(avatar(s, edit), file -> client.api.editUser(s, login,
                edit, file).executeAsync(client.pipeline)));
    }

    /**
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param type the user type
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#setUserType(String, UserType)
     */
    public CompletableFuture<Void> setUserType(String login, UserType type) {
        return account.holder().callAsync(s -> client.api.setUserType(s, login, type).executeAsync(client.pipeline));
    }

    /**
     * @param username the user name
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#deleteUser(String)
     */
    public CompletableFuture<Void> deleteUser(String username) {
        return account.holder().callAsync(s -> client.api.deleteUser(s, username).executeAsync(client.pipeline));
    }

    /**
     * @return a future of this account's profile
     * @see KaraokeMugenAccount#myAccount()
     */
    public CompletableFuture<User> myAccount() {
        return account.holder().callAsync(s -> client.api.myAccount(s).executeAsync(client.pipeline));
    }

    /**
     * @param edit the changes to make
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#editMyAccount(ProfileEdit)
     */
    public CompletableFuture<Void> editMyAccount(ProfileEdit edit) {
        return Async.map(account.holder().callAsync(s -> Async.compose(avatar(s, edit), file -> client.api
                .editMyAccount(s, edit, file).executeAsync(client.pipeline))), token -> {
                    account.keepOnlineToken(token);
                    return null;
                });
    }

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#deleteMyAccount()
     */
    public CompletableFuture<Void> deleteMyAccount() {
        return Async.map(account.holder().callAsync(s -> client.api.deleteMyAccount(s).executeAsync(client.pipeline)),
                v -> {
                    account.holder().clear();
                    return null;
                });
    }

    /**
     * @param instance the instance's host name, for example {@code kara.moe}
     * @param password the password
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#convertToOnline(String, String)
     */
    public CompletableFuture<Void> convertToOnline(String instance, String password) {
        return Async.map(account.holder().callAsync(s -> client.api.convertToOnline(s, instance, Secret.of(password))
                .executeAsync(client.pipeline)), login -> {
                    account.swap(login);
                    return null;
                });
    }

    /**
     * @param password the password
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#convertToLocal(String)
     */
    public CompletableFuture<Void> convertToLocal(String password) {
        return Async.start(() -> {
            Secret p = Secret.of(password);
            CompletableFuture<Void> converted = Async.map(account.holder().callAsync(s -> client.api
                    .convertToLocal(s, p).executeAsync(client.pipeline)), login -> {
                        account.swap(login);
                        return null;
                    });
            return Async.compose(converted, v -> Async.recover(account.holder().callAsync(s -> client.api
                    .restorePassword(s, p).executeAsync(client.pipeline)), e -> CompletableFuture.failedFuture(
                            KaraokeMugenApi.passwordLost(account.username(), e))));
        });
    }

    /**
     * @return a future that completes when the call has succeeded, or fails with the exception the sync call throws
     * @see KaraokeMugenAccount#refreshAnimeList()
     */
    public CompletableFuture<Void> refreshAnimeList() {
        return account.holder().callAsync(s -> client.api.refreshAnimeList(s).executeAsync(client.pipeline));
    }

    /**
     * @return the anime list, fetched page by page as it is read
     * @see KaraokeMugenAccount#animeList()
     */
    public AsyncAutoPager<Kara> animeList() {
        return new AsyncAutoPager<>(animeListPage(KaraokeMugenAccount.ANIME_LIST_PAGE, 0));
    }

    /**
     * @param size the page size, 1 or more
     * @param from how many songs to skip
     * @return a future of one page of the anime list, with the way to the next
     * @see KaraokeMugenAccount#animeListPage(int, int)
     */
    public CompletableFuture<Page<Kara>> animeListPage(int size, int from) {
        return account.holder().callAsync(s -> OffsetPages.fetchAsync(client.pipeline, (l, o) -> client.api
                .animeList(s, l, o), size, from));
    }

    /**
     * @param command the command
     * @param body the command's {@code body}, or {@code null}
     * @return a future of the answer's {@code data}, or {@code null}
     * @see KaraokeMugenAccount#request(String, Map)
     */
    public CompletableFuture<JsonNode> request(String command, Map<String, ?> body) {
        return account.holder().callAsync(s -> client.api.raw(s, command, body).executeAsync(client.pipeline));
    }

    /** The avatar upload first, when the edit has one; nothing to wait for otherwise. */
    private CompletableFuture<JsonNode> avatar(dev.latchkey.core.auth.Session s, ProfileEdit edit) {
        ProfileEdit e = InvalidInputException.require(edit, "edit");
        return e.avatar() == null ? CompletableFuture.completedFuture(null)
                : client.api.importFile(s, e.avatar()).executeAsync(client.pipeline);
    }

    /**
     * @param call starts calls on the async account it is given
     * @param <T> the value
     * @return a future of the value and the last HTTP answer read; cancelling it cancels the call
     * @see KaraokeMugenAccount#withResponse
     */
    public <T> CompletableFuture<WithResponse<T>> withResponse(
            Function<KaraokeMugenAccountAsync, CompletableFuture<T>> call) {
        return client.pipeline.withResponseAsync(p -> InvalidInputException.require(call, "call")
                .apply(account.on(client.on(p)).async()));
    }

    /** An operator the app made unasked, whose type could not be set: deleted again, and the failure said. */
    private CompletableFuture<Void> undoCreate(dev.latchkey.core.auth.Session s, String login, Throwable cause) {
        CompletableFuture<Boolean> deleted = Async.recover(Async.map(client.api.deleteUser(s, login)
                .executeAsync(client.pipeline), v -> true), again -> CompletableFuture.completedFuture(false));
        return Async.compose(deleted, d -> CompletableFuture.failedFuture(KaraokeMugenApi.unaskedOperator(login,
                cause, d)));
    }

}
