/** Latchkey for the Karaoke Mugen App's users API. */
module dev.latchkey.karaokemugen {
    requires transitive dev.latchkey.core;

    exports dev.latchkey.karaokemugen;
    exports dev.latchkey.karaokemugen.model;

    // Jackson reads the models and the internal answer shapes by reflection.
    opens dev.latchkey.karaokemugen.model to com.fasterxml.jackson.databind;
    opens dev.latchkey.karaokemugen.internal to com.fasterxml.jackson.databind;
}
