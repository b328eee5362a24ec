package dev.latchkey.core.error;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns an HTTP error answer into a typed exception. Each provider supplies one, for its own error envelope and codes;
 * a single endpoint may add its own in front (a login's 400 means bad credentials, a register's 400 means invalid
 * input). Whatever no mapper claims falls through to {@link #DEFAULT}: {@link #chain} is that order, and the pipeline
 * runs every error answer through it.
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
     * The one order every error answer is mapped in: each mapper in turn (an endpoint's, then the provider's), the
     * first non-null answer wins, and {@link #DEFAULT} decides what none claims.
     *
     * @param mappers the mappers to ask, in order; {@code null} entries (an endpoint without its own) are skipped
     * @return a mapper that never returns {@code null}
     */
    static ErrorMapper chain(ErrorMapper... mappers) {
        List<ErrorMapper> asked = Arrays.stream(mappers).filter(Objects::nonNull).toList();
        return response -> {
            for (ErrorMapper m : asked) {
                LatchkeyException e = m.map(response);
                if (e != null) {
                    return e;
                }
            }
            return DEFAULT.map(response);
        };
    }
}
