/**
 * A real redis-server started by the test itself, for fleet-mode tests.
 *
 * <pre>{@code
 * try (LocalRedis redis = LocalRedis.start(); RedisFleet fleet = RedisFleet.connect(redis.url())) {
 *     // workers share fleet.sessionStore() and fleet.rateBudget(...)
 * }
 * }</pre>
 */
package dev.latchkey.testkit.redis;
