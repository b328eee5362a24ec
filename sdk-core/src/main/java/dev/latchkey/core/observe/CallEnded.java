package dev.latchkey.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * A logical call ended, after all its attempts, retries and waits.
 *
 * @param call the call
 * @param outcome success, error or cancelled
 * @param status the last answer's HTTP status, 0 when none came
 * @param errorType the simple name of the typed exception the call ended in, if it failed
 * @param attempts how many attempts were sent
 * @param duration from the call's start to its end, waits included
 * @param requestId the last answer's request id, if any
 */
public record CallEnded(ObservedCall call, Outcome outcome, int status, Optional<String> errorType, int attempts,
        Duration duration, Optional<String> requestId) {
}
