package dev.latchkey.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Faults to inject into a fake's next answers, the same on every fake:
 *
 * <pre>{@code
 * fake.faults().next(2).onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(1));
 * fake.faults().next().serverError(503);
 * fake.faults().next().truncatedJson();   // the real answer, cut in the middle
 * fake.faults().next().droppedMidBody();  // the real answer, connection dropped halfway through the body
 * }</pre>
 *
 * A fault replaces the answer (status, reset, HTML page, empty body) or alters the real one (stall, truncation); a
 * replaced request is not processed, so state does not change. Faults are matched in the order they were added.
 */
public final class Faults {
    private final List<Entry> entries = new ArrayList<>();
    private final UnaryOperator<FakeResponse> challengePage;

    Faults(UnaryOperator<FakeResponse> challengePage) {
        this.challengePage = challengePage;
    }

    /** @return a fault for the next matching request */
    public Builder next() {
        return next(1);
    }

    /**
     * @param count how many matching requests the fault applies to
     * @return a fault for the next {@code count} matching requests
     */
    public Builder next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more");
        }
        return new Builder(count);
    }

    /** Forgets every pending fault. */
    public synchronized void clear() {
        entries.clear();
    }

    /** @return how many faulted answers are still pending */
    public synchronized int pending() {
        return entries.stream().mapToInt(e -> e.remaining).sum();
    }

    /** Finds the fault for a request, using up one of its count. */
    synchronized Kind take(String method, String path) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if ((e.method == null || e.method.equalsIgnoreCase(method))
                    && (e.path == null || e.path.matcher(path).matches())) {
                if (--e.remaining == 0) {
                    it.remove();
                }
                return e.kind;
            }
        }
        return null;
    }

    private synchronized void add(Entry e) {
        entries.add(e);
    }

    /** What a fault does to an answer. */
    abstract static class Kind {
        /** @return the answer instead of processing the request, or {@code null} to process it and {@link #alter} */
        FakeResponse replace() {
            return null;
        }

        FakeResponse alter(FakeResponse real) {
            return real;
        }
    }

    private static final class Entry {
        final Kind kind;
        final String method;
        final Pattern path;
        int remaining;

        Entry(Kind kind, String method, Pattern path, int remaining) {
            this.kind = kind;
            this.method = method;
            this.path = path;
            this.remaining = remaining;
        }
    }

    /** Chooses what the fault does; each terminal method registers it. */
    public final class Builder {
        private final int count;
        private Pattern path;
        private String method;

        private Builder(int count) {
            this.count = count;
        }

        /**
         * @param glob the request path (without query) to match, {@code *} matching any run of characters
         * @return this
         */
        public Builder onPath(String glob) {
            this.path = Pattern.compile(java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*")));
            return this;
        }

        /**
         * @param method only requests with this HTTP method
         * @return this builder
         */
        public Builder onMethod(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * 429 with {@code Retry-After} in seconds.
         *
         * @param retryAfter the parsed {@code Retry-After}, or {@code null}
         */
        public void rateLimited(Duration retryAfter) {
            long s = retryAfter.toSeconds();
            register(replacing(() -> FakeResponse.builder().code(429).setHeader("Retry-After", s)
                    .setHeader("Content-Type", "application/json")
                    .body("{\"error\":\"Too many requests\"}").build()));
        }

        /**
         * 429 with {@code Retry-After} as an HTTP date.
         *
         * @param until when attempts may go again
         */
        public void rateLimitedUntil(Instant until) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC));
            register(replacing(() -> FakeResponse.builder().code(429).setHeader("Retry-After", date)
                    .setHeader("Content-Type", "application/json")
                    .body("{\"error\":\"Too many requests\"}").build()));
        }

        /**
         * A status (500, 502, 503, 504, or any) with a short plain body.
         *
         * @param status the HTTP status of the answer
         */
        public void serverError(int status) {
            status(status, "upstream failure");
        }

        /**
         * Any status with the given plain-text body.
         *
         * @param status the HTTP status of the answer
         * @param body a value to send as JSON, or {@code null}
         */
        public void status(int status, String body) {
            register(replacing(() -> FakeResponse.builder().code(status).setHeader("Content-Type", "text/plain")
                    .body(body).build()));
        }

        /** The connection is shut down before any answer. */
        public void reset() {
            register(replacing(() -> FakeResponse.builder().delivery(FakeResponse.Delivery.CLOSE_BEFORE_ANSWER)
                    .build()));
        }

        /**
         * The real answer, with its headers delayed.
         *
         * @param delay how long to wait
         */
        public void stall(Duration delay) {
            register(altering(real -> real.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build()));
        }

        /**
         * The real answer, with its body delayed after the headers.
         *
         * @param delay how long to wait
         */
        public void stallBody(Duration delay) {
            register(altering(real -> real.newBuilder().bodyDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build()));
        }

        /** The real answer with its body cut in the middle (a consistent {@code Content-Length}, invalid JSON). */
        public void truncatedJson() {
            register(altering(real -> {
                String body = real.bodyText();
                String cut = body.substring(0, Math.max(1, body.length() / 2));
                return real.newBuilder().body(cut).build();
            }));
        }

        /**
         * The real answer's status, headers and first half of its body, then the connection is dropped (WireMock's
         * {@code MALFORMED_RESPONSE_CHUNK}; a proxy or server dying mid-answer). The request was processed: its
         * change to the fake's state stands, though the client never heard the answer.
         */
        public void droppedMidBody() {
            register(altering(real -> real.newBuilder().delivery(FakeResponse.Delivery.CLOSE_MID_BODY).build()));
        }

        /** The provider's anti-bot challenge (Kemono: DDoS-Guard's 403 page); a generic one elsewhere. */
        public void htmlChallenge() {
            register(replacing(() -> challengePage.apply(FakeResponse.builder().build())));
        }

        /** 200 with an empty body. */
        public void emptyBody() {
            register(replacing(() -> FakeResponse.builder().code(200).setHeader("Content-Type", "application/json")
                    .body("").build()));
        }

        private void register(Kind kind) {
            add(new Entry(kind, method, path, count));
        }
    }

    private static Kind replacing(java.util.function.Supplier<FakeResponse> answer) {
        return new Kind() {
            @Override
            FakeResponse replace() {
                return answer.get();
            }
        };
    }

    private static Kind altering(UnaryOperator<FakeResponse> alter) {
        return new Kind() {
            @Override
            FakeResponse alter(FakeResponse real) {
                return alter.apply(real);
            }
        };
    }
}
