package dev.latchkey.core;

import dev.latchkey.core.auth.SessionStore;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * What every provider client's builder offers, so that all of them read the same: the base URL, the caller's OkHttp
 * client, the session store directly, and every other {@link ClientOptions} through {@link #options(Consumer)}, or
 * all of them at once with {@link #options(ClientOptions)} (options built once, shared by several clients).
 *
 * @param <B> the provider's builder, for fluent calls
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    private ClientOptions.Builder options = ClientOptions.builder();

    /** For subclasses. */
    protected ClientBuilder() {
    }

    /** @return this builder */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * @param baseUrl the API root (the provider's public API by default, a mirror, or a fake); https unless loopback
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        options.baseUrl(baseUrl);
        return self();
    }

    /**
     * @param httpClient your OkHttp client: shared (pool and dispatcher), never shut down by Latchkey
     * @return this builder
     */
    public B httpClient(OkHttpClient httpClient) {
        options.httpClient(httpClient);
        return self();
    }

    /**
     * @param store where sessions are kept between runs ({@link SessionStore#file} to resume after a restart)
     * @return this builder
     */
    public B sessionStore(SessionStore store) {
        options.sessionStore(store);
        return self();
    }

    /**
     * @param budget the rate budget every attempt takes a permit from ({@link RateBudget#local}, or one shared by a
     *     fleet through {@code sdk-redis}); a 429 with {@code Retry-After} pauses it for everyone sharing it
     * @return this builder
     */
    public B rateBudget(RateBudget budget) {
        options.rateBudget(budget);
        return self();
    }

    /**
     * @param observer sees every call, attempt, retry, rate-budget wait, re-login and store access of the client,
     *     redacted ({@link dev.latchkey.core.observe.CallObserver}); several may be added
     * @return this builder
     */
    public B observer(dev.latchkey.core.observe.CallObserver observer) {
        options.observer(observer);
        return self();
    }

    /**
     * @param change any other option: timeouts, retries, user agent, clock, sleeper, headers
     * @return this builder
     */
    public B options(Consumer<ClientOptions.Builder> change) {
        Objects.requireNonNull(change, "change").accept(options);
        return self();
    }

    /**
     * Starts from options built elsewhere (for example one {@code ClientOptions} shared by several clients):
     * everything set on this builder so far is replaced; later calls change the copy, never {@code all} itself.
     *
     * @param all the options
     * @return this builder
     */
    public B options(ClientOptions all) {
        this.options = Objects.requireNonNull(all, "options").toBuilder();
        return self();
    }

    /** @return the options as set so far */
    protected ClientOptions clientOptions() {
        return options.build();
    }
}
