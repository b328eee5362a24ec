package dev.latchkey.tmdb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.tmdb.InvalidApiKeyException;
import java.util.List;
import java.util.Optional;

/**
 * TMDb's envelope {@code {"success": false, "status_code": N, "status_message": "..."}} mapped by code, not only by
 * HTTP status: the code says more (401 alone could be a bad key, a bad password or an expired session). The second
 * envelope, {@code {"errors": [...]}}, and bodies without a code fall through to core's mapping by status.
 */
public final class TmdbErrors {
    private TmdbErrors() {
    }

    /** The provider-wide mapper. */
    public static final ErrorMapper PROVIDER = r -> code(r).map(code -> forCode(code, r.error(String.valueOf(code),
            r.json().map(n -> n.path("status_message").asText(null)).orElse(null)))).orElse(null);

    /** Calls with a guest session: TMDb deletes a guest session not used within 24 hours of its creation. */
    public static final ErrorMapper GUEST = r -> {
        if (r.status() == 401 && code(r).map(c -> c == 3).orElse(false)) {
            return new UnauthorizedException(r.error("3", "TMDb refused the guest session: it is invalid, or it was "
                    + "deleted because it was not used within 24 hours of its creation; create a new one"));
        }
        return null;
    };

    /**
     * @param code a TMDb status code
     * @param error the facts of the failure
     * @return the exception for it
     */
    public static LatchkeyException forCode(int code, ApiError error) {
        return switch (code) {
            case 7, 10 -> new InvalidApiKeyException(error);
            case 3, 14, 17, 35, 41 -> new UnauthorizedException(error);
            case 16, 36, 38, 39, 45 -> new ForbiddenException(error);
            case 30, 31, 32 -> new InvalidCredentialsException(error);
            case 33 -> new InvalidCodeException(error);
            case 6, 21, 34, 37 -> new NotFoundException(error);
            case 8 -> new ConflictException(error);
            case 25 -> new RateLimitedException(error);
            case 18 -> new ValidationException(error, List.of(RATING_RULE.equals(ruleOf(error)) ? RATING_RULE
                    : "validation"));
            case 5, 19, 20, 22, 23, 26, 27, 28, 29, 40, 47 -> new ValidationException(error);
            case 9, 11, 15, 24, 43, 44, 46 -> new ServerException(error);
            default -> new UnexpectedStatusException(error); // 2, 4, 42, and codes TMDb may add
        };
    }

    /** The rule a code-18 rating refusal names. */
    public static final String RATING_RULE = "rating_value";

    private static String ruleOf(ApiError error) {
        String m = error.serverMessage();
        return m != null && m.startsWith("Value ") ? RATING_RULE : null;
    }

    static Optional<Integer> code(ErrorResponse r) {
        return r.json().map(n -> n.get("status_code")).filter(JsonNode::canConvertToInt).map(JsonNode::asInt);
    }
}
