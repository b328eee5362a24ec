package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.eternaltwin.EternaltwinClient;
import dev.latchkey.karaokemugen.KaraokeMugenAccount;
import dev.latchkey.karaokemugen.KaraokeMugenClient;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A testkit-backed flow per provider, sync and async, with an injected fault ending in its typed exception: what a
 * JPMS user's test does. Each reads model records (Jackson through the modules' {@code opens}) and builds exceptions
 * from exported packages only.
 */
class ModulePathFlowsTest {
    @RegisterExtension
    static FakeKemono kemono = FakeKemono.create();
    @RegisterExtension
    static FakeTmdb tmdb = FakeTmdb.create();
    @RegisterExtension
    static FakeEternaltwin eternaltwin = FakeEternaltwin.builder().asGitlabMaster2026().build();
    @RegisterExtension
    static FakeKaraokeMugen karaoke = FakeKaraokeMugen.create();

    @Test
    void theseTestsRunOnTheModulePath() {
        // Surefire puts this module and what it requires on the module path; were it the class path, every check
        // below would prove nothing about the module descriptors.
        assertThat(FavoriteNames.class.getModule().getName()).isEqualTo("dev.latchkey.consumer");
        assertThat(KemonoClient.class.getModule().getName()).isEqualTo("dev.latchkey.kemono");
        assertThat(TmdbClient.class.getModule().getName()).isEqualTo("dev.latchkey.tmdb");
        assertThat(EternaltwinClient.class.getModule().getName()).isEqualTo("dev.latchkey.eternaltwin");
        assertThat(KaraokeMugenClient.class.getModule().getName()).isEqualTo("dev.latchkey.karaokemugen");
        assertThat(okhttp3.OkHttpClient.class.getModule().getName()).isEqualTo("okhttp3");
        // The testkit is test-scoped: Maven's default puts it on the class path, beside a named okhttp3.
        assertThat(FakeKemono.class.getModule().isNamed()).isFalse();
    }

    @Test
    void everyModuleShipsTheLicence() throws Exception {
        for (Class<?> inModule : new Class<?>[] {KemonoClient.class, TmdbClient.class, EternaltwinClient.class,
                KaraokeMugenClient.class, dev.latchkey.core.ClientOptions.class}) {
            try (java.io.InputStream licence = inModule.getModule().getResourceAsStream("META-INF/LICENSE")) {
                assertThat(licence).as(inModule.getModule().getName()).isNotNull();
                assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("Apache License", "Version 2.0");
            }
        }
    }

    @Test
    void kemono() {
        try (KemonoClient client = KemonoClient.builder().baseUrl(kemono.baseUrl()).options(o -> o.maxRetries(0))
                .build()) {
            KemonoAccount alice = client.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            assertThat(FavoriteNames.kemono(alice)).isNotEmpty();
            assertThat(alice.async().favoritePosts().join()).isNotNull();

            kemono.faults().next().onPath("/api/v1/account/favorites").serverError(503);
            assertThatThrownBy(alice::favoriteCreators).isInstanceOf(ServerException.class)
                    .hasMessageContaining("HTTP 503 on GET /v1/account/favorites");
            kemono.faults().next().reset();
            assertThatThrownBy(() -> client.async().creator(Service.FANBOX, "49494721").join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(TransportException.class);
        }
    }

    @Test
    void tmdb() {
        try (TmdbClient client = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(tmdb.baseUrl()).build()) {
            TmdbSession session = client.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD);
            assertThat(FavoriteNames.tmdb(client.account(session), 25)).hasSize(25);
            assertThat(client.account(session).async().details().join().username()).isEqualTo(FakeTmdb.DEMO_USER);
            assertThatThrownBy(() -> client.account(session).movieStates(999_999_999))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("HTTP 404");
        }
    }

    @Test
    void eternaltwin() {
        try (EternaltwinClient client = EternaltwinClient.builder().baseUrl(eternaltwin.baseUrl())
                .clientId(FakeEternaltwin.DEMO_CLIENT).clientSecret(FakeEternaltwin.DEMO_CLIENT_SECRET)
                .redirectUri(FakeEternaltwin.DEMO_CALLBACK).build()) {
            assertThat(client.async().count().join()).isPositive();
            assertThat(client.search("user").autoPager().stream().count()).isPositive();
        }
    }

    @Test
    void karaokeMugen() {
        try (KaraokeMugenClient client = KaraokeMugenClient.builder().baseUrl(karaoke.baseUrl()).build()) {
            KaraokeMugenAccount alice = client.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
            assertThat(alice.async().myAccount().join().login()).isEqualTo(FakeKaraokeMugen.DEMO_USER);
            assertThat(alice.animeList().stream().count()).isEqualTo(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
        }
    }
}
