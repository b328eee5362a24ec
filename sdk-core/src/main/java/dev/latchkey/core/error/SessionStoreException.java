package dev.latchkey.core.error;

/** A {@link dev.latchkey.core.auth.SessionStore} could not read or write its sessions. */
public class SessionStoreException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed (a path, never a session's content)
     * @param cause the I/O or parse failure
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Reads what a client needs from a session stored earlier (the user it names, a cookie, a token). A session no
     * login of the provider made (hand-edited, corrupted, another provider's) fails one way for every provider: this
     * exception, naming the key and what was wrong, the store left alone. The session's content is never quoted.
     *
     * @param key the store key it was read from
     * @param provider the provider, for the message ({@code "Kemono"})
     * @param read reads the session; any exception it throws means the session is not usable
     * @param <T> what it reads
     * @return what it read
     * @throws SessionStoreException if the read failed
     */
    public static <T> T readBack(String key, String provider, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new SessionStoreException("the stored session under key '" + key + "' is not " + article(provider)
                    + provider + " session a login made (" + e.getClass().getSimpleName() + "); log in again", null);
        }
    }

    private static String article(String word) {
        return word.isEmpty() || "AEIOUaeiou".indexOf(word.charAt(0)) < 0 ? "a " : "an ";
    }
}
