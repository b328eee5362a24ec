package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.oauth.OAuthStates;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nimbus-jose-jwt and Bucket4j are optional in core: present, they serve; absent, the message says what to add. */
class OptionalDependencyTest {

    @Test
    void aMissingLibraryIsNamedWithWhatToAddAndNothingIsBuilt() {
        OptionalDependency missing = new OptionalDependency("no.such.Probe", "Feature X", "org.example:x-lib",
                "org.example.x");
        assertThatThrownBy(() -> missing.require(() -> {
            throw new AssertionError("built without its library");
        })).isInstanceOf(IllegalStateException.class)
                .hasMessage("Feature X needs org.example:x-lib, an optional dependency of sdk-core: add it to your "
                        + "build (the Latchkey BOM manages its version) and, on the module path, "
                        + "'requires org.example.x;' to your module-info.java");
    }

    @Test
    void aPresentLibraryBuildsTheFeature() {
        assertThat(OptionalDependency.NIMBUS_JOSE_JWT.require(() -> "states")).isEqualTo("states");
        assertThat(OptionalDependency.BUCKET4J.require(() -> "bucket")).isEqualTo("bucket");
        assertThat(OAuthStates.withRandomKey().issue()).isNotBlank();
        assertThat(RateBudget.local("test", RateLimit.perSecond(1)).name()).isEqualTo("test");
    }

    /** Core's classes loaded alone (the JDK, no nimbus, no Bucket4j), as on a user's class path that lacks both. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "OAuthStates.withRandomKey(), OAuth states (OAuthStates) needs com.nimbusds:nimbus-jose-jwt, "
                + "com.nimbusds.jose.jwt",
        "RateBudget.local(...), A local rate budget (RateBudget.local) needs com.bucket4j:bucket4j_jdk17-core, "
                + "io.github.bucket4j.core"})
    void withoutItsLibraryAFeatureSaysWhatToAdd(String call, String message, String module) throws Exception {
        URL core = OAuthStates.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {core}, ClassLoader.getPlatformClassLoader())) {
            Callable<Object> invoke = call.startsWith("OAuthStates")
                    ? () -> type(alone, "oauth.OAuthStates").getMethod("withRandomKey").invoke(null)
                    : () -> {
                        Class<?> rateLimit = type(alone, "RateLimit");
                        Object limit = rateLimit.getMethod("perSecond", long.class).invoke(null, 5L);
                        return type(alone, "RateBudget").getMethod("local", String.class, rateLimit)
                                .invoke(null, "kemono:alice", limit);
                    };
            assertThatThrownBy(invoke::call).isInstanceOf(InvocationTargetException.class).cause()
                    .isInstanceOf(IllegalStateException.class).hasNoCause().hasMessageStartingWith(message)
                    .hasMessageContaining("'requires " + module + ";'");
        }
    }

    private static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
        return Class.forName("dev.latchkey.core." + name, true, loader);
    }

    @Test
    void theBomManagesEachOptionalLibraryAtTheVersionLatchkeyIsBuiltWith() throws Exception {
        String parent = Files.readString(Path.of("../pom.xml"));
        String bom = Files.readString(Path.of("../sdk-bom/pom.xml"));
        assertThat(managedVersion(bom, "bucket4j_jdk17-core")).isEqualTo(property(parent, "bucket4j.version"));
        assertThat(managedVersion(bom, "nimbus-jose-jwt")).isEqualTo(property(parent, "nimbus-jose-jwt.version"));
    }

    private static String managedVersion(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)<")
                .matcher(pom);
        assertThat(m.find()).as("%s in the BOM", artifactId).isTrue();
        return m.group(1);
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<").matcher(pom);
        assertThat(m.find()).as("%s in the parent", name).isTrue();
        return m.group(1);
    }
}
