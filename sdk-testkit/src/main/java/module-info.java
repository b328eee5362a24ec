/**
 * Latchkey testkit: stateful fake provider servers with fault injection, and an account store with aioaccount's
 * rules. Depends on no Latchkey client module.
 */
module dev.latchkey.testkit {
    requires transitive okhttp3;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires okio;
    requires static embedded.redis;

    exports dev.latchkey.testkit;
    exports dev.latchkey.testkit.accounts;
    exports dev.latchkey.testkit.eternaltwin;
    exports dev.latchkey.testkit.exchange;
    exports dev.latchkey.testkit.hostile;
    exports dev.latchkey.testkit.karaokemugen;
    exports dev.latchkey.testkit.kemono;
    exports dev.latchkey.testkit.redis;
    exports dev.latchkey.testkit.tmdb;
}
