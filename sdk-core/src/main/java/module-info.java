/**
 * Latchkey core: transport, auth and session, errors, retry, paging, JSON and redacted logging, shared by every
 * provider module.
 */
module dev.latchkey.core {
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires okhttp3.logging;
    requires okio;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.core;
    requires org.slf4j;
    // Optional: only OAuthStates signs with nimbus (sdk-eternaltwin brings it), only RateBudget.local and the Redis
    // budget take Bucket4j's bucket (sdk-redis brings it); see internal.OptionalDependency.
    requires static com.nimbusds.jose.jwt;
    requires static io.github.bucket4j.core;
    requires jdk.httpserver;

    exports dev.latchkey.core;
    exports dev.latchkey.core.auth;
    exports dev.latchkey.core.error;
    exports dev.latchkey.core.http;
    exports dev.latchkey.core.json;
    exports dev.latchkey.core.oauth;
    exports dev.latchkey.core.observe;
    exports dev.latchkey.core.page;
    // The token-bucket reservation the Redis budget shares with the local one; not an API.
    exports dev.latchkey.core.internal to dev.latchkey.redis;
}
