package dev.latchkey.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider refused the call because of its rate limit (HTTP 429 or a provider code meaning the same). Idempotent
 * calls were retried, honouring {@code Retry-After}, before this was thrown; a {@code Retry-After} above the client's
 * {@code maxRetryAfter} is thrown at once, so a caller never hangs without knowing why.
 */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered, with its {@code Retry-After} if it sent one */
    public RateLimitedException(ApiError error) {
        super(error);
    }

    /** @return how long the server asked to wait, when it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(error().retryAfter());
    }
}
