package dev.latchkey.core.internal;

import java.util.function.Supplier;

/**
 * A library that sdk-core uses for one feature only and marks optional, so that the users of every other feature do
 * not carry it: whoever uses the feature brings the library (sdk-eternaltwin brings nimbus-jose-jwt, sdk-redis
 * Bucket4j). Without it, the feature fails with a message that names what to add, not a {@link NoClassDefFoundError}.
 */
public final class OptionalDependency {
    /** HS256 signing of OAuth states. */
    public static final OptionalDependency NIMBUS_JOSE_JWT = new OptionalDependency("com.nimbusds.jwt.SignedJWT",
            "OAuth states (OAuthStates)", "com.nimbusds:nimbus-jose-jwt", "com.nimbusds.jose.jwt");
    /** The token bucket of a local rate budget. */
    public static final OptionalDependency BUCKET4J = new OptionalDependency("io.github.bucket4j.Bucket",
            "A local rate budget (RateBudget.local)", "com.bucket4j:bucket4j_jdk17-core", "io.github.bucket4j.core");

    private final String probe;
    private final String feature;
    private final String artifact;
    private final String module;

    OptionalDependency(String probe, String feature, String artifact, String module) {
        this.probe = probe;
        this.feature = feature;
        this.artifact = artifact;
        this.module = module;
    }

    /**
     * Builds what needs the library, once the library is known to be there. The builder is only linked then, so the
     * missing library cannot surface as a {@link NoClassDefFoundError} first.
     *
     * @param builder builds the object that uses the library
     * @param <T> what it builds
     * @return what the builder built
     * @throws IllegalStateException if the library is neither on the class path nor in the module graph
     */
    public <T> T require(Supplier<T> builder) {
        if (!present()) {
            throw new IllegalStateException(feature + " needs " + artifact + ", an optional dependency of sdk-core: "
                    + "add it to your build (the Latchkey BOM manages its version) and, on the module path, "
                    + "'requires " + module + ";' to your module-info.java");
        }
        return builder.get();
    }

    /** @return whether the library's classes can be loaded by sdk-core (on the module path: read by it) */
    boolean present() {
        try {
            Class.forName(probe, false, OptionalDependency.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
