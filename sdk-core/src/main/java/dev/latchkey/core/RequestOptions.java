package dev.latchkey.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call overrides of the client's options: the per-attempt timeout, the number of retries, extra headers, and an
 * idempotency key (which also makes a non-idempotent request safe to replay).
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final Map<String, String> headers;
    private final String idempotencyKey;
    private final java.util.List<dev.latchkey.core.observe.CallObserver> observers;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.headers = Map.copyOf(b.headers);
        this.idempotencyKey = b.idempotencyKey;
        this.observers = java.util.List.copyOf(b.observers);
    }

    /** @return options that override nothing */
    public static RequestOptions none() {
        return NONE;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the per-attempt timeout, if overridden */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the number of retries, if overridden */
    public Optional<Integer> maxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    /** @return extra headers for this call */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the idempotency key, if set */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** @return observers of this call alone, beside the client's */
    public java.util.List<dev.latchkey.core.observe.CallObserver> observers() {
        return observers;
    }

    /**
     * @param over options that win where they set something
     * @return these options with {@code over}'s timeout, retries and idempotency key where it sets them, and both
     *     sets of headers ({@code over}'s replacing a header of the same name) and of observers
     */
    public RequestOptions overriddenBy(RequestOptions over) {
        Objects.requireNonNull(over, "over");
        if (over == NONE) {
            return this;
        }
        if (this == NONE) {
            return over;
        }
        Builder b = builder();
        b.timeout = over.timeout != null ? over.timeout : timeout;
        b.maxRetries = over.maxRetries != null ? over.maxRetries : maxRetries;
        b.idempotencyKey = over.idempotencyKey != null ? over.idempotencyKey : idempotencyKey;
        b.headers.putAll(headers);
        b.headers.putAll(over.headers);
        b.observers.addAll(observers);
        b.observers.addAll(over.observers);
        return b.build();
    }

    @Override
    public String toString() {
        // Header values may be credentials: names only.
        return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
                + ", idempotencyKey=" + (idempotencyKey == null ? null : "set") + ", observers=" + observers.size() + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String idempotencyKey;
        private final java.util.List<dev.latchkey.core.observe.CallObserver> observers = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an observer of this call alone (its start and end, attempts, retries and rate-budget waits), beside the
         * client's own.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(dev.latchkey.core.observe.CallObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * @param timeout the whole-attempt timeout for this call (connect, write, server time and read);
         *     {@link Duration#ZERO} for none, as in {@link ClientOptions.Builder#callTimeout}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be zero (none) or positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param maxRetries retries for this call, 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Adds a header to this call (replacing one of the same name).
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws dev.latchkey.core.error.InvalidInputException if the name is not an HTTP token or the value holds a
         *     character HTTP cannot carry (CR, LF, a control or non-ASCII character); the value is not repeated
         */
        public Builder header(String name, String value) {
            checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /** Checked here, so a bad header fails where it is given, not as OkHttp's exception on the first call. */
        static void checkHeader(String name, String value) {
            dev.latchkey.core.error.InvalidInputException.require(name, "header name");
            dev.latchkey.core.error.InvalidInputException.require(value, "header " + name);
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new dev.latchkey.core.error.InvalidInputException("header name is not an HTTP token");
            }
            dev.latchkey.core.http.ApiRequest.checkHeaderValue("header " + name, value);
        }

        /**
         * Sends {@code Idempotency-Key} and makes the request safe to replay, so it is retried like a GET.
         *
         * @param key a key unique to this logical operation
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("idempotency key is blank");
            }
            this.idempotencyKey = key;
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
