package dev.latchkey.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What a logged failure shows: the whole printed stack trace, causes and suppressed included. */
public final class Traces {
    private Traces() {
    }

    /**
     * @param t a failure
     * @return its stack trace as {@code printStackTrace} prints it, for leak checks
     */
    public static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
