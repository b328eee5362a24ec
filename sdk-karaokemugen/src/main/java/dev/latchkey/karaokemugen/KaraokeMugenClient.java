package dev.latchkey.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.ClientBuilder;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionHolder;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.karaokemugen.internal.KaraokeMugenApi;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A client of the Karaoke Mugen App's users API: the app a karaoke party runs on a laptop, which guests' phones reach
 * on the LAN ({@code http://localhost:1337} by default).
 *
 * <pre>{@code
 * try (KaraokeMugenClient km = KaraokeMugenClient.builder()
 *         .baseUrl("http://192.168.1.20:1337").options(o -> o.allowPlainHttpOnPrivateNetwork(true)).build()) {
 *     KaraokeMugenAccount op = km.login("admin", password, securityCode);   // promoted to operator
 *     op.createUser(NewUser.of("carol", "carol-password"));
 *     List<UserSummary> users = op.users();
 * }
 * }</pre>
 *
 * Every command is {@code POST /api/command}; the tokens travel inside the JSON body, registered as secrets of their
 * request: they never reach a log line, a message or a {@code toString()}. Immutable and thread-safe;
 * {@link #async()} gives the same calls without blocking.
 */
public final class KaraokeMugenClient implements AutoCloseable {
    /** The app on this machine, on its default port. */
    public static final String DEFAULT_BASE_URL = "http://localhost:1337";

    static final ProviderSpec SPEC = new ProviderSpec("karaokemugen", DEFAULT_BASE_URL, null,
            Map.of("Accept", "application/json"), null);

    final HttpPipeline pipeline;
    final KaraokeMugenApi api;

    private KaraokeMugenClient(HttpPipeline pipeline) {
        this.pipeline = pipeline;
        this.api = new KaraokeMugenApi(pipeline.options().clock());
    }

    /** @return a builder: the app on localhost:1337, default options */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Logs in ({@code login}). Never retried. The session (the local token, and the online token of a
     * {@code name@instance} account) is saved in the session store.
     *
     * @param username the login (trimmed and lower-cased, as the app does)
     * @param password the password
     * @return the logged-in account
     * @throws dev.latchkey.core.error.InvalidCredentialsException ({@code LOG_ERROR}) if the app refused them
     */
    public KaraokeMugenAccount login(String username, String password) {
        return login(Credentials.of(username, password));
    }

    /**
     * @param credentials the user name and password
     * @return the logged-in account
     * @see #login(String, String)
     */
    public KaraokeMugenAccount login(Credentials credentials) {
        InvalidInputException.require(credentials, "credentials");
        return account(api.login(credentials.username(), credentials.password(), null).execute(pipeline));
    }

    /**
     * Logs in and becomes the operator with the app's security code (the six digits it shows its operator; each is
     * good once). The app itself does not refuse a wrong code: it logs the account in as it was. This call checks
     * that the answer is the operator's, and refuses it otherwise.
     *
     * @param username the user name
     * @param password the password
     * @param securityCode the app's current security code (six digits)
     * @return the logged-in account, as the operator
     * @throws dev.latchkey.core.error.InvalidCredentialsException ({@code LOG_ERROR}) if the login or password is
     *     wrong
     * @throws dev.latchkey.core.error.InvalidCodeException ({@code SECURITY_CODE_NOT_ACCEPTED}) if the app logged the
     *     account in without making it the operator: the code is wrong or was used; nothing is stored
     */
    public KaraokeMugenAccount login(String username, String password, String securityCode) {
        Credentials c = Credentials.of(username, password);
        return account(api.login(c.username(), c.password(), InvalidInputException.require(securityCode,
                "securityCode")).execute(pipeline));
    }

    /**
     * Logs in as a free guest account ({@code loginGuest}).
     *
     * @return the logged-in guest account
     * @throws dev.latchkey.core.error.ForbiddenException ({@code GUESTS_NOT_ALLOWED}) if the operator forbids guests
     * @throws dev.latchkey.core.error.ServerException ({@code NO_MORE_GUESTS_AVAILABLE}) if every guest is in use
     */
    public KaraokeMugenAccount loginGuest() {
        return account(api.loginGuest().execute(pipeline));
    }

    /**
     * The account's session, with one login among everyone sharing the session store (the threads of a process, the
     * processes of a machine, a fleet on Redis): a stored session is used and nothing is sent; otherwise one worker
     * logs in and the others take its session, so N workers starting at once with a wrong password make one
     * attempt, not N (the refusal is not remembered after: a worker starting later tries again).
     *
     * @param username the login (trimmed and lower-cased, as the app does)
     * @param password the password, used only if a login is needed
     * @return the account
     * @throws dev.latchkey.core.error.InvalidCredentialsException ({@code LOG_ERROR}) if a login was needed and the
     *     app refused it
     */
    public KaraokeMugenAccount resumeOrLogin(String username, String password) {
        Credentials c = Credentials.of(username, password);
        String key = storeKey(KaraokeMugenApi.requireLogin(c.username()));
        Session s = pipeline.sessionStore().renew(key, null,
                () -> sameAccount(key, api.login(c.username(), c.password(), null).execute(pipeline)));
        return resumed(key, s);
    }

    /** @return the login's session, if it is the account stored under the key (a login renamed is another account) */
    Session sameAccount(String key, KaraokeMugenApi.Login login) {
        if (!storeKey(login.username()).equals(key)) {
            throw new dev.latchkey.core.error.InvalidResponseException("POST", "/api/command", 200, null,
                    "the login answered for another account than the one asked for", "username", null, null);
        }
        return login.session();
    }

    KaraokeMugenAccount resumed(String key, Session s) {
        KaraokeMugenApi.usernameOf(key, s);
        return new KaraokeMugenAccount(this, new SessionHolder(key, pipeline.sessionStore(), s, null));
    }

    /**
     * Resumes a session saved by an earlier login, without a call; whether it still works shows on first use.
     *
     * @param username the login it was saved under
     * @return the account, or empty if the store holds no session for it
     */
    public Optional<KaraokeMugenAccount> resume(String username) {
        String key = storeKey(KaraokeMugenApi.requireLogin(username));
        return pipeline.sessionStore().load(key).map(s -> resumed(key, s));
    }

    /**
     * Creates an account without logging in ({@code createUser} as a guest would): allowed unless the operator
     * forbids it, or asks for a code ({@link NewUser#withSecurityCode}). The account is a user: the app keeps no type
     * from a caller without the operator's token.
     *
     * @param user the new user
     * @throws dev.latchkey.core.error.ConflictException ({@code USER_ALREADY_EXISTS}) if the login is taken
     * @throws dev.latchkey.core.error.ValidationException ({@code PASSWORD_TOO_SHORT}, 411) under 8 characters
     * @throws dev.latchkey.core.error.InvalidCodeException if the app wants a security code and this one is wrong
     */
    public void createUser(NewUser user) {
        api.createUser(null, InvalidInputException.require(user, "user")).execute(pipeline);
    }

    /**
     * Sets a new password with the app's security code ({@code resetUserPassword}). For an online account
     * ({@code name@instance}) the app asks its instance to mail a reset link instead, reads no code, and ignores the
     * new password.
     *
     * @param username the user name
     * @param newPassword the new one (local accounts)
     * @param securityCode the app's current security code; {@code null} for an online account
     * @throws dev.latchkey.core.error.InvalidCodeException ({@code USER_RESETPASSWORD_WRONGSECURITYCODE})
     * @throws InvalidInputException if a local account's code is missing or not six digits
     */
    public void resetUserPassword(String username, String newPassword, String securityCode) {
        api.resetUserPassword(username, Secret.of(newPassword), securityCode).execute(pipeline);
    }

    /**
     * @param username the user name
     * @return a public user's profile without logging in, or empty if there is none (or it is not public)
     */
    public Optional<User> user(String username) {
        return api.user(null, username).executeOptional(pipeline);
    }

    /**
     * This client with per-call options: a timeout, retries, extra headers, an idempotency key. Everything else is
     * shared (connections, options, session store, rate budget); accounts it logs in or resumes make their calls with
     * the options too, and closing it closes nothing.
     *
     * @param options the per-call options; where a call sets its own, these win
     * @return this client for calls with those options
     */
    public KaraokeMugenClient withRequestOptions(RequestOptions options) {
        return on(pipeline.withRequestOptions(InvalidInputException.require(options, "options")));
    }

    /**
     * Makes calls and returns their value with the HTTP answer it came from (status, headers, request id), as
     * Retrofit's {@code Response<T>} gives it: {@code km.withResponse(c -> c.user("alice"))}.
     *
     * @param call makes the calls on the client it is given
     * @param <T> the value
     * @return the value and the last HTTP answer read
     */
    public <T> WithResponse<T> withResponse(Function<KaraokeMugenClient, T> call) {
        InvalidInputException.require(call, "call");
        return pipeline.withResponse(p -> call.apply(on(p)));
    }

    /** @return this client on another pipeline (a view of this one's) */
    KaraokeMugenClient on(HttpPipeline p) {
        return new KaraokeMugenClient(p);
    }

    /** @return the same calls, returning {@code CompletableFuture}s */
    public KaraokeMugenClientAsync async() {
        return new KaraokeMugenClientAsync(this);
    }

    /**
     * The escape hatch: any command, without a token (use {@link KaraokeMugenAccount#request} for one).
     *
     * @param command the command, for example {@code getKaras}
     * @param body the command's {@code body}, or {@code null}
     * @return the answer's {@code data}, or {@code null} when there is none
     */
    public JsonNode request(String command, Map<String, ?> body) {
        return api.raw(null, command, body).execute(pipeline);
    }

    /**
     * @param change changes to this client's options
     * @return a client with changed options, sharing this one's connection pool; closing it releases nothing
     */
    public KaraokeMugenClient withOptions(Consumer<ClientOptions.Builder> change) {
        InvalidInputException.require(change, "change");
        ClientOptions.Builder b = pipeline.options().toBuilder();
        change.accept(b);
        return new KaraokeMugenClient(pipeline.withOptions(b.build()));
    }

    /** @return the app's base URL */
    public HttpUrl baseUrl() {
        return pipeline.baseUrl();
    }

    /** Releases what this client created; a caller's OkHttp client is left alone. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "KaraokeMugenClient{" + pipeline.baseUrl() + '}';
    }

    // --- shared with the async view and the account ----------------------------------------------------------------

    String storeKey(String username) {
        return pipeline.storeKey(username);
    }

    KaraokeMugenAccount account(KaraokeMugenApi.Login login) {
        String key = storeKey(login.username());
        SessionHolder holder = new SessionHolder(key, pipeline.sessionStore(), login.session(), null);
        holder.replace(login.session());
        return new KaraokeMugenAccount(this, holder);
    }

    /** Builds a {@link KaraokeMugenClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
        }

        /** @return the client */
        public KaraokeMugenClient build() {
            return new KaraokeMugenClient(HttpPipeline.create(clientOptions(), SPEC));
        }
    }
}
