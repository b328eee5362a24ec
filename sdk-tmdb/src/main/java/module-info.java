/** Latchkey for TMDb: v3 and v4 authentication, sessions, guest sessions, account, favorites and ratings. */
module dev.latchkey.tmdb {
    requires transitive dev.latchkey.core;

    exports dev.latchkey.tmdb;
    exports dev.latchkey.tmdb.model;

    opens dev.latchkey.tmdb.model to com.fasterxml.jackson.databind;
    opens dev.latchkey.tmdb.internal to com.fasterxml.jackson.databind;
}
