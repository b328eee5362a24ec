package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole Karaoke Mugen flow at TRACE: passwords, the security code, and the local and online tokens (which travel
 * inside the JSON bodies) appear nowhere, in the log, in messages or in {@code toString()}.
 */
class RedactionTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    @Test
    void aFullFlowLeaksNoSecret() {
        String password = "Sup3r-Secret-KM";
        String next = "N3xt-Secret-KM";
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(password, next));
        try (LogCapture logs = new LogCapture();
                KaraokeMugenClient km = KaraokeMugenClient.builder().baseUrl(fake.baseUrl())
                        .sessionStore(SessionStore.inMemory()).build()) {
            String code = fake.securityCode();
            secrets.add(code);
            KaraokeMugenAccount op = km.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD, code);
            secrets.add(op.session().token("token").orElseThrow());
            op.createUser(NewUser.of("secretive", password));
            KaraokeMugenAccount me = km.login("secretive", password);
            secrets.add(me.session().token("token").orElseThrow());
            me.myAccount();
            me.users();
            me.editMyAccount(ProfileEdit.empty().password(next).avatar(new ProfileEdit.Avatar("a.png",
                    new byte[] {1}, "image/png")));
            me.convertToOnline(FakeKaraokeMugen.INSTANCE, next);
            secrets.add(me.session().token("token").orElseThrow());
            secrets.add(me.session().token("onlineToken").orElseThrow());
            me.refreshAnimeList();
            me.animeList().stream().count();
            assertThatThrownBy(() -> km.login("secretive@kara.moe", password)).satisfies(e -> seen.add(text(e)));
            assertThatThrownBy(() -> km.resetUserPassword("secretive", next, "000000")).satisfies(e -> seen.add(text(e)));
            assertThatThrownBy(() -> me.convertToLocal(password)).satisfies(e -> seen.add(text(e)));
            me.convertToLocal(next);
            secrets.add(me.session().token("token").orElseThrow());
            seen.addAll(List.of(me.toString(), me.session().toString(), op.toString(), km.toString(),
                    NewUser.of("x", password).withSecurityCode(code).toString(),
                    ProfileEdit.empty().password(next).toString()));
            seen.add(logs.text());
            assertThat(logs.text()).contains("POST").contains("/api/command").contains("getMyAccount")
                    .contains("authorization: ***");
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
