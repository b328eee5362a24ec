package dev.latchkey.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.core.page.AutoPager;
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
import java.util.function.Function;

/**
 * A logged-in Karaoke Mugen account: its local token and, for an online account ({@code name@instance}), its online
 * token, kept in the session store under its login. The operator's commands (edit, delete, type) answer 403
 * {@code ADMIN_PLEASE} to others. The session changes only when a call that renews it succeeds (a conversion, an edit
 * that sends a new online token). Thread-safe.
 */
public final class KaraokeMugenAccount implements AutoCloseable {
    /** The page size of {@link #animeList()}: the web app's. */
    public static final int ANIME_LIST_PAGE = 400;

    private final KaraokeMugenClient client;
    /** Final, and shared with every view of this account: a conversion moves it to the new key for all of them. */
    private final SessionHolder holder;

    KaraokeMugenAccount(KaraokeMugenClient client, SessionHolder holder) {
        this.client = client;
        this.holder = holder;
    }

    /** @return the login */
    public String username() {
        return holder.require().attribute(KaraokeMugenApi.ATTR_USERNAME).orElse("?");
    }

    /**
     * @return the type the token carries: {@link UserType#OPERATOR} (the token's {@code admin}), {@link UserType#USER}
     *     or {@link UserType#GUEST}
     */
    public UserType role() {
        return UserType.ofRole(holder.require().attribute(KaraokeMugenApi.ATTR_ROLE).orElse("user"));
    }

    /** @return whether this is an online account ({@code name@instance}) */
    public boolean online() {
        return username().contains("@");
    }

    /** @return the current session (its {@code toString()} shows no token) */
    public Session session() {
        return holder.require();
    }

    /** @return the key the session is saved under in the session store */
    public String storeKey() {
        return holder.key();
    }

    /** @return what the app says of the token ({@code checkAuth}) */
    public AuthInfo checkAuth() {
        return holder.call(s -> client.api.checkAuth(s).execute(client.pipeline));
    }

    /** @return the users ({@code getUsers}); others than the operator see public profiles only */
    public List<UserSummary> users() {
        return holder.call(s -> client.api.users(s).execute(client.pipeline));
    }

    /**
     * @param username the user name
     * @return a user's full profile ({@code getUser}), or empty if there is none the caller may see
     */
    public Optional<User> user(String username) {
        return holder.call(s -> client.api.user(s, username).executeOptional(client.pipeline));
    }

    /**
     * Creates an account with this account's token ({@code createUser}). The new account gets the type asked for
     * ({@link NewUser#withType}: {@link UserType#USER}, the default, or {@link UserType#OPERATOR}, the operator's
     * choice alone), never another. Karaoke Mugen 7.1.50 and later make every account an operator creates an operator,
     * whatever it is sent; so when the operator asks for a user, the account is then set to a user ({@code editUser}),
     * and if that fails it is deleted again and this throws, saying so.
     *
     * @param user the new user
     * @throws InvalidInputException if a non-operator asks for a type other than a user, or
     *     anyone for a guest (the app makes its guests itself)
     */
    public void createUser(NewUser user) {
        holder.call(s -> {
            NewUser u = InvalidInputException.require(user, "user");
            client.api.createUser(s, u).execute(client.pipeline);
            UserType type = KaraokeMugenApi.typeToSet(s, u);
            if (type != null) {
                String login = KaraokeMugenApi.requireLogin(u.login());
                try {
                    client.api.setUserType(s, login, type).execute(client.pipeline);
                } catch (RuntimeException e) {
                    boolean deleted;
                    try {
                        client.api.deleteUser(s, login).execute(client.pipeline);
                        deleted = true;
                    } catch (RuntimeException again) {
                        deleted = false;
                    }
                    throw KaraokeMugenApi.unaskedOperator(login, e, deleted);
                }
            }
            return null;
        });
    }

    /**
     * Edits another account (operator; {@code editUser}); for an online account only the type counts.
     *
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param edit the changes to make
     */
    public void editUser(String login, ProfileEdit edit) {
        holder.call(s -> client.api.editUser(s, login, edit, avatar(s, edit)).execute(client.pipeline));
    }

    /**
     * Changes another account's type (operator; {@code editUser}).
     *
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param type the user type
     */
    public void setUserType(String login, UserType type) {
        holder.call(s -> client.api.setUserType(s, login, type).execute(client.pipeline));
    }

    /**
     * Deletes another account (operator; {@code deleteUser}); its playlists go to {@code admin}.
     *
     * @param username the user name
     */
    public void deleteUser(String username) {
        holder.call(s -> client.api.deleteUser(s, username).execute(client.pipeline));
    }

    /** @return this account's full profile ({@code getMyAccount}) */
    public User myAccount() {
        return holder.call(s -> client.api.myAccount(s).execute(client.pipeline));
    }

    /**
     * Edits this account ({@code editMyAccount}): only what the edit sets changes. An avatar is uploaded first
     * ({@code /api/importFile}). A new online token the app sends back replaces the stored one.
     *
     * @param edit the changes to make
     */
    public void editMyAccount(ProfileEdit edit) {
        String onlineToken = holder.call(s -> client.api.editMyAccount(s, edit, avatar(s, edit))
                .execute(client.pipeline));
        keepOnlineToken(onlineToken);
    }

    /** Deletes this account ({@code deleteMyAccount}; the seed's {@code deleteMyUser}); the session goes too. */
    public void deleteMyAccount() {
        holder.call(s -> client.api.deleteMyAccount(s).execute(client.pipeline));
        holder.clear();
    }

    /**
     * Makes this local account an online one on an instance ({@code convertMyLocalUserToOnline}): the login becomes
     * {@code name@instance}, and the new tokens replace the session, saved under the new login, only if it succeeds.
     *
     * @param instance the instance's host name, for example {@code kara.moe}
     * @param password the password
     */
    public void convertToOnline(String instance, String password) {
        swap(holder.call(s -> client.api.convertToOnline(s, instance, Secret.of(password)).execute(client.pipeline)));
    }

    /**
     * Makes this online account a local one again ({@code convertMyOnlineUserToLocal}); as {@link #convertToOnline}.
     * The app saves the renamed account with its password <em>hash</em> as the new password, which it hashes again
     * (karaokemugen-app {@code src/services/userOnline.ts:330-344}): the password would no longer work. This call
     * therefore sets it again with the new token ({@code editMyAccount}) once the conversion succeeded.
     *
     * @param password the password
     * @throws LatchkeyException if the conversion succeeded but setting the password again failed (the app wants 8
     *     characters): the account is local and this session works; reset the password with the security code
     */
    public void convertToLocal(String password) {
        Secret p = Secret.of(password);
        swap(holder.call(s -> client.api.convertToLocal(s, p).execute(client.pipeline)));
        try {
            holder.call(s -> client.api.restorePassword(s, p).execute(client.pipeline));
        } catch (RuntimeException e) {
            throw KaraokeMugenApi.passwordLost(username(), e);
        }
    }

    /** Asks the app to fetch this online account's anime list from its instance ({@code refreshAnimeList}). */
    public void refreshAnimeList() {
        holder.call(s -> client.api.refreshAnimeList(s).execute(client.pipeline));
    }

    /** @return every song of the anime list ({@code getAnimeList}), fetched page by page as consumed; guests: none */
    public AutoPager<Kara> animeList() {
        return animeListPage(ANIME_LIST_PAGE, 0).autoPager();
    }

    /**
     * @param size the page size, 1 or more
     * @param from how many songs to skip
     * @return one page of the anime list, with the way to the next
     */
    public Page<Kara> animeListPage(int size, int from) {
        // Through the holder, as every call: the session it reads is the current one, whatever a view changed.
        return holder.call(s -> OffsetPages.fetch(client.pipeline, (l, o) -> client.api.animeList(s, l, o), size,
                from));
    }

    /**
     * The escape hatch: any command, with this account's tokens.
     *
     * @param command the command
     * @param body the command's {@code body}, or {@code null}
     * @return the answer's {@code data}, or {@code null}
     */
    public JsonNode request(String command, Map<String, ?> body) {
        return holder.call(s -> client.api.raw(s, command, body).execute(client.pipeline));
    }

    /**
     * Closes this account object: the session is dropped here, so later calls on this object throw {@link
     * IllegalStateException}. The session store keeps it (a later {@code resume} picks it up) and the app still honours
     * the token (its tokens never expire; it has no logout). Idempotent; the client stays open. (The three ways to let
     * go, the same on every provider: {@code close()} here only, {@code forget()} here and in the store, {@code
     * logout()} at the provider too, where it has one.)
     */
    @Override
    public void close() {
        holder.forget();
    }

    /**
     * Forgets the session here and in the session store. Karaoke Mugen has no logout: the token stays valid there
     * (its tokens never expire).
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
     * @see KaraokeMugenClient#withRequestOptions
     */
    public KaraokeMugenAccount withRequestOptions(RequestOptions options) {
        return on(client.withRequestOptions(options));
    }

    /**
     * @param call makes the calls on the account it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     * @see KaraokeMugenClient#withResponse
     */
    public <T> WithResponse<T> withResponse(Function<KaraokeMugenAccount, T> call) {
        InvalidInputException.require(call, "call");
        return client.pipeline.withResponse(p -> call.apply(on(client.on(p))));
    }

    /** @return this account, its session shared, making its calls through another client */
    KaraokeMugenAccount on(KaraokeMugenClient c) {
        return new KaraokeMugenAccount(c, holder);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public KaraokeMugenAccountAsync async() {
        return new KaraokeMugenAccountAsync(client, this);
    }

    // --- shared with the async view ------------------------------------------------------------------------------

    SessionHolder holder() {
        return holder;
    }

    /** The avatar upload an edit needs first, or {@code null}. */
    JsonNode avatar(Session s, ProfileEdit edit) {
        ProfileEdit e = InvalidInputException.require(edit, "edit");
        return e.avatar() == null ? null : client.api.importFile(s, e.avatar()).execute(client.pipeline);
    }

    void keepOnlineToken(String onlineToken) {
        Session s = holder.require();
        if (onlineToken != null && !onlineToken.equals(s.token(KaraokeMugenApi.ONLINE_TOKEN).orElse(null))) {
            holder.replace(s.toBuilder().token(KaraokeMugenApi.ONLINE_TOKEN, onlineToken).build());
        }
    }

    /** A conversion changed the login: the holder moves the new session to the new key, the old one is removed. */
    void swap(KaraokeMugenApi.Login login) {
        holder.moveTo(client.storeKey(login.username()), login.session());
    }

    @Override
    public String toString() {
        return holder.current().map(s -> "KaraokeMugenAccount{" + s.attribute(KaraokeMugenApi.ATTR_USERNAME)
                .orElse("?") + ", " + s.attribute(KaraokeMugenApi.ATTR_ROLE).orElse("?") + '}')
                .orElse("KaraokeMugenAccount{forgotten}");
    }
}
