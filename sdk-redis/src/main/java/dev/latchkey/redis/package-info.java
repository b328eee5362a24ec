/**
 * Fleet mode: many workers on many machines share one login, one rate budget and one back-off through Redis.
 *
 * <pre>{@code
 * try (RedisFleet fleet = RedisFleet.connect(System.getenv("LATCHKEY_SESSION_STORE"))) {
 *     KemonoClient kemono = KemonoClient.builder().sessionStore(fleet.sessionStore())
 *             .options(o -> o.rateBudget(fleet.rateBudget("kemono:alice", RateLimit.perSecond(5)))).build();
 * }
 * }</pre>
 */
package dev.latchkey.redis;
