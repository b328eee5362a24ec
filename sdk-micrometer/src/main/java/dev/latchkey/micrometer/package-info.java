/**
 * Micrometer for Latchkey: {@link dev.latchkey.micrometer.MicrometerObserver}, an observer that turns every call
 * into a {@code latchkey.client.requests} Observation (a timer, with a {@code DefaultMeterObservationHandler}).
 *
 * <pre>{@code
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
 * TmdbClient tmdb = TmdbClient.builder().apiKey(key).observer(MicrometerObserver.create(observations)).build();
 * }</pre>
 */
package dev.latchkey.micrometer;
