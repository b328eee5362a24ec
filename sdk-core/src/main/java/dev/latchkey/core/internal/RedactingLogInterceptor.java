package dev.latchkey.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP exchanges through OkHttp's logging interceptor to the SLF4J logger {@code dev.latchkey.http}, with three
 * layers of redaction: OkHttp's own for credential headers and secret query parameters; no bodies at all for
 * requests marked sensitive (logins, token exchanges); and every line scrubbed of the request's known secret values,
 * whatever header, path segment or body they hide in.
 *
 * <p>DEBUG logs request and response lines with headers; TRACE adds bodies (at most 64 KiB of each). When DEBUG is off this costs one check.
 */
public final class RedactingLogInterceptor implements Interceptor {
    /** The logger every exchange is written to. */
    public static final String LOGGER_NAME = "dev.latchkey.http";

    static final List<String> REDACTED_HEADERS = List.of("Authorization", "Proxy-Authorization", "Cookie",
            "Set-Cookie", "X-Api-Key", "onlineAuthorization", "X-Auth-Token");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    /** OkHttp masks redacted values with this; in a URL it arrives percent-encoded. */
    private static final String OKHTTP_MASK = "\u2588\u2588";
    private static final String ENCODED_MASK = "%E2%96%88%E2%96%88";

    /** Marks a request whose bodies must never be logged; carried as an OkHttp tag. */
    public enum Sensitive {
        /** The request's bodies are never logged. */
        YES
    }

    /** The most of one body that a TRACE line shows: a log is no place for a 200 MB answer. */
    static final int MAX_LOGGED_BODY = 64 * 1024;

    /** Query parameters OkHttp masks by name: the generic credential names and the provider's. */
    private final String[] secretQueryNames;

    /** @param secretQueryNames query parameters whose values are masked by name */
    public RedactingLogInterceptor(java.util.Set<String> secretQueryNames) {
        this.secretQueryNames = secretQueryNames.toArray(String[]::new);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(chain.request());
        }
        Request request = chain.request();
        CallSecrets secrets = request.tag(CallSecrets.class);
        Secrets scrub = secrets == null ? Secrets.NONE : secrets.get();
        boolean bodies = LOG.isTraceEnabled() && request.tag(Sensitive.class) == null;
        HttpLoggingInterceptor delegate = new HttpLoggingInterceptor(line -> log(scrub, line));
        // Headers through OkHttp's interceptor (its redaction by name); bodies here, bounded, and never by reading
        // the whole answer: OkHttp's BODY level buffers all of it, and a body that breaks mid-read would throw from
        // inside the interceptor with the response never closed.
        delegate.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        REDACTED_HEADERS.forEach(delegate::redactHeader);
        delegate.redactQueryParams(secretQueryNames);
        if (bodies && request.body() != null) {
            okio.Buffer buffer = new okio.Buffer();
            request.body().writeTo(buffer);
            trace(scrub, "--> body (" + buffer.size() + " bytes): " + buffer.readUtf8(Math.min(buffer.size(),
                    MAX_LOGGED_BODY)));
        }
        Response response = delegate.intercept(chain);
        if (bodies) {
            try {
                // One byte more than is shown tells whether the body goes on.
                byte[] head = response.peekBody(MAX_LOGGED_BODY + 1L).bytes();
                boolean cut = head.length > MAX_LOGGED_BODY;
                trace(scrub, "<-- body" + (cut ? " (first " + MAX_LOGGED_BODY + " bytes)" : "") + ": "
                        + new String(head, 0, Math.min(head.length, MAX_LOGGED_BODY), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // The caller's read will meet the same failure and report it; the log only says so.
                trace(scrub, "<-- body unreadable: " + e.getClass().getSimpleName());
            }
        }
        return response;
    }

    /** A server's text is logged with its controls shown: a line feed in a body would forge a log line, an escape
     * would act on the terminal that tails the log. Scrubbed first, then shown. */
    private static void trace(Secrets scrub, String line) {
        LOG.trace("{}", Text.visible(scrub.scrub(line)));
    }

    private static void log(Secrets scrub, String line) {
        // One mask in every line: OkHttp's own (headers, query values) becomes Latchkey's.
        LOG.debug("{}", Text.visible(scrub.scrub(line).replace(ENCODED_MASK, Secrets.MASK)
                .replace(OKHTTP_MASK, Secrets.MASK)));
    }
}
