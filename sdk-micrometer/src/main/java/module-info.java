/**
 * Latchkey for Micrometer: an Observation per call of every Latchkey client, from the core observer.
 */
module dev.latchkey.micrometer {
    requires transitive dev.latchkey.core;
    requires transitive micrometer.observation;
    requires micrometer.commons;

    exports dev.latchkey.micrometer;
}
