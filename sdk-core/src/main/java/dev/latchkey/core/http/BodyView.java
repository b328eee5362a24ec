package dev.latchkey.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.internal.Json;
import dev.latchkey.core.internal.ScrubbedThrowables;
import dev.latchkey.core.internal.Secrets;
import dev.latchkey.core.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSource;

/** The {@link ResponseView} over an OkHttp body or a kept byte array: sniffing, caps, JSON. */
final class BodyView implements ResponseView {
    /** The most white space (and a byte-order mark) skipped before the first JSON byte. */
    static final int MAX_LEADING_WHITESPACE = 64 * 1024;

    private final int status;
    private final Headers headers;
    private final HttpUrl url;
    private final BufferedSource source;
    private final long maxBytes;
    final Origin origin;

    BodyView(int status, Headers headers, HttpUrl url, BufferedSource source, Origin origin, long maxBytes) {
        this.status = status;
        this.headers = headers;
        this.url = url;
        this.source = source;
        this.origin = origin;
        this.maxBytes = maxBytes;
    }

    static BodyView of(RawResponse raw, HttpUrl url, Origin origin) {
        return new BodyView(raw.status(), raw.headers(), url, new Buffer().write(raw.bodyUnsafe()), origin,
                Long.MAX_VALUE);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public Optional<String> cookie(String name) {
        for (Cookie c : Cookie.parseAll(url, headers)) {
            if (c.name().equals(name) && !c.value().isEmpty()) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public dev.latchkey.core.auth.Session withCookiesSet(dev.latchkey.core.auth.Session session) {
        return dev.latchkey.core.auth.ServerCookies.merged(session, url, headers, java.time.Instant.now());
    }

    @Override
    public <T> T json(Class<T> type) throws IOException {
        return present(Json.readerFor(type).<T>readValue(jsonStream()));
    }

    @Override
    public <T> T json(TypeReference<T> type) throws IOException {
        return present(Json.readerFor(type).<T>readValue(jsonStream()));
    }

    /** A body of JSON {@code null} is no value: callers would meet it as a NullPointerException later. */
    private <T> T present(T value) {
        if (value == null) {
            throw invalid("the answer is JSON null where a value was expected", null, null, null);
        }
        return value;
    }

    @Override
    public <E> List<E> jsonList(Class<E> elementType) throws IOException {
        List<E> out = new ArrayList<>();
        try (JsonArrayIterator<E> it = new JsonArrayIterator<>(this, elementType)) {
            while (it.hasNextChecked()) {
                out.add(it.nextChecked());
            }
        }
        return out;
    }

    @Override
    public JsonNode tree() throws IOException {
        return Json.mapper().readTree(jsonStream());
    }

    @Override
    public String text() throws IOException {
        if (!source.request(1)) {
            return "";
        }
        return new String(limited(source.inputStream()).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** @return the body as a stream, once it is known to start like JSON; bounded by the client's cap */
    InputStream jsonStream() throws IOException {
        return limited(sniffJson());
    }

    /** @return the body as a stream, once it is known to start like JSON; not bounded (streamed listings) */
    private InputStream sniffJson() throws IOException {
        // Sniff in the source's own buffer: a peek() source would copy into a fresh segment on every call.
        Buffer buffer = source.getBuffer();
        long start = 0;
        if (source.request(3) && buffer.getByte(0) == (byte) 0xEF && buffer.getByte(1) == (byte) 0xBB
                && buffer.getByte(2) == (byte) 0xBF) {
            start = 3; // a UTF-8 byte-order mark: not JSON's, but some servers send one
        }
        for (long i = start; ; i++) {
            if (i - start >= MAX_LEADING_WHITESPACE) {
                throw invalid("more than " + MAX_LEADING_WHITESPACE + " bytes of white space where JSON was "
                        + "expected", null, null, null);
            }
            if (!source.request(i + 1)) {
                throw invalid("empty body where JSON was expected", null, null, null);
            }
            byte b = buffer.getByte(i);
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            if (b == '<') {
                throw htmlPage();
            }
            if (start > 0) {
                source.skip(start);
            }
            return source.inputStream();
        }
    }

    /**
     * Checks a success whose body the call ignores: empty or any data passes, an HTML page (a challenge, a proxy's
     * error page served with 200) does not.
     */
    void requireNotHtml() throws IOException {
        Buffer buffer = source.getBuffer();
        for (long i = 0; i < MAX_LEADING_WHITESPACE && source.request(i + 1); i++) {
            byte b = buffer.getByte(i);
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || i < 3 && (b == (byte) 0xEF
                    || b == (byte) 0xBB || b == (byte) 0xBF)) {
                continue;
            }
            if (b == '<') {
                throw htmlPage();
            }
            return;
        }
    }

    private InvalidResponseException htmlPage() {
        String head = headOfBody(4096);
        String title = Text.htmlTitle(head);
        Secrets secrets = origin.secrets();
        return invalid("an HTML page" + (title == null ? "" : " titled \"" + secrets.excerpt(title, 80) + '"')
                + " where JSON was expected (an error page, or an anti-bot challenge)", null,
                origin.sensitive() ? null : secrets.excerpt(Text.stripBom(head), 120), null);
    }

    private InputStream limited(InputStream in) {
        return maxBytes == Long.MAX_VALUE ? in : new LimitedInputStream(in, maxBytes);
    }

    private String headOfBody(int max) {
        try {
            BufferedSource peek = source.peek();
            peek.request(max);
            Buffer buf = new Buffer();
            peek.read(buf, Math.min(max, peek.getBuffer().size()));
            return buf.readUtf8();
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }

    /** @return the body's declared length, or -1 */
    long declaredLength() {
        String v = headers.get("Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public ApiError error(String providerCode, String message) {
        Secrets secrets = origin.secrets();
        return new ApiError(status, origin.method(), origin.path(),
                providerCode == null ? null : secrets.excerpt(providerCode, 64),
                message == null ? null : secrets.excerpt(message, 300), origin.requestId(headers), null);
    }

    @Override
    public InvalidResponseException invalid(String problem) {
        return invalid(problem, null, null, null);
    }

    @Override
    public dev.latchkey.core.error.LatchkeyException failure(JsonNode body) {
        String text = body == null ? "" : new String(Json.write(body), StandardCharsets.UTF_8);
        if (text.length() > dev.latchkey.core.error.ErrorResponse.MAX_BODY_CHARS) {
            text = text.substring(0, dev.latchkey.core.error.ErrorResponse.MAX_BODY_CHARS);
        }
        Secrets secrets = origin.secrets();
        return origin.mapError(dev.latchkey.core.error.ErrorResponse.of(status, origin.method(), origin.path(),
                headers, text, origin.requestId(headers), null, secrets::scrub));
    }

    /** The excerpt is given only where the body's head is still unread (the parser has not consumed it). */
    InvalidResponseException invalid(String problem, String field, String excerpt, Throwable cause) {
        Secrets secrets = origin.secrets();
        String type = headers.get("Content-Type");
        // A provider's problem text may quote a value the server sent: scrubbed like everything else.
        return new InvalidResponseException(origin.method(), origin.path(), status,
                type == null ? null : secrets.excerpt(type, 100), origin.requestId(headers),
                secrets.excerpt(problem, 1000),
                field == null ? null : secrets.excerpt(field, 200), excerpt,
                // A parser's exception may quote the value it choked on: keep only a scrubbed copy.
                ScrubbedThrowables.copy(cause, secrets));
    }


}
