package dev.latchkey.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.latchkey.core.internal.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads a JSON array element by element, so a huge list never exists as a tree. */
final class JsonArrayIterator<E> implements Iterator<E>, AutoCloseable {
    private final BodyView view;
    private final JsonParser parser;
    private final ObjectReader reader;
    private int index;
    private JsonToken pending;
    private boolean done;

    JsonArrayIterator(BodyView view, Class<E> type) throws IOException {
        this.view = view;
        this.parser = Json.mapper().createParser(view.jsonStream()); // unbounded for a streamed view
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
            E value = reader.readValue(parser);
            if (value == null) {
                throw MismatchedInputException.from(parser, List.class, "null element in the array");
            }
            return value;
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
            throw Failures.read(view, e);
        }
    }

    @Override
    public E next() {
        try {
            return nextChecked();
        } catch (IOException e) {
            throw Failures.read(view, e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * The elements of a JSON array answer as a lazy stream over the open exchange: parsed as consumed, the response
     * closed at the end, on the first failure, or when the stream is closed.
     */
    static <E> java.util.stream.Stream<E> stream(Exchange exchange, Class<E> elementType) {
        BodyView view = exchange.view();
        JsonArrayIterator<E> it;
        try {
            it = new JsonArrayIterator<>(view, elementType);
        } catch (IOException e) {
            Exchange.closeQuietly(exchange.response);
            throw Failures.read(view, e);
        } catch (RuntimeException e) {
            Exchange.closeQuietly(exchange.response);
            throw Failures.unexpected(view, e);
        }
        Iterator<E> closing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    boolean more = it.hasNext();
                    if (!more) {
                        Exchange.closeQuietly(exchange.response);
                    }
                    return more;
                } catch (RuntimeException e) {
                    Exchange.closeQuietly(exchange.response);
                    throw Failures.unexpected(view, e);
                }
            }

            @Override
            public E next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    Exchange.closeQuietly(exchange.response);
                    throw Failures.unexpected(view, e);
                }
            }
        };
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(closing,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false)
                .onClose(() -> Exchange.closeQuietly(exchange.response));
    }
}
