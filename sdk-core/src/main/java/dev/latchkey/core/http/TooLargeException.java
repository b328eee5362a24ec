package dev.latchkey.core.http;

import java.io.IOException;

/** Signals a body larger than the client's cap; the pipeline reports it as an invalid answer. */
final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLargeException(long limit) {
        super("answer larger than " + limit + " bytes");
        this.limit = limit;
    }
}
