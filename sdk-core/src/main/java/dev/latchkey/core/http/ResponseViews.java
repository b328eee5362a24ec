package dev.latchkey.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.internal.Json;
import dev.latchkey.core.internal.Secrets;
import dev.latchkey.core.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSource;

/** The {@link ResponseView} over an OkHttp body or a kept byte array. */
final class ResponseViews {
    private ResponseViews() {
    }

    /** Says which request an answer belongs to, for messages; path and secrets are computed only when needed. */
    static final class Origin {
        private final ApiRequest api;

        Origin(ApiRequest api) {
            this.api = api;
        }

        String method() {
            return api.method();
        }

        String path() {
            return api.redactedPath();
        }

        Secrets secrets() {
            return api.secrets();
        }
    }

    static final class View implements ResponseView {
        private final int status;
        private final Headers headers;
        private final HttpUrl url;
        private final BufferedSource source;
        final Origin origin;

        View(int status, Headers headers, HttpUrl url, BufferedSource source, Origin origin) {
            this.status = status;
            this.headers = headers;
            this.url = url;
            this.source = source;
            this.origin = origin;
        }

        static View of(RawResponse raw, HttpUrl url, Origin origin) {
            return new View(raw.status(), raw.headers(), url, new Buffer().write(raw.bodyUnsafe()), origin);
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
        public <T> T json(Class<T> type) throws IOException {
            return Json.mapper().readValue(jsonStream(), type);
        }

        @Override
        public <T> T json(TypeReference<T> type) throws IOException {
            return Json.readerFor(type).readValue(jsonStream());
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
            return source.readString(StandardCharsets.UTF_8);
        }

        /** @return the body as a stream, once it is known to start like JSON */
        InputStream jsonStream() throws IOException {
            // Sniff in the source's own buffer: a peek() source would copy into a fresh segment on every call.
            Buffer buffer = source.getBuffer();
            for (long i = 0; ; i++) {
                if (!source.request(i + 1)) {
                    throw invalid("empty body where JSON was expected", null, null, null);
                }
                byte b = buffer.getByte(i);
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    continue;
                }
                if (b == '<') {
                    String head = headOfBody(4096);
                    String title = Text.htmlTitle(head);
                    throw invalid("an HTML page" + (title == null ? "" : " titled \""
                            + Text.excerpt(origin.secrets().scrub(title), 80) + '"') + " where JSON was expected "
                            + "(an error page, or an anti-bot challenge)", null,
                            Text.excerpt(origin.secrets().scrub(head), 120), null);
                }
                return source.inputStream();
            }
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
            return new ApiError(status, origin.method(), origin.path(), providerCode, origin.secrets().scrub(message),
                    null, null);
        }

        @Override
        public InvalidResponseException invalid(String problem) {
            return invalid(problem, null, null, null);
        }

        /** The excerpt is given only where the body's head is still unread (the parser has not consumed it). */
        InvalidResponseException invalid(String problem, String field, String excerpt, Throwable cause) {
            return new InvalidResponseException(origin.method(), origin.path(), status, headers.get("Content-Type"),
                    problem, field, excerpt, cause);
        }
    }

    /** Reads a JSON array element by element, so a huge list never exists as a tree. */
    static final class JsonArrayIterator<E> implements Iterator<E>, AutoCloseable {
        private final View view;
        private final JsonParser parser;
        private final ObjectReader reader;
        private int index;
        private JsonToken pending;
        private boolean done;

        JsonArrayIterator(View view, Class<E> type) throws IOException {
            this.view = view;
            this.parser = Json.mapper().createParser(view.jsonStream());
            // Elements follow each other in the array: trailing tokens after one element are the next element.
            this.reader = Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw MismatchedInputException.from(parser, List.class, "expected a JSON array but found " + first);
            }
        }

        boolean hasNextChecked() throws IOException {
            if (done) {
                return false;
            }
            if (pending == null) {
                pending = parser.nextToken();
                if (pending == null) {
                    throw MismatchedInputException.from(parser, List.class, "Unexpected end-of-input in array");
                }
            }
            if (pending == JsonToken.END_ARRAY) {
                done = true;
                if (parser.nextToken() != null) {
                    throw MismatchedInputException.from(parser, List.class, "trailing data after the array");
                }
                return false;
            }
            return true;
        }

        E nextChecked() throws IOException {
            if (!hasNextChecked()) {
                throw new NoSuchElementException();
            }
            pending = null;
            try {
                return reader.readValue(parser);
            } catch (JsonMappingException e) {
                e.prependPath(List.of(), index);
                throw e;
            } finally {
                index++;
            }
        }

        @Override
        public boolean hasNext() {
            try {
                return hasNextChecked();
            } catch (IOException e) {
                throw HttpPipeline.readFailure(view, e);
            }
        }

        @Override
        public E next() {
            try {
                return nextChecked();
            } catch (IOException e) {
                throw HttpPipeline.readFailure(view, e);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
