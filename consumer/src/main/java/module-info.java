/** A user's application module: it needs the provider modules and nothing else of Latchkey's. */
module dev.latchkey.consumer {
    requires dev.latchkey.kemono;
    requires dev.latchkey.tmdb;
    requires dev.latchkey.eternaltwin;
    requires dev.latchkey.karaokemugen;

    exports dev.latchkey.consumer;
}
