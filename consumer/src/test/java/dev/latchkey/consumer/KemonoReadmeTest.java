package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** sdk-kemono's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class KemonoReadmeTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.create();

    @Test
    void readmeExample(@TempDir Path home) {
        String baseUrl = fake.baseUrl(); // KemonoClient.DEFAULT_BASE_URL for the real site
        String password = FakeKemono.DEMO_PASSWORD;
        // --- README ---
        try (KemonoClient kemono = KemonoClient.builder()
                .baseUrl(baseUrl)
                .sessionStore(SessionStore.file(home.resolve(".config/latchkey/sessions.json")))
                .build()) {
            KemonoAccount me = kemono.resumeOrLogin("alice", password);
            List<FavoriteCreator> creators = me.favoriteCreators();
            me.addFavoriteCreator(Service.FANBOX, "49494721");
            Optional<Creator> soso = kemono.creator(Service.FANBOX, "49494721");     // empty on 404
            Optional<Post> post = kemono.randomPost().flatMap(kemono::post);
            try {
                kemono.login("alice", "wrong password");
            } catch (InvalidCredentialsException e) {
                System.out.println(e.getMessage());  // HTTP 400 on POST /v1/authentication/login: Username or ...
            }
            // --- end ---
            assertThat(creators).hasSize(2);
            assertThat(soso).isPresent();
            assertThat(post).isPresent();
            assertThat(me.favoriteCreators()).hasSize(3);
        }
    }
}
