package dev.latchkey.testkit.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as a {@link HostileServer} read it.
 *
 * @param method the method
 * @param target the request target: path and query as sent
 * @param headers name and value pairs, in order
 * @param body the body (at most 1 MiB of it)
 */
public record HostileRequest(String method, String target, List<String[]> headers, byte[] body) {

    /**
     * Creates a {@code HostileRequest}, checking and normalizing its components.
     *
     * @param method the method
     * @param target the request target: path and query as sent
     * @param headers name and value pairs, in order
     * @param body the body (at most 1 MiB of it)
     */
    public HostileRequest {
        headers = List.copyOf(headers);
    }

    /** @return the path, without the query */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /**
     * @param name the header name
     * @return the first value of the header, or {@code null}
     */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** @return every header value, every query value and the body: all a server could echo back */
    public List<String> echoable() {
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            out.add(h[1]);
        }
        int q = target.indexOf('?');
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                out.add(eq < 0 ? pair : pair.substring(eq + 1));
            }
        }
        if (body.length > 0) {
            out.add(new String(body, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** @return the whole request head as one line of values, for echoing */
    public String everything() {
        return String.join(" ", echoable()) + ' ' + target;
    }

    @Override
    public String toString() {
        return method + ' ' + path(); // no header or query values: they may be secrets
    }
}
