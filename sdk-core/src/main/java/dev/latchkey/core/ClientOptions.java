package dev.latchkey.core;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.internal.BaseUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The options every provider client is built with, immutable. Provider builders ({@code KemonoClient.builder()})
 * expose the same setters; {@link #toBuilder()} derives changed options.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>base URL</td><td>the provider's public API</td></tr>
 *   <tr><td>HTTP client</td><td>one of Latchkey's own, closed with the client</td></tr>
 *   <tr><td>connect / read / write timeout</td><td>the caller's OkHttp client's, else 10 s / 30 s / 30 s</td></tr>
 *   <tr><td>call timeout (one attempt, whole)</td><td>the caller's OkHttp client's if not zero, else 60 s</td></tr>
 *   <tr><td>total timeout (all attempts and waits)</td><td>3 min</td></tr>
 *   <tr><td>retry policy</td><td>{@link RetryPolicy#defaults()}</td></tr>
 *   <tr><td>session store</td><td>{@link SessionStore#inMemory()}</td></tr>
 *   <tr><td>rate budget</td><td>none (the provider's 429s, retried, pace the client)</td></tr>
 *   <tr><td>clock, sleeper</td><td>system</td></tr>
 * </table>
 */
public final class ClientOptions {
    /** The default of {@link Builder#maxResponseBytes}: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** The connect timeout when neither these options nor the caller's OkHttp client set one: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The read timeout when neither these options nor the caller's OkHttp client set one: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The write timeout when neither these options nor the caller's OkHttp client set one: 30 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The timeout of one attempt when neither these options nor the caller's OkHttp client set one: 60 seconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long a rate budget is paused after an anti-bot challenge by default: "the longer you keep hitting the site
     * after a DDoS-Guard challenge, the longer it blocks" (mikf/gallery-dl#7971).
     */
    public static final Duration DEFAULT_CHALLENGE_COOLDOWN = Duration.ofMinutes(5);
    private final HttpUrl baseUrl;
    private final boolean privateNetwork;
    private final OkHttpClient httpClient;
    /** As set on the builder; {@code null}: the caller's client's, else Latchkey's default. */
    private final Duration connectTimeoutSet;
    private final Duration readTimeoutSet;
    private final Duration writeTimeoutSet;
    private final Duration callTimeoutSet;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final Duration totalTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final SessionStore sessionStore;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, String> headers;
    private final long maxResponseBytes;
    private final RateBudget rateBudget;
    private final boolean waitForRateBudget;
    private final List<CallObserver> observers;
    private final Duration challengeCooldown;
    private final dev.latchkey.core.internal.ProxySetting proxy;
    private final List<HttpUrl> mirrors;

    private ClientOptions(Builder b) {
        this.baseUrl = b.baseUrl;
        this.privateNetwork = b.privateNetwork;
        this.httpClient = b.httpClient;
        this.connectTimeoutSet = b.connectTimeout;
        this.readTimeoutSet = b.readTimeout;
        this.writeTimeoutSet = b.writeTimeout;
        this.callTimeoutSet = b.callTimeout;
        // What the caller set on their own OkHttp client stands unless they set it here too. A call timeout of zero
        // (OkHttp's default, no deadline) counts as not set: an attempt keeps Latchkey's deadline.
        OkHttpClient c = b.httpClient;
        this.connectTimeout = effective(b.connectTimeout, c == null ? 0 : c.connectTimeoutMillis(),
                DEFAULT_CONNECT_TIMEOUT);
        this.readTimeout = effective(b.readTimeout, c == null ? 0 : c.readTimeoutMillis(), DEFAULT_READ_TIMEOUT);
        this.writeTimeout = effective(b.writeTimeout, c == null ? 0 : c.writeTimeoutMillis(), DEFAULT_WRITE_TIMEOUT);
        this.callTimeout = effective(b.callTimeout, c == null ? 0 : c.callTimeoutMillis(), DEFAULT_CALL_TIMEOUT);
        this.totalTimeout = b.totalTimeout;
        this.retryPolicy = b.retryPolicy;
        this.userAgent = b.userAgent;
        this.sessionStore = b.sessionStore;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.headers = Map.copyOf(b.headers);
        this.maxResponseBytes = b.maxResponseBytes;
        this.rateBudget = b.rateBudget;
        this.waitForRateBudget = b.waitForRateBudget;
        this.observers = List.copyOf(b.observers);
        this.challengeCooldown = b.challengeCooldown;
        this.proxy = b.proxy;
        this.mirrors = List.copyOf(b.mirrors);
    }

    private static Duration effective(Duration set, int callersMillis, Duration fallback) {
        if (set != null) {
            return set;
        }
        return callersMillis > 0 ? Duration.ofMillis(callersMillis) : fallback;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.privateNetwork = privateNetwork;
        b.httpClient = httpClient;
        b.connectTimeout = connectTimeoutSet;
        b.readTimeout = readTimeoutSet;
        b.writeTimeout = writeTimeoutSet;
        b.callTimeout = callTimeoutSet;
        b.totalTimeout = totalTimeout;
        b.retryPolicy = retryPolicy;
        b.userAgent = userAgent;
        b.sessionStore = sessionStore;
        b.clock = clock;
        b.sleeper = sleeper;
        b.headers.putAll(headers);
        b.maxResponseBytes = maxResponseBytes;
        b.rateBudget = rateBudget;
        b.waitForRateBudget = waitForRateBudget;
        b.observers.addAll(observers);
        b.challengeCooldown = challengeCooldown;
        b.proxy = proxy;
        b.mirrors.addAll(mirrors);
        return b;
    }

    /**
     * @return how long the client's rate budget is paused, for everyone sharing it, after an anti-bot challenge
     *     ({@link dev.latchkey.core.error.BotChallengeException}); zero: not paused
     */
    public Duration challengeCooldown() {
        return challengeCooldown;
    }

    /** @return the other base URLs of the same site, in the order they are tried ({@link Builder#mirrors}) */
    public List<HttpUrl> mirrors() {
        return mirrors;
    }

    /** @return the proxy calls go through, if one was set ({@link Builder#proxy}) */
    public Optional<java.net.Proxy> proxy() {
        return Optional.ofNullable(proxy).map(dev.latchkey.core.internal.ProxySetting::proxy);
    }

    /** @return what answers the proxy's 407: its credentials once, or {@link okhttp3.Authenticator#NONE} */
    public okhttp3.Authenticator proxyAuthenticator() {
        return proxy == null ? okhttp3.Authenticator.NONE : proxy.authenticator();
    }

    /** @return the proxy's credentials in every form a message could quote them: the client scrubs them */
    public List<String> proxySecrets() {
        return proxy == null ? List.of() : proxy.secrets();
    }

    /** @return the observers that see every call of the client, in the order added; empty by default */
    public List<CallObserver> observers() {
        return observers;
    }

    /** @return whether plain http to private-network addresses was allowed ({@link Builder#allowPlainHttpOnPrivateNetwork}) */
    public boolean allowsPlainHttpOnPrivateNetwork() {
        return privateNetwork;
    }

    /** @return the base URL, if set (otherwise the provider's default is used) */
    public Optional<HttpUrl> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** @return the caller's own OkHttp client, if one was given */
    public Optional<OkHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the read timeout (between bytes) */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the write timeout (between bytes) */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** @return the timeout of one whole attempt; zero: none (only {@link #totalTimeout()} bounds an attempt) */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return the deadline of a whole call, across every attempt and wait; zero: none */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the extra {@code User-Agent} product, if set */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** @return where sessions are kept */
    public SessionStore sessionStore() {
        return sessionStore;
    }

    /** @return the clock for expiries, {@code Retry-After} dates and deadlines */
    public Clock clock() {
        return clock;
    }

    /** @return how retries wait */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the largest answer body read whole, in bytes */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return headers sent with every call */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the rate budget every attempt takes a permit from, if one was set */
    public Optional<RateBudget> rateBudget() {
        return Optional.ofNullable(rateBudget);
    }

    /**
     * @return whether an attempt waits for a permit (within the call's deadline) rather than failing at once with
     *     {@link dev.latchkey.core.error.RateLimitedException} when the budget is spent
     */
    public boolean waitsForRateBudget() {
        return waitForRateBudget;
    }

    @Override
    public String toString() {
        return "ClientOptions{baseUrl=" + baseUrl + ", httpClient=" + (httpClient == null ? "own" : "caller's")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
                + writeTimeout + ", callTimeout=" + callTimeout + ", totalTimeout=" + totalTimeout + ", retryPolicy="
                + retryPolicy + ", userAgent=" + userAgent + ", sessionStore=" + sessionStore + ", rateBudget="
                + rateBudget + ", headers=" + headers.keySet() + ", observers=" + observers.size()
                + (proxy == null ? "" : ", proxy=" + proxy) + '}';
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Duration callTimeout;
        private Duration totalTimeout = Duration.ofMinutes(3);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgent;
        private SessionStore sessionStore = SessionStore.inMemory();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<CallObserver> observers = new ArrayList<>();
        private Duration challengeCooldown = DEFAULT_CHALLENGE_COOLDOWN;
        private dev.latchkey.core.internal.ProxySetting proxy;
        private final List<HttpUrl> mirrors = new ArrayList<>();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean privateNetwork;
        private RateBudget rateBudget;
        private boolean waitForRateBudget = true;

        private Builder() {
        }

        /**
         * @param baseUrl the API root, for example {@code https://kemono.cr/api}
         * @return this builder
         * @throws IllegalArgumentException if it is not a URL, or is plain http on a host that is not loopback
         */
        public Builder baseUrl(String baseUrl) {
            // Private addresses pass here and are held to the opt-in at build(), whatever the order of the calls.
            this.baseUrl = BaseUrls.checked(baseUrl, true);
            return this;
        }

        /**
         * Allows plain http to private-network and link-local IP addresses (192.168.x.x, 10.x.x.x, 172.16-31.x.x,
         * 169.254.x.x, fc00::/7, fe80::/10), never to public ones: for apps that run on a LAN, such as Karaoke
         * Mugen. Everything sent, tokens included, then crosses the network unencrypted, readable by anyone on it.
         * Off by default.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder allowPlainHttpOnPrivateNetwork(boolean allow) {
            this.privateNetwork = allow;
            return this;
        }

        /**
         * The caller's OkHttp client. Latchkey derives its own from it with {@code newBuilder()}, so connection pool,
         * dispatcher, proxy, TLS settings, DNS and interceptors are the caller's, and never shuts it down. Its
         * connect, read, write and call timeouts stand unless set here too (a zero call timeout, OkHttp's default,
         * counts as unset: Latchkey's 60 s applies). Always overridden, because the SDK's promises rest on them: no
         * cookie jar (sessions travel in explicit headers, so one account's cookies never reach another), no
         * redirects followed (credentials never go to a host the API did not name), no OkHttp retry on connection
         * failure (Latchkey's retry loop is the only one, so a login is never sent twice); and Latchkey adds its
         * redacting logger and proxy-credential guard.
         *
         * @param httpClient the caller's OkHttp client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @param timeout the connect timeout (by default the caller's client's, else
         *     {@link ClientOptions#DEFAULT_CONNECT_TIMEOUT})
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout the read timeout, between bytes (by default the caller's client's, else
         *     {@link ClientOptions#DEFAULT_READ_TIMEOUT})
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * @param timeout the write timeout, between bytes (by default the caller's client's, else
         *     {@link ClientOptions#DEFAULT_WRITE_TIMEOUT})
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * @param timeout the timeout of one whole attempt (connect, write, server time and read); by default the
         *     caller's client's, else {@link ClientOptions#DEFAULT_CALL_TIMEOUT}; {@link Duration#ZERO} for none, as
         *     OkHttp takes it: a long {@code stream()} of a huge listing needs that (with {@link #totalTimeout} zero
         *     too, or long enough)
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positiveOrZero(timeout, "callTimeout");
            return this;
        }

        /**
         * @param timeout the deadline of a whole call, across every attempt and wait, 3 minutes by default;
         *     {@link Duration#ZERO} for none (then only {@link #callTimeout} and the retry policy end a call)
         * @return this builder
         */
        public Builder totalTimeout(Duration timeout) {
            this.totalTimeout = positiveOrZero(timeout, "totalTimeout");
            return this;
        }

        /**
         * @param retryPolicy when and how long to wait before trying again
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param maxRetries shorthand for a retry policy with this many retries
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
            return this;
        }

        /**
         * @param userAgent a product token put before Latchkey's own, for example {@code "mybot/1.2"}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("user agent must be printable ASCII");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * @param sessionStore where sessions are kept between runs
         * @return this builder
         */
        public Builder sessionStore(SessionStore sessionStore) {
            this.sessionStore = Objects.requireNonNull(sessionStore, "sessionStore");
            return this;
        }

        /**
         * @param clock the clock for expiries, {@code Retry-After} dates and deadlines
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param budget the rate budget every attempt (retries included) takes a permit from before it is sent; share
         *     one budget among every client of the same provider account, across processes with {@code sdk-redis}
         * @return this builder
         */
        public Builder rateBudget(RateBudget budget) {
            this.rateBudget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /**
         * @param wait {@code true} (the default): an attempt waits for its permit, within the call's deadline;
         *     {@code false}: a spent budget fails the call at once with
         *     {@link dev.latchkey.core.error.RateLimitedException}, nothing sent
         * @return this builder
         */
        public Builder waitForRateBudget(boolean wait) {
            this.waitForRateBudget = wait;
            return this;
        }

        /**
         * @param sleeper how retries wait; tests inject one that records delays
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @param maxBytes the largest answer body read whole (every typed call except the streaming ones, and raw
         *     responses), {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes by default; a larger one fails with
         *     {@link dev.latchkey.core.error.InvalidResponseException} instead of exhausting memory (a broken proxy, a
         *     gzip bomb). Streamed listings are read element by element and are not bounded by this.
         * @return this builder
         */
        public Builder maxResponseBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new dev.latchkey.core.error.InvalidInputException("maxResponseBytes must be positive: " + maxBytes);
            }
            this.maxResponseBytes = maxBytes;
            return this;
        }

        /**
         * Other base URLs of the same site, in the order to try them when it moves (Kemono's {@code kemono.cr},
         * {@code kemono.su}, {@code kemono.party}): a call that cannot connect, or that the site answers with a 5xx,
         * goes to the next; a redirect is followed only to one of them; a 4xx never moves. The site that worked is
         * remembered in the session store, so the next process starts there. Sessions stay stored under the
         * configured base URL.
         *
         * @param baseUrls the mirrors, each https unless loopback (as {@link #baseUrl})
         * @return this builder
         */
        public Builder mirrors(String... baseUrls) {
            for (String u : baseUrls) {
                mirrors.add(BaseUrls.checked(u, privateNetwork));
            }
            return this;
        }

        /**
         * Sends every call through a proxy: {@code http://[user:password@]host:port} (the credentials answer the
         * proxy's 407, and are secrets: never in a message, a log or {@code toString()}) or
         * {@code socks5://host:port}.
         *
         * @param url the proxy
         * @return this builder
         * @throws dev.latchkey.core.error.InvalidInputException if it is not one of those forms
         */
        public Builder proxy(String url) {
            this.proxy = dev.latchkey.core.internal.ProxySetting.parse(url);
            return this;
        }

        /**
         * @param cooldown how long an anti-bot challenge ({@link dev.latchkey.core.error.BotChallengeException})
         *     pauses the client's rate budget, for everyone sharing it (a fleet on Redis too), so that nobody keeps
         *     hammering a site that has started to block (default {@link ClientOptions#DEFAULT_CHALLENGE_COOLDOWN}, 5
         *     minutes); {@link Duration#ZERO} to not pause. Without a rate budget there is nothing to pause.
         * @return this builder
         */
        public Builder challengeCooldown(Duration cooldown) {
            this.challengeCooldown = positiveOrZero(cooldown, "challengeCooldown");
            return this;
        }

        /**
         * Adds an observer that sees every call of the client, its attempts, retries, rate-budget waits, re-logins and
         * session store accesses, redacted ({@link CallObserver}); several may be added, each sees every event.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(CallObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Adds a header sent with every call.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            RequestOptions.Builder.checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /** @return the options */
        public ClientOptions build() {
            if (baseUrl != null) {
                BaseUrls.checked(baseUrl.toString(), privateNetwork);
            }
            return new ClientOptions(this);
        }

        private static Duration positiveOrZero(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero (none) or positive: " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
