/** A user's application module that traces and measures its TMDb calls. */
module dev.latchkey.consumer.observed {
    requires dev.latchkey.tmdb;
    requires dev.latchkey.otel;
    requires dev.latchkey.micrometer;

    exports dev.latchkey.consumer.observed;
}
