/** Latchkey for Eternaltwin: OAuth login, the token's user, users by id, search and count. */
module dev.latchkey.eternaltwin {
    requires transitive dev.latchkey.core;
    // Resolves the optional module core's OAuthStates signs with (core only 'requires static' it).
    requires com.nimbusds.jose.jwt;

    exports dev.latchkey.eternaltwin;
    exports dev.latchkey.eternaltwin.model;

    // Jackson reads the models and the internal answer shapes by reflection.
    opens dev.latchkey.eternaltwin.model to com.fasterxml.jackson.databind;
    opens dev.latchkey.eternaltwin.internal to com.fasterxml.jackson.databind;
}
