package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.ValidationException;
import dev.latchkey.karaokemugen.KaraokeMugenAccount;
import dev.latchkey.karaokemugen.KaraokeMugenClient;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sdk-karaokemugen's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class KaraokeMugenReadmeTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    @Test
    void readmeExample() {
        String appUrl = fake.baseUrl(); // KaraokeMugenClient.DEFAULT_BASE_URL for the app on this machine
        String password = FakeKaraokeMugen.OPERATOR_PASSWORD;
        String securityCode = fake.securityCode();
        String refused = null;
        // --- README ---
        try (KaraokeMugenClient km = KaraokeMugenClient.builder()
                .baseUrl(appUrl)
                .build()) {
            KaraokeMugenAccount op = km.login("admin", password, securityCode);
            op.createUser(NewUser.of("carol", "carol-password").withNickname("Caro"));
            List<UserSummary> users = op.users();
            try {
                km.createUser(NewUser.of("dave", "short"));
            } catch (ValidationException e) {
                System.out.println(e.getMessage());
                refused = e.getMessage(); // test only
            }
            KaraokeMugenAccount carol = km.login("carol", "carol-password");
            carol.convertToOnline("kara.moe", "carol-password");
            long songs = carol.animeList().stream().count();
            // --- end ---
            assertThat(op.role()).isEqualTo(dev.latchkey.karaokemugen.model.UserType.OPERATOR);
            assertThat(users).extracting(UserSummary::login).contains("carol", "bob");
            assertThat(refused).startsWith("HTTP 411 on POST /api/command: createUser: the password must have");
            assertThat(carol.username()).isEqualTo("carol@kara.moe");
            assertThat(songs).isZero();
        }
    }
}
