/**
 * Latchkey for OpenTelemetry: spans and metrics for every call of every Latchkey client, from the core observer.
 */
module dev.latchkey.otel {
    requires transitive dev.latchkey.core;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;

    exports dev.latchkey.otel;
}
