package dev.latchkey.otel;

/** The instrumentation's version, from the jar's manifest (the build's), for the tracer's scope. */
final class Version {
    static final String VALUE = version();

    private Version() {
    }

    private static String version() {
        String v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
