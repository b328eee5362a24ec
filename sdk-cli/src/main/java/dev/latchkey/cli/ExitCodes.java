package dev.latchkey.cli;

import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.error.UnauthorizedException;

/** The documented exit codes, one per kind of failure, so scripts can branch on them. */
public final class ExitCodes {
    /** Everything went as asked. */
    public static final int OK = 0;
    /** An unexpected failure (a bug, or a local I/O problem). */
    public static final int FAILURE = 1;
    /** The command line was wrong (unknown option, missing argument, bad value). */
    public static final int USAGE = 2;
    /**
     * The provider refused the user name or password (or the API key), or an OAuth login failed: a refused state, an
     * expired or used code, or the user said no.
     */
    public static final int INVALID_CREDENTIALS = 3;
    /** No session, or the session expired: log in again. */
    public static final int UNAUTHORIZED = 4;
    /** The thing asked for does not exist. */
    public static final int NOT_FOUND = 5;
    /** The provider's rate limit; try again later. */
    public static final int RATE_LIMITED = 6;
    /** No answer: connection refused, reset, or timed out. */
    public static final int TRANSPORT = 7;
    /** The answer was not what the API promises (HTML page, broken JSON). */
    public static final int INVALID_RESPONSE = 8;
    /** Any other refusal by the provider (forbidden, conflict, validation, server error). */
    public static final int API_ERROR = 9;

    private ExitCodes() {
    }

    /** @return the exit code for a failure */
    public static int of(Throwable t) {
        if (t instanceof InvalidCredentialsException || t instanceof dev.latchkey.tmdb.InvalidApiKeyException
                || t instanceof dev.latchkey.core.error.InvalidStateException
                || t instanceof dev.latchkey.core.error.InvalidCodeException
                || t instanceof dev.latchkey.core.error.AuthorizationDeniedException) {
            return INVALID_CREDENTIALS;
        }
        if (t instanceof UnauthorizedException || t instanceof NotLoggedInException) {
            return UNAUTHORIZED;
        }
        if (t instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (t instanceof RateLimitedException) {
            return RATE_LIMITED;
        }
        if (t instanceof TransportException || unreachable(t)) {
            return TRANSPORT;
        }
        if (t instanceof InvalidResponseException) {
            return INVALID_RESPONSE;
        }
        // An IllegalArgumentException here comes from an option's value (a base URL that is not https, say).
        if (t instanceof InvalidInputException || t instanceof UsageException || t instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (t instanceof ApiException) {
            return API_ERROR;
        }
        return FAILURE;
    }

    /**
     * @return whether a store or a budget failed because its server did not answer (an unreachable Redis): a transport
     *     failure to a script, as a provider's would be
     */
    static boolean unreachable(Throwable t) {
        if (!(t instanceof dev.latchkey.core.error.SessionStoreException
                || t instanceof dev.latchkey.core.error.RateBudgetException)) {
            return false;
        }
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
                    || c instanceof java.net.SocketTimeoutException || name.equals("RedisConnectionException")
                    || name.equals("RedisCommandTimeoutException")) {
                return true;
            }
        }
        String m = String.valueOf(t.getMessage());
        return m.contains("cannot connect") || m.contains("Connection refused");
    }

    /**
     * @return the next step for a failure whose message speaks to a Java caller, in the CLI's terms; {@code null} if
     *     the message says it already
     */
    static String hint(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (t instanceof dev.latchkey.core.error.SessionStoreException && m.contains("encrypted")) {
            return "set LATCHKEY_SESSION_KEY to the store's key (32 bytes, Base64), the one it was written with";
        }
        if (unreachable(t)) {
            return "is the session store's server running? (--session-store or LATCHKEY_SESSION_STORE names it)";
        }
        return null;
    }

    /** A command-line mistake found after parsing (a missing secret, no stored session). */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Not logged in: no stored session for the provider. */
    public static final class NotLoggedInException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotLoggedInException(String message) {
            super(message);
        }
    }
}
