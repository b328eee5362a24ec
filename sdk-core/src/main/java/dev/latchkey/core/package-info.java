/**
 * What every Latchkey client shares: its options ({@link dev.latchkey.core.ClientOptions}: timeouts, retries, a
 * session store, a rate budget, a user agent), the retry policy, the rate budget a fleet shares, and per-call options.
 * Each provider's builder takes them through {@code options(...)}.
 *
 * <pre>{@code
 * KemonoClient kemono = KemonoClient.builder()
 *         .options(o -> o.retryPolicy(RetryPolicy.builder().maxRetries(3).build())
 *                 .rateBudget(RateBudget.local("kemono:alice", RateLimit.perSecond(5))))
 *         .build();
 * }</pre>
 */
package dev.latchkey.core;
