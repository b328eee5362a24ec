package dev.latchkey.core.http;

import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.internal.RetryAfter;
import dev.latchkey.core.internal.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One attempt's answer: an error status mapped to its typed exception, a success handed to what reads it, and the
 * response closed on every path (unless a stream keeps it open for its reader).
 */
final class Exchange {
    final Response response;
    final PreparedCall prepared;
    /** A stream reads the body after the attempt returned: the response stays open for it. */
    boolean keepOpen;
    /** A stream's body is read element by element and is not bounded by {@code maxResponseBytes}. */
    boolean streaming;

    /** Reads a successful answer; may keep the exchange open ({@link #keepOpen}). */
    @FunctionalInterface
    interface Handler<T> {
        T handle(Exchange exchange) throws IOException;
    }

    private Exchange(Response response, PreparedCall prepared) {
        this.response = response;
        this.prepared = prepared;
    }

    BodyView view() {
        BufferedSource source = response.body().source();
        return new BodyView(response.code(), response.headers(), response.request().url(), source,
                prepared.origin, streaming ? Long.MAX_VALUE : prepared.options.maxResponseBytes());
    }

    <T> T parse(ResponseParser<T> parser) {
        BodyView view = view();
        // An answer that announces more than the cap fails before a byte of it is read.
        if (!streaming && response.body().contentLength() > prepared.options.maxResponseBytes()) {
            throw Failures.tooLargeAnswer(view, prepared.options.maxResponseBytes());
        }
        return Failures.parse(view, parser);
    }

    /** One blocking attempt: send, then {@link #handle}. */
    static <T> T send(PreparedCall p, Handler<T> handler) {
        Call call = p.newCall();
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw Failures.transport(p.origin, e, call.isCanceled());
        } catch (RuntimeException e) {
            throw Failures.refused(p.origin, e);
        }
        return handle(p, call, response, handler);
    }

    /** Maps an error status, or hands a success to the handler; closes the response unless the handler keeps it. */
    static <T> T handle(PreparedCall p, Call call, Response response, Handler<T> handler) {
        if (p.trace != null) {
            p.trace.answered(response, p.origin);
        }
        Exchange exchange = new Exchange(response, p);
        // An answer given up on mid-body (malformed, too large, endless) is not drained for reuse: OkHttp would spend
        // up to 100 ms reading what a hostile server keeps sending. Cancelling closes its connection at once.
        boolean abandon = false;
        try {
            if (!response.isSuccessful()) {
                throw mapError(p, response);
            }
            // OkHttp reads the header as a number, -1 when absent or not one: anything below is a negative length,
            // whose body cannot even be closed. Checked without a new allocation on the success path.
            if (response.body().contentLength() < -1) {
                abandon = true;
                throw Failures.negativeLength(exchange.view());
            }
            return handler.handle(exchange);
        } catch (IOException e) {
            abandon = true;
            throw call.isCanceled() ? Failures.transport(p.origin, e, true) : Failures.read(exchange.view(), e);
        } catch (InvalidResponseException e) {
            abandon = true;
            throw e;
        } catch (LatchkeyException e) {
            throw e;
        } catch (RuntimeException e) {
            abandon = true;
            throw Failures.unexpected(exchange.view(), e);
        } finally {
            if (!exchange.keepOpen) {
                if (abandon) {
                    call.cancel();
                }
                closeQuietly(response);
            }
        }
    }

    /** Reads the error body (bounded), and maps it: the endpoint's mapper, the provider's, core's default. */
    static LatchkeyException mapError(PreparedCall p, Response response) {
        String body;
        try {
            BufferedSource source = response.body().source();
            source.request(ErrorResponse.MAX_BODY_CHARS);
            long n = Math.min(source.getBuffer().size(), ErrorResponse.MAX_BODY_CHARS);
            body = source.readString(n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = ""; // the status alone still says what happened
        }
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), p.options.clock());
        Secrets secrets = p.origin.secrets();
        ErrorResponse er = ErrorResponse.of(response.code(), p.origin.method(), p.origin.path(), response.headers(),
                body, p.origin.requestId(response.headers()), retryAfter, secrets::scrub);
        return p.provider.mapError(p.api.errorMapper(), er);
    }

    /** Closes without letting a broken answer (a negative {@code Content-Length}) replace the typed exception. */
    static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException ignored) {
            // The answer is unusable either way; what the caller needs is the failure already being reported.
        }
    }
}
