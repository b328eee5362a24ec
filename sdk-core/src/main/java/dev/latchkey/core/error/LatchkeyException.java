package dev.latchkey.core.error;

/**
 * The root of every exception Latchkey throws. All are unchecked: a caller catches the category it can act on
 * ({@link InvalidCredentialsException}, {@link RateLimitedException}, ...) and lets the rest propagate.
 *
 * <p>Messages never contain passwords, tokens, cookies, session ids or OAuth codes and states.
 */
public class LatchkeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, already free of secrets
     * @param cause the underlying failure, or {@code null}
     */
    public LatchkeyException(String message, Throwable cause) {
        super(capped(message), cause);
    }

    /** @param message what happened, already free of secrets */
    public LatchkeyException(String message) {
        super(capped(message));
    }

    /** The longest message kept: a message repeats ids and paths, and a megabyte id must not make a megabyte log line. */
    static final int MAX_MESSAGE_CHARS = 2000;

    /**
     * Every message passes here: its control characters are shown, not acted on (a server's text may hold terminal
     * escapes or line feeds that would forge a log line), and it is cut to {@link #MAX_MESSAGE_CHARS}.
     */
    static String capped(String message) {
        message = dev.latchkey.core.internal.Text.visible(message);
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "… (" + (message.length() - MAX_MESSAGE_CHARS)
                        + " more characters)";
    }
}
