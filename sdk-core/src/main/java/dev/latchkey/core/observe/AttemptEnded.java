package dev.latchkey.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * A wire attempt ended: an answer (any status), or no answer at all.
 *
 * @param call the call
 * @param attempt its number, 1 for the first
 * @param status the HTTP status, or 0 when no answer came (refused, reset, timed out, cancelled)
 * @param errorType the simple name of the typed exception this attempt ended in ({@code RateLimitedException}), if
 *     it failed
 * @param duration from the request sent to the answer read (or the failure)
 * @param requestId the provider's request id, if its answer gave one
 * @param requestBytes the request body's length, 0 without one
 * @param responseBytes the answer body's announced length, -1 when not announced or no answer came
 */
public record AttemptEnded(ObservedCall call, int attempt, int status, Optional<String> errorType, Duration duration,
        Optional<String> requestId, long requestBytes, long responseBytes) {
}
