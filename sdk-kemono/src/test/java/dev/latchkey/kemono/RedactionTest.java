package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole Kemono flow at TRACE: the passwords and the session cookie appear nowhere. */
class RedactionTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    @Test
    void aFullFlowLeaksNoSecret() {
        String password = "Sup3r-Secret-Pass";
        String next = "N3xt-Secret-Pass";
        List<String> seen = new ArrayList<>();
        String cookie;
        try (LogCapture logs = new LogCapture();
                KemonoClient kemono = KemonoClient.builder().baseUrl(fake.baseUrl())
                        .sessionStore(SessionStore.inMemory()).cookie("__ddg1_", "ddg-cookie-secret").build()) {
            KemonoAccount me = kemono.register("secretive", password);
            cookie = me.session().cookie("session").orElseThrow();
            me.favoriteCreators();
            me.addFavoriteCreator(Service.FANBOX, "49494721");
            me.favoritePosts();
            kemono.randomPost();
            try {
                me.changePassword("wrong-" + password, next, false);
            } catch (LatchkeyException e) {
                seen.add(e.getMessage());
            }
            me.changePassword(password, next);
            try {
                kemono.login("secretive", password);
            } catch (LatchkeyException e) {
                seen.add(e.getMessage());
            }
            fake.faults().next().htmlChallenge();
            assertThatThrownBy(me::favoriteCreators).satisfies(e -> seen.add(e.getMessage()));
            seen.add(me.toString());
            seen.add(me.session().toString());
            seen.add(kemono.toString());
            me.logout();
            seen.add(logs.text());
            assertThat(logs.text()).contains("POST").contains("/v1/authentication/login")
                    .contains("Cookie: ***");
        }
        for (String text : seen) {
            assertThat(text).doesNotContain(password, next, cookie, "ddg-cookie-secret");
        }
    }
}
