package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.eternaltwin.EternaltwinAccount;
import dev.latchkey.eternaltwin.EternaltwinClient;
import dev.latchkey.eternaltwin.model.User;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sdk-eternaltwin's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class EternaltwinReadmeTest {
    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().demoCallback("https://myapp.example/oauth/callback")
            .asGitlabMaster2026().build();

    /** The user's browser: the fake's approval by Alice. */
    final Browser browser = url -> fake.authorize(url.toString(), FakeEternaltwin.DEMO_USER);

    interface Browser {
        String open(URI url);
    }

    static String code(String callback) {
        return HttpUrl.get(callback).queryParameter("code");
    }

    static String state(String callback) {
        return HttpUrl.get(callback).queryParameter("state");
    }

    @Test
    void readmeExample() {
        String clientSecret = FakeEternaltwin.DEMO_CLIENT_SECRET;
        byte[] stateKey = "the-same-32-byte-key-on-every-worker".getBytes(StandardCharsets.UTF_8);
        fake.registerClient("myapp@clients", "My app", "https://myapp.example/oauth/callback", clientSecret);
        String origin = fake.baseUrl(); // EternaltwinClient.DEFAULT_BASE_URL for the real site
        // --- README ---
        try (EternaltwinClient etwin = EternaltwinClient.builder()
                .baseUrl(origin)
                .clientId("myapp@clients").clientSecret(clientSecret)
                .redirectUri("https://myapp.example/oauth/callback")
                .stateKey(stateKey)
                .build()) {
            Authorization start = etwin.startAuthorization();
            String callback = browser.open(start.url());
            EternaltwinAccount me = etwin.fromAuthorizationCode(code(callback), state(callback), start.state());
            System.out.println(me.displayName());
            Optional<User> nobody = etwin.user("00000000-0000-4000-8000-000000000000");
            List<User> users = etwin.search("user").autoPager().stream().toList();
            long count = etwin.count("user");
            String refused = null; // test only
            try {
                etwin.fromAuthorizationCode(code(callback), state(callback), start.state());
            } catch (InvalidStateException e) {
                System.out.println(e.getMessage());
                refused = e.getMessage(); // test only
            }
            // --- end ---
            assertThat(me.displayName()).isEqualTo("Alice");
            assertThat(nobody).isEmpty();
            assertThat(users).extracting(User::displayName).containsExactly("user1", "user2");
            assertThat(count).isEqualTo(2);
            assertThat(refused).startsWith("OAuth state was already used");
        }
    }
}
