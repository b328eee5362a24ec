/**
 * Latchkey fleet mode: many workers on many machines share one login, one rate budget and one back-off through Redis.
 */
module dev.latchkey.redis {
    requires transitive dev.latchkey.core;
    requires lettuce.core;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.lettuce;
    requires io.github.bucket4j.redis.common;

    exports dev.latchkey.redis;
}
