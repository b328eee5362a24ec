/**
 * OpenTelemetry for Latchkey: {@link dev.latchkey.otel.OpenTelemetryObserver}, an observer that turns every call
 * into spans and metrics, already redacted.
 *
 * <pre>{@code
 * OpenTelemetry otel = GlobalOpenTelemetry.get();   // or the SDK you configured
 * KemonoClient kemono = KemonoClient.builder().observer(OpenTelemetryObserver.create(otel)).build();
 * }</pre>
 */
package dev.latchkey.otel;
