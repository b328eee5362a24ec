/** Latchkey for Kemono and Coomer accounts. */
module dev.latchkey.kemono {
    requires transitive dev.latchkey.core;

    exports dev.latchkey.kemono;
    exports dev.latchkey.kemono.model;

    // Jackson reads the models and the internal answer shapes by reflection.
    opens dev.latchkey.kemono.model to com.fasterxml.jackson.databind;
    opens dev.latchkey.kemono.internal to com.fasterxml.jackson.databind;
}
