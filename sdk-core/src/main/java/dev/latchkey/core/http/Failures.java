package dev.latchkey.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.internal.ScrubbedThrowables;
import dev.latchkey.core.internal.Secrets;
import dev.latchkey.core.internal.Text;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

/**
 * What went wrong, as a typed exception: pure functions from a low-level failure (an {@link IOException} of OkHttp,
 * an exception of Jackson, a provider parser's slip) to Latchkey's taxonomy, and whether it may be retried. No I/O
 * here, so every branch is testable without a server.
 */
final class Failures {
    private Failures() {
    }

    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");

    /** Retried: transport failures (not cancellations), 408, 429, 502, 503, 504, and never past maxRetryAfter. */
    static boolean isRetryable(Throwable t, RetryPolicy policy) {
        if (t instanceof TransportException te) {
            return te.kind() != TransportException.Kind.CANCELED;
        }
        if (t instanceof ApiException ae) {
            int s = ae.status();
            if (s != 408 && s != 429 && s != 502 && s != 503 && s != 504) {
                return false;
            }
            Duration wait = ae.error().retryAfter();
            return wait == null || wait.compareTo(policy.maxRetryAfter()) <= 0;
        }
        return false;
    }

    /** @return the kind of a connection-level failure */
    static TransportException.Kind kindOf(IOException e, boolean canceled) {
        // OkHttp cancels a call whose call timeout fired, so a timeout is checked before the cancel flag.
        if (e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return TransportException.Kind.TIMEOUT;
        }
        if (canceled) {
            return TransportException.Kind.CANCELED;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException) {
            return TransportException.Kind.CONNECT;
        }
        if (e instanceof SocketException || e instanceof EOFException || e.getCause() instanceof EOFException
                || e instanceof java.net.ProtocolException
                || e.getClass().getName().equals("okhttp3.internal.http2.StreamResetException")) {
            return TransportException.Kind.RESET;
        }
        return TransportException.Kind.OTHER;
    }

    static TransportException transport(Origin origin, IOException e, boolean canceled) {
        Secrets secrets = origin.secrets();
        // OkHttp's exception may quote the status line, a header or a chunk-size line a hostile server filled with a
        // secret: the cause kept is a scrubbed copy, and the detail is scrubbed before it is cut.
        return new TransportException(kindOf(e, canceled), origin.method(), origin.path(),
                (IOException) ScrubbedThrowables.copy(e, secrets),
                secrets.excerpt(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        300));
    }

    /** OkHttp refusing what the server sent (a malformed header it cannot hold): still the server's fault. */
    static TransportException refused(Origin origin, RuntimeException e) {
        return transport(origin, new java.net.ProtocolException(e.getClass().getSimpleName() + ": " + e.getMessage()),
                false);
    }

    /** Turns a failure while reading a successful body into a typed exception. */
    static LatchkeyException read(BodyView view, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            TooLargeException tooLarge = tooLarge(jpe);
            if (tooLarge != null) {
                return tooLargeAnswer(view, tooLarge);
            }
            // Jackson wraps the I/O failure it met while binding (a connection dropped mid-body): that is the
            // transport's failure, to be retried like one, not a malformed answer.
            IOException io = ioCause(jpe);
            return io != null ? transport(view.origin, io, false) : invalidJson(view, jpe);
        }
        if (e instanceof TooLargeException tooLarge) {
            return tooLargeAnswer(view, tooLarge);
        }
        return transport(view.origin, e, false);
    }

    /** @return a failure while reading as a typed exception: Latchkey's own as they are, anything else as invalid */
    static LatchkeyException unexpected(BodyView view, RuntimeException e) {
        if (e instanceof InvalidInputException) {
            // A provider parser refused a value the server sent (an empty id): the answer is at fault, not the caller.
            return view.invalid("the answer holds an unusable value: " + e.getMessage(), null, null, null);
        }
        if (e instanceof LatchkeyException le) {
            return le;
        }
        // A provider parser tripped on data it did not expect: report the answer, not a bare NPE.
        return view.invalid("could not read the answer (" + e.getClass().getSimpleName() + ')', null, null, e);
    }

    /** Runs a parser over a view; whatever it throws ends as a typed exception. */
    static <T> T parse(BodyView view, ResponseParser<T> parser) {
        try {
            return parser.parse(view);
        } catch (IOException e) {
            throw read(view, e);
        } catch (RuntimeException e) {
            throw unexpected(view, e);
        }
    }

    static InvalidResponseException negativeLength(BodyView view) {
        return view.invalid("the answer's Content-Length is not a length", null, null, null);
    }

    private static IOException ioCause(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)) {
                return io;
            }
        }
        // JsonMappingException.fromUnexpectedIOE keeps only the message of what it wrapped.
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Unexpected IOException") ? new IOException(m) : null;
    }

    private static TooLargeException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException tl) {
                return tl;
            }
        }
        return null;
    }

    private static InvalidResponseException tooLargeAnswer(BodyView view, TooLargeException e) {
        return tooLargeAnswer(view, e.limit);
    }

    /** @return the failure of an answer over the cap, read or only announced by its {@code Content-Length} */
    static InvalidResponseException tooLargeAnswer(BodyView view, long limit) {
        return view.invalid("the answer is larger than " + limit + " bytes (ClientOptions.maxResponseBytes); "
                + "use a streaming call for huge listings", null, null, null);
    }

    /**
     * Jackson's own exception is not kept as the cause: its message quotes the offending value, which may be a secret,
     * and a logged stack trace would print it unscrubbed. The message below carries the scrubbed text and the path.
     */
    private static InvalidResponseException invalidJson(BodyView view, JsonProcessingException e) {
        String original = firstLine(view.origin.secrets().scrub(e.getOriginalMessage()));
        String path = e instanceof JsonMappingException jm ? jsonPath(jm) : null;
        String where = path == null || path.isEmpty() ? "" : " at " + path;
        if (e instanceof JsonEOFException || original.contains("end-of-input") || endsAtBodyEnd(view, e)) {
            return view.invalid("truncated JSON: the body ended in the middle of a value" + where, path, null, null);
        }
        if (e instanceof MismatchedInputException && original.startsWith("Missing required creator property")) {
            int a = original.indexOf('\'');
            int b = a < 0 ? -1 : original.indexOf('\'', a + 1);
            String field = b > a ? original.substring(a + 1, b) : "?";
            String full = path == null || path.isEmpty() ? field
                    : path.equals(field) || path.endsWith('.' + field) ? path : path + '.' + field;
            return view.invalid("missing required field '" + full + "'", full, null, null);
        }
        if (view.origin.sensitive()) {
            // A login's or a token exchange's answer holds a freshly issued secret that no scrubber knows yet, and
            // Jackson's text quotes the input it choked on ("Unrecognized token '<the token>'"): say where, not what.
            return view.invalid((e instanceof JsonMappingException ? "unexpected JSON" + where : "malformed JSON"
                    + at(e)) + " (the answer to a sensitive request: its text is not quoted)", path, null, null);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return view.invalid("invalid value" + where + ": " + firstLine(view.origin.secrets().scrub(
                    String.valueOf(cause.getMessage()))), path, null, null);
        }
        if (e instanceof JsonMappingException) {
            return view.invalid("unexpected JSON" + where + ": " + Text.excerpt(original, 200), path, null, null);
        }
        return view.invalid("malformed JSON: " + Text.excerpt(original, 200), path, null, null);
    }

    /** @return where a syntax error is, as {@code " at line 1, column 17"}, or nothing */
    private static String at(JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** A parse error at the very end of a body of known length is a cut body, even mid-token ({@code fa|lse}). */
    private static boolean endsAtBodyEnd(BodyView view, JsonProcessingException e) {
        long length = view.declaredLength();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Only a read (syntax) error counts; a mapping error at the end is a wrong value, not a cut body.
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException sre) {
                long offset = sre.getLocation() == null ? -1 : sre.getLocation().getByteOffset();
                // Jackson may point at the start of the unfinished token; allow for its length.
                Matcher m = UNRECOGNIZED_TOKEN.matcher(String.valueOf(sre.getOriginalMessage()));
                int token = m.find() ? m.group(1).length() : 0;
                return length > 0 && offset >= 0 && offset + token >= length - 1;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
