package dev.latchkey.core.error;

/**
 * Turns an HTTP error answer into a typed exception. Each provider supplies one, for its own error envelope and codes;
 * a single endpoint may add its own in front (a login's 400 means bad credentials, a register's 400 means invalid
 * input). Whatever a mapper does not claim falls through to {@link #DEFAULT}.
 */
@FunctionalInterface
public interface ErrorMapper {

    /** The generic envelope ({@link ErrorResponse#error()}) mapped by status ({@link ErrorResponse#byStatus}). */
    ErrorMapper DEFAULT = response -> ErrorResponse.byStatus(response.error());

    /**
     * @param response the error answer, body already read
     * @return the exception to throw, or {@code null} to let the next mapper decide
     */
    LatchkeyException map(ErrorResponse response);

    /**
     * @param next the mapper to ask when this one returns {@code null}
     * @return a mapper that asks this one first
     */
    default ErrorMapper orElse(ErrorMapper next) {
        return response -> {
            LatchkeyException e = map(response);
            return e != null ? e : next.map(response);
        };
    }
}
