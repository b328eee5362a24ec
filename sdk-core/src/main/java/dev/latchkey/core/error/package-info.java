/**
 * Every failure is a {@link dev.latchkey.core.error.LatchkeyException}, unchecked, typed by what a caller can do
 * about it, with a message that names the method, path, status, provider code and request id, and never a secret.
 *
 * <pre>{@code
 * try {
 *     kemono.login("alice", password);
 * } catch (InvalidCredentialsException e) {
 *     // ask again
 * } catch (RateLimitedException e) {
 *     Duration wait = e.retryAfter().orElse(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
package dev.latchkey.core.error;
