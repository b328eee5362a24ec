package dev.latchkey.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;

/**
 * An answer a fake server sends: status, headers, body, and how it is delivered (delays, a dropped connection).
 * Immutable; {@link #newBuilder()} makes a changed copy.
 *
 * <pre>{@code
 * FakeResponse.builder().code(200).setHeader("Content-Type", "application/json").body("{}").build();
 * }</pre>
 */
public final class FakeResponse {
    /** How the answer reaches the client. */
    public enum Delivery {
        /** The whole answer. */
        WHOLE,
        /** Nothing: the connection is closed before the status line. */
        CLOSE_BEFORE_ANSWER,
        /** The status, the headers and the first half of the body, then the connection is closed. */
        CLOSE_MID_BODY
    }

    private final int code;
    private final Headers headers;
    private final byte[] body;
    private final long headersDelayMillis;
    private final long bodyDelayMillis;
    private final Delivery delivery;

    private FakeResponse(Builder b) {
        this.code = b.code;
        this.headers = b.headers.build();
        this.body = b.body;
        this.headersDelayMillis = b.headersDelayMillis;
        this.bodyDelayMillis = b.bodyDelayMillis;
        this.delivery = b.delivery;
    }

    /** @return a builder of a {@code 200} with no headers and an empty body */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this answer, to change */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** @return the HTTP status */
    public int code() {
        return code;
    }

    /** @return the headers set ({@code Content-Length} is added when the answer is sent) */
    public Headers headers() {
        return headers;
    }

    /** @return the body's bytes (a copy) */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return how long the server waits before sending the status line, in milliseconds */
    public long headersDelayMillis() {
        return headersDelayMillis;
    }

    /** @return how long the server waits between the headers and the body, in milliseconds */
    public long bodyDelayMillis() {
        return bodyDelayMillis;
    }

    /** @return how the answer reaches the client */
    public Delivery delivery() {
        return delivery;
    }

    @Override
    public String toString() {
        return "FakeResponse{" + code + ", " + body.length + " bytes, " + delivery + "}";
    }

    /** Builds a {@link FakeResponse}. */
    public static final class Builder {
        private int code = 200;
        private Headers.Builder headers = new Headers.Builder();
        private byte[] body = new byte[0];
        private long headersDelayMillis;
        private long bodyDelayMillis;
        private Delivery delivery = Delivery.WHOLE;

        private Builder() {
        }

        private Builder(FakeResponse r) {
            this.code = r.code;
            this.headers = r.headers.newBuilder();
            this.body = r.body;
            this.headersDelayMillis = r.headersDelayMillis;
            this.bodyDelayMillis = r.bodyDelayMillis;
            this.delivery = r.delivery;
        }

        /**
         * @param code the HTTP status, 100 to 999
         * @return this builder
         */
        public Builder code(int code) {
            if (code < 100 || code > 999) {
                throw new IllegalArgumentException("status must be 100 to 999: " + code);
            }
            this.code = code;
            return this;
        }

        /**
         * @param name the header name
         * @param value its value, replacing any other
         * @return this builder
         */
        public Builder setHeader(String name, Object value) {
            headers.set(name, String.valueOf(value));
            return this;
        }

        /**
         * @param name the header name
         * @param value one more value
         * @return this builder
         */
        public Builder addHeader(String name, Object value) {
            headers.add(name, String.valueOf(value));
            return this;
        }

        /**
         * @param text the body, sent as UTF-8
         * @return this builder
         */
        public Builder body(String text) {
            this.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * @param bytes the body
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /**
         * @param delay how long to wait before the status line
         * @param unit its unit
         * @return this builder
         */
        public Builder headersDelay(long delay, TimeUnit unit) {
            this.headersDelayMillis = unit.toMillis(delay);
            return this;
        }

        /**
         * @param delay how long to wait between the headers and the body
         * @param unit its unit
         * @return this builder
         */
        public Builder bodyDelay(long delay, TimeUnit unit) {
            this.bodyDelayMillis = unit.toMillis(delay);
            return this;
        }

        /**
         * @param delivery how the answer reaches the client
         * @return this builder
         */
        public Builder delivery(Delivery delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        /** @return the answer */
        public FakeResponse build() {
            return new FakeResponse(this);
        }
    }
}
