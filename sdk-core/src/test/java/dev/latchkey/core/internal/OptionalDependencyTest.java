package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.oauth.OAuthStates;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

    @Test
    void withoutNimbusOAuthStatesSaysWhatToAdd() throws Exception {
        Throwable t = callWithoutLibraries("dev.latchkey.core.oauth.OAuthStates", "withRandomKey");
        assertThat(t).isInstanceOf(IllegalStateException.class).hasNoCause()
                .hasMessageStartingWith("OAuth states (OAuthStates) needs com.nimbusds:nimbus-jose-jwt")
                .hasMessageContaining("'requires com.nimbusds.jose.jwt;'");
    }

    @Test
    void withoutBucket4jALocalBudgetSaysWhatToAdd() throws Exception {
        Throwable t = callWithoutLibraries("dev.latchkey.core.RateBudget", "local");
        assertThat(t).isInstanceOf(IllegalStateException.class).hasNoCause()
                .hasMessageStartingWith("A local rate budget (RateBudget.local) needs com.bucket4j:bucket4j_jdk17-core")
                .hasMessageContaining("'requires io.github.bucket4j.core;'");
    }

    @Test
    void theBomManagesEachOptionalLibraryAtTheVersionLatchkeyIsBuiltWith() throws Exception {
        String parent = Files.readString(Path.of("../pom.xml"));
        String bom = Files.readString(Path.of("../sdk-bom/pom.xml"));
        assertThat(managedVersion(bom, "bucket4j_jdk17-core")).isEqualTo(property(parent, "bucket4j.version"));
        assertThat(managedVersion(bom, "nimbus-jose-jwt")).isEqualTo(property(parent, "nimbus-jose-jwt.version"));
    }

    /**
     * Calls a static method of core's compiled classes loaded alone (with the JDK, without nimbus or Bucket4j), as on
     * a user's class path that lacks both.
     */
    private static Throwable callWithoutLibraries(String className, String method) throws Exception {
        URL core = OAuthStates.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {core}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(className, true, alone);
            Method m = method.equals("local")
                    ? type.getMethod(method, String.class, Class.forName("dev.latchkey.core.RateLimit", true, alone))
                    : type.getMethod(method);
            Object[] args = method.equals("local")
                    ? new Object[] {"kemono:alice", Class.forName("dev.latchkey.core.RateLimit", true, alone)
                            .getMethod("perSecond", long.class).invoke(null, 5L)}
                    : new Object[0];
            try {
                m.invoke(null, args);
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
            throw new AssertionError(className + "." + method + " worked without its library");
        }
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
