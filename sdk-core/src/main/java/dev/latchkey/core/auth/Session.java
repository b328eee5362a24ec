package dev.latchkey.core.auth;

import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.ApiRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login produced, immutable: cookies (Kemono), a session id (TMDb), a bearer token with optional expiry and
 * refresh token (Eternaltwin, TMDb v4), or header tokens (Karaoke Mugen), plus non-secret attributes such as the user
 * name. A {@link SessionStore} persists it, so a bot logs in once and resumes later.
 *
 * <p>{@code toString()} shows names, never values, of cookies, tokens and headers.
 */
public final class Session {
    /** Token name of an OAuth or v4 bearer access token. */
    public static final String ACCESS_TOKEN = "access_token";
    /** Token name of an OAuth refresh token. */
    public static final String REFRESH_TOKEN = "refresh_token";
    /** Token name of a provider session id (TMDb {@code session_id}). */
    public static final String SESSION_ID = "session_id";

    private final String provider;
    private final Map<String, String> cookies;
    private final Map<String, String> tokens;
    private final Map<String, String> headers;
    private final Map<String, String> attributes;
    private final Instant createdAt;
    private final Instant expiresAt;

    private Session(Builder b) {
        this.provider = b.provider;
        this.cookies = Collections.unmodifiableMap(new LinkedHashMap<>(b.cookies));
        this.tokens = Collections.unmodifiableMap(new LinkedHashMap<>(b.tokens));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.createdAt = b.createdAt;
        this.expiresAt = b.expiresAt;
    }

    /**
     * @param provider the provider this session belongs to, for example {@code "kemono"}
     * @return a builder
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /** @return a builder holding this session's values */
    public Builder toBuilder() {
        Builder b = new Builder(provider);
        b.cookies.putAll(cookies);
        b.tokens.putAll(tokens);
        b.headers.putAll(headers);
        b.attributes.putAll(attributes);
        b.createdAt = createdAt;
        b.expiresAt = expiresAt;
        return b;
    }

    /** @return the provider this session belongs to */
    public String provider() {
        return provider;
    }

    /** @return the cookies, by name (secret values) */
    public Map<String, String> cookies() {
        return cookies;
    }

    /** @return the tokens, by name (secret values) */
    public Map<String, String> tokens() {
        return tokens;
    }

    /** @return headers to send with every call, by name (secret values) */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return non-secret facts about the session: user name, account id */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * @param name the cookie name
     * @return a cookie's value, if present
     */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /**
     * @param name the token name
     * @return a token's value, if present
     */
    public Optional<String> token(String name) {
        return Optional.ofNullable(tokens.get(name));
    }

    /**
     * @param name the attribute name
     * @return an attribute's value, if present
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** @return when the session was made */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the session stops working, if the provider said */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * @param clock the clock to compare with
     * @return whether it has expired by the given clock
     */
    public boolean isExpired(Clock clock) {
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /** @return every secret value in it, for scrubbing logs and messages */
    public List<String> secretValues() {
        List<String> out = new ArrayList<>(cookies.size() + tokens.size() + headers.size());
        out.addAll(cookies.values());
        out.addAll(tokens.values());
        out.addAll(headers.values());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && provider.equals(s.provider) && cookies.equals(s.cookies)
                && tokens.equals(s.tokens) && headers.equals(s.headers) && attributes.equals(s.attributes)
                && createdAt.equals(s.createdAt) && Objects.equals(expiresAt, s.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, cookies.keySet(), tokens.keySet(), attributes, createdAt);
    }

    @Override
    public String toString() {
        return "Session{provider=" + provider + ", cookies=" + masked(cookies) + ", tokens=" + masked(tokens)
                + ", headers=" + masked(headers) + ", attributes=" + attributes + ", createdAt=" + createdAt
                + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + '}';
    }

    private static String masked(Map<String, String> secrets) {
        StringBuilder sb = new StringBuilder("[");
        for (String name : secrets.keySet()) {
            sb.append(sb.length() > 1 ? ", " : "").append(name).append("=***");
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Session}. */
    public static final class Builder {
        private final String provider;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Instant createdAt = Instant.now();
        private Instant expiresAt;

        private Builder(String provider) {
            if (provider == null || provider.isBlank()) {
                throw new InvalidInputException("provider is blank");
            }
            this.provider = provider;
        }

        /**
         * Adds a cookie.
         *
         * @param name the cookie name
         * @param value the value
         * @return this builder
         * @throws InvalidInputException if the name or value is not what RFC 6265 allows ({@link Cookies})
         */
        public Builder cookie(String name, String value) {
            cookies.put(Cookies.checkName(name), Cookies.checkValue(name, value));
            return this;
        }

        /**
         * Adds a token, such as {@link #ACCESS_TOKEN}.
         *
         * @param name the token name
         * @param value the value
         * @return this builder
         * @throws InvalidInputException if it is empty or holds white space, a control or a non-ASCII character (a
         *     token travels in a header or a query, and must not change either)
         */
        public Builder token(String name, String value) {
            tokens.put(name(name), visibleAscii(name, value));
            return this;
        }

        /**
         * Adds a header sent with every call; checked as {@link #token} is.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name(name), value(name, value));
            ApiRequest.checkHeaderValue(name, value);
            return this;
        }

        /**
         * Adds a non-secret attribute (user name, account id).
         *
         * @param name the attribute name
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            if (value == null) {
                throw new InvalidInputException("attribute " + name + " is missing");
            }
            attributes.put(name(name), value);
            return this;
        }

        /**
         * Removes a token.
         *
         * @param name the token name
         * @return this builder
         */
        public Builder removeToken(String name) {
            tokens.remove(name);
            return this;
        }

        /**
         * @param name a cookie's name
         * @return this builder, without that cookie (a server that expired it)
         */
        public Builder removeCookie(String name) {
            cookies.remove(name);
            return this;
        }

        /**
         * @param createdAt when the session was made (defaults to now)
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * @param expiresAt when the session stops working, or {@code null} for unknown
         * @return this builder
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** @return the session */
        public Session build() {
            return new Session(this);
        }

        private static String name(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("name is blank");
            }
            return name;
        }

        private static String value(String name, String value) {
            if (value == null || value.isEmpty()) {
                throw new InvalidInputException(name + " is empty");
            }
            return value;
        }

        private static String visibleAscii(String name, String value) {
            value(name, value);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw new InvalidInputException(name + " holds white space, a control or a non-ASCII character "
                            + "(at index " + i + ")");
                }
            }
            return value;
        }
    }
}
