package dev.latchkey.testkit;

import java.util.Optional;
import okhttp3.Headers;

/**
 * A request a fake received, secrets included: tests may read what the client really sent.
 *
 * @param method the HTTP method
 * @param target the path and query as sent
 * @param headers the request headers
 * @param body the body as text (empty if none)
 * @param status the status the fake answered (0 for a connection fault)
 */
public record RecordedCall(String method, String target, Headers headers, String body, int status) {

    /** @return the path without the query */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /**
     * @param name the header name
     * @return a header's value, if sent
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String toString() {
        return method + ' ' + path() + " -> " + status; // the query and headers may hold secrets
    }
}
