package dev.latchkey.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * Reads a successful answer into a value. Parsers read JSON through the {@link ResponseView}, which checks that the
 * body is JSON at all (not empty, not an HTML page) and turns every parse failure into an
 * {@link dev.latchkey.core.error.InvalidResponseException} naming the field.
 *
 * @param <T> the value
 */
@FunctionalInterface
public interface ResponseParser<T> {

    /**
     * @param response the answer, open; the pipeline closes it afterwards
     * @return the value
     * @throws IOException if reading fails
     */
    T parse(ResponseView response) throws IOException;

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return a parser of a JSON value of the type
     */
    static <T> ResponseParser<T> json(Class<T> type) {
        return r -> r.json(type);
    }

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return a parser of a JSON value of the generic type
     */
    static <T> ResponseParser<T> json(TypeReference<T> type) {
        return r -> r.json(type);
    }

    /**
     * @param <E> the element type
     * @param elementType the element type
     * @return a parser of a JSON array, read element by element (no intermediate tree)
     */
    static <E> ResponseParser<List<E>> list(Class<E> elementType) {
        return r -> r.jsonList(elementType);
    }

    /** @return a parser of a JSON tree */
    static ResponseParser<JsonNode> tree() {
        return ResponseView::tree;
    }

    /**
     * @return a parser that ignores the body, as long as it is not an HTML page: a challenge or a proxy's error page
     *     served with status 200 is not the success it claims to be
     */
    static ResponseParser<Void> discard() {
        return r -> {
            if (r instanceof BodyView view) {
                view.requireNotHtml();
            }
            return null;
        };
    }
}
