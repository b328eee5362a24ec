package dev.latchkey.core.error;

import java.io.IOException;

/**
 * The call did not get an HTTP answer: the connection could not be made, was reset, or timed out. Idempotent calls
 * were retried before this was thrown.
 */
public class TransportException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind {
        /** No connection could be made (refused, unknown host, TLS handshake failure). */
        CONNECT,
        /** The connection broke: reset by the peer, or closed before a whole answer arrived. */
        RESET,
        /** A connect, read, write or call timeout, or the client's total deadline. */
        TIMEOUT,
        /** The call was cancelled by the caller. */
        CANCELED,
        /** Any other I/O failure. */
        OTHER
    }

    /** What went wrong on the wire. */
    private final Kind kind;
    /** The HTTP method of the failed request. */
    private final String method;
    /** The request path with secrets replaced by {@code ***}. */
    private final String path;

    /**
     * @param kind what went wrong
     * @param method the HTTP method
     * @param path the redacted request path
     * @param cause the I/O failure
     */
    public TransportException(Kind kind, String method, String path, IOException cause) {
        this(kind, method, path, cause, cause == null ? null : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /**
     * @param kind what went wrong
     * @param method the HTTP method
     * @param path the redacted request path
     * @param cause the I/O failure
     * @param detail what the cause says, already scrubbed of secrets, or {@code null}
     */
    public TransportException(Kind kind, String method, String path, IOException cause, String detail) {
        super(describe(kind, method, path, detail), cause);
        this.kind = kind;
        this.method = method;
        this.path = path;
    }

    /** @return what went wrong on the wire */
    public Kind kind() {
        return kind;
    }

    /** @return the HTTP method of the failed request */
    public String method() {
        return method;
    }

    /** @return the request path with secrets replaced by {@code ***} */
    public String path() {
        return path;
    }

    private static String describe(Kind kind, String method, String path, String detail) {
        String what = switch (kind) {
            case CONNECT -> "could not connect";
            case RESET -> "connection reset";
            case TIMEOUT -> "timed out";
            case CANCELED -> "canceled";
            case OTHER -> "I/O failure";
        };
        return method + ' ' + path + ": " + what + (detail == null ? "" : " (" + detail + ")");
    }
}
