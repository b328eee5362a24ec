package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Named connections (eternaltwin-py's {@code using}): in code, from properties, from the environment. */
class ConnectionsTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().asGitlabMaster2026().build();

    Properties properties(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void fromPropertiesWithANamedDefault() {
        Properties p = properties("latchkey.eternaltwin.default", "main",
                "latchkey.eternaltwin.main.url", fake.baseUrl(),
                "latchkey.eternaltwin.main.client-id", FakeEternaltwin.DEMO_CLIENT,
                "latchkey.eternaltwin.main.client-secret", FakeEternaltwin.DEMO_CLIENT_SECRET,
                "latchkey.eternaltwin.main.redirect-uri", FakeEternaltwin.DEMO_CALLBACK,
                "latchkey.eternaltwin.main.state-key", KEY,
                "latchkey.eternaltwin.readonly.url", fake.baseUrl(),
                "unrelated.setting", "ignored");
        try (EternaltwinConnections c = EternaltwinConnections.fromProperties(p,
                b -> b.sessionStore(SessionStore.inMemory()))) {
            assertThat(c.names()).containsExactly("main", "readonly");
            assertThat(c.defaultName()).isEqualTo("main");
            assertThat(c.defaultClient().clientId()).contains(FakeEternaltwin.DEMO_CLIENT);
            assertThat(c.using("readonly").clientId()).isEmpty();
            assertThat(c.using("readonly").count()).isEqualTo(5);
            // The whole login runs on the named connection.
            Authorization start = c.using("main").startAuthorization();
            EternaltwinAccount me = c.using("main").fromCallback(EternaltwinClientTest.callback(
                    fake.authorize(start.url().toString(), "bob")), start.state());
            assertThat(me.displayName()).isEqualTo("Bob");
            assertThatThrownBy(() -> c.using("staging")).isInstanceOf(InvalidInputException.class)
                    .hasMessage("no Eternaltwin connection named 'staging'; known: main, readonly");
            assertThat(c.toString()).doesNotContain(FakeEternaltwin.DEMO_CLIENT_SECRET);
        }
    }

    @Test
    void fromTheEnvironment() {
        Map<String, String> env = Map.of("LATCHKEY_ETERNALTWIN_LOCAL_URL", fake.baseUrl(),
                "LATCHKEY_ETERNALTWIN_LOCAL_CLIENT_ID", FakeEternaltwin.DEMO_CLIENT,
                "LATCHKEY_ETERNALTWIN_LOCAL_CLIENT_SECRET", FakeEternaltwin.DEMO_CLIENT_SECRET,
                "LATCHKEY_ETERNALTWIN_LOCAL_REDIRECT_URI", FakeEternaltwin.DEMO_CALLBACK,
                "PATH", "/usr/bin");
        try (EternaltwinConnections c = EternaltwinConnections.fromEnvironment(env, b -> { })) {
            assertThat(c.names()).containsExactly("local");
            assertThat(c.defaultName()).isEqualTo("local"); // the only one
            assertThat(c.defaultClient().clientId()).contains(FakeEternaltwin.DEMO_CLIENT);
        }
    }

    @Test
    void mistakesAreNamedWithoutTheirValues() {
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(properties(
                "latchkey.eternaltwin.main.url", fake.baseUrl(), "latchkey.eternaltwin.main.client-secrett", "s3cr3t"),
                b -> { })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("latchkey.eternaltwin.main.client-secrett").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> EternaltwinConnections.fromEnvironment(Map.of("LATCHKEY_ETERNALTWIN_MAIN_SECRET",
                "s3cr3t"), b -> { })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("LATCHKEY_ETERNALTWIN_MAIN_SECRET").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(properties(
                "latchkey.eternaltwin.main.client-id", "x@clients"), b -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no url");
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(properties(
                "latchkey.eternaltwin.a.url", fake.baseUrl(), "latchkey.eternaltwin.b.url", fake.baseUrl()), b -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no default: name one of a, b");
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(properties(
                "latchkey.eternaltwin.default", "c", "latchkey.eternaltwin.a.url", fake.baseUrl()), b -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'c' is not configured; known: a");
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(properties(
                "latchkey.eternaltwin.a.url", fake.baseUrl(), "latchkey.eternaltwin.a.state-key", "%%%"), b -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> EternaltwinConnections.fromProperties(new Properties(), b -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no Eternaltwin connection");
    }

    @Test
    void inCodeTheOneCalledDefaultIsTheDefault() {
        try (EternaltwinClient a = EternaltwinClient.builder().baseUrl(fake.baseUrl()).build();
                EternaltwinClient b = EternaltwinClient.builder().baseUrl(fake.baseUrl()).build()) {
            EternaltwinConnections c = EternaltwinConnections.builder().add("default", a).add("beta", b).build();
            assertThat(c.defaultClient()).isSameAs(a);
            assertThat(c.using("beta")).isSameAs(b);
            assertThatThrownBy(() -> EternaltwinConnections.builder().add("a", a).add("a", b))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
            assertThatThrownBy(() -> EternaltwinConnections.builder().add("Bad Name", a))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
