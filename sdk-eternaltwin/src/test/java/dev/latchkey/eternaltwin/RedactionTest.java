package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole Eternaltwin flow at TRACE: the client secret, the Basic header, codes, states, the PKCE verifier and the
 * access token appear nowhere, in the log, in messages or in {@code toString()}.
 */
class RedactionTest {
    static final String SECRET = "Client-Secret-9d41e7";

    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().asGitlabMaster2026().build();

    @Test
    void aFullFlowLeaksNoSecret() {
        fake.registerClient("redaction_test@clients", "Redaction", FakeEternaltwin.DEMO_CALLBACK, SECRET);
        String basic = Base64.getEncoder().encodeToString(("redaction_test@clients:" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(SECRET, basic));
        try (LogCapture logs = new LogCapture();
                EternaltwinClient etwin = EternaltwinClient.builder().baseUrl(fake.baseUrl())
                        .sessionStore(SessionStore.inMemory()).clientId("redaction_test@clients").clientSecret(SECRET)
                        .redirectUri(FakeEternaltwin.DEMO_CALLBACK).build()) {
            Authorization start = etwin.startAuthorization();
            AuthorizationCallback back = EternaltwinClientTest.callback(fake.authorize(start.url().toString(),
                    FakeEternaltwin.DEMO_USER));
            String code = back.code().orElseThrow();
            secrets.addAll(List.of(start.state(), code));
            EternaltwinAccount alice = etwin.fromCallback(back, start.state());
            String token = alice.session().token("access_token").orElseThrow();
            secrets.add(token);
            alice.self();
            etwin.user(alice.id());
            etwin.search("user").autoPager().stream().toList();
            etwin.count();
            // The failures: a replayed state, a revoked token, a refused secret; and a reused code, which Eternaltwin
            // redeems again (its check is stateless) into a second token.
            assertThatThrownBy(() -> etwin.fromCallback(back, start.state())).satisfies(e -> seen.add(text(e)));
            Authorization second = etwin.startAuthorization();
            secrets.add(second.state());
            EternaltwinAccount again = etwin.fromAuthorizationCode(code, second.state(), second.state());
            secrets.add(again.session().token("access_token").orElseThrow());
            seen.add(again.toString());
            fake.revokeToken(token);
            assertThatThrownBy(alice::self).satisfies(e -> seen.add(text(e)));
            try (EternaltwinClient wrong = EternaltwinClient.builder().baseUrl(fake.baseUrl())
                    .clientId("redaction_test@clients").clientSecret(SECRET + "-wrong")
                    .redirectUri(FakeEternaltwin.DEMO_CALLBACK).build()) {
                Authorization third = wrong.startAuthorization();
                AuthorizationCallback thirdBack = EternaltwinClientTest.callback(fake.authorize(
                        third.url().toString(), FakeEternaltwin.DEMO_USER));
                secrets.addAll(List.of(third.state(), thirdBack.code().orElseThrow()));
                assertThatThrownBy(() -> wrong.fromCallback(thirdBack, third.state())).satisfies(e -> seen.add(text(e)));
                seen.add(wrong.toString());
            }
            seen.addAll(List.of(alice.toString(), alice.session().toString(), etwin.toString(), start.toString(),
                    back.toString()));
            seen.add(logs.text());
            assertThat(logs.text()).contains("POST").contains("/oauth/token").contains("Authorization: ***")
                    .contains("/api/v1/auth/self");
        }
        for (String text : seen) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private static String text(Throwable e) {
        assertThat(e).isInstanceOf(LatchkeyException.class);
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
