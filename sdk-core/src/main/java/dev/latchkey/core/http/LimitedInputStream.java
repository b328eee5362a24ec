package dev.latchkey.core.http;

import java.io.IOException;
import java.io.InputStream;

/** Reads at most a given number of bytes, and fails on more: a body is never buffered past the cap. */
final class LimitedInputStream extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++read > limit) {
            throw new TooLargeException(limit);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && (read += n) > limit) {
            throw new TooLargeException(limit);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if ((read += skipped) > limit) {
            throw new TooLargeException(limit);
        }
        return skipped;
    }
}
