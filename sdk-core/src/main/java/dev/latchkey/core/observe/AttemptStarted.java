package dev.latchkey.core.observe;

import java.time.Instant;

/**
 * A wire attempt of a call is about to be sent (after any wait for the rate budget).
 *
 * @param call the call
 * @param attempt 1 for the first, 2 for the first retry, ...
 * @param at when, by the client's clock
 */
public record AttemptStarted(ObservedCall call, int attempt, Instant at) {
}
