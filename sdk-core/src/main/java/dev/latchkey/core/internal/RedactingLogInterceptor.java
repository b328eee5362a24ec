package dev.latchkey.core.internal;

import java.io.IOException;
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
 * <p>DEBUG logs request and response lines with headers; TRACE adds bodies. When DEBUG is off this costs one check.
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
    public enum Sensitive { YES }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(chain.request());
        }
        Request request = chain.request();
        LazySecrets secrets = request.tag(LazySecrets.class);
        Secrets scrub = secrets == null ? Secrets.NONE : secrets.get();
        boolean sensitive = request.tag(Sensitive.class) != null;
        HttpLoggingInterceptor delegate = new HttpLoggingInterceptor(line -> LOG.debug("{}",
                scrub.scrub(line).replace(ENCODED_MASK, OKHTTP_MASK)));
        delegate.setLevel(LOG.isTraceEnabled() && !sensitive
                ? HttpLoggingInterceptor.Level.BODY : HttpLoggingInterceptor.Level.HEADERS);
        REDACTED_HEADERS.forEach(delegate::redactHeader);
        delegate.redactQueryParams(dev.latchkey.core.http.ApiRequest.SECRET_QUERY_NAMES.toArray(String[]::new));
        return delegate.intercept(chain);
    }
}
