package dev.latchkey.core.observe;

import java.time.Duration;

/**
 * A failed attempt will be retried after a wait.
 *
 * @param call the call
 * @param failedAttempt the number of the attempt that failed
 * @param reason why: the status and exception ({@code 429 RateLimitedException}), or the transport failure
 *     ({@code TransportException TIMEOUT})
 * @param delay how long before the next attempt ({@code Retry-After}, or the policy's backoff)
 */
public record RetryScheduled(ObservedCall call, int failedAttempt, String reason, Duration delay) {
}
