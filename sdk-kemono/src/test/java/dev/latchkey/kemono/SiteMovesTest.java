package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.FakeServer.AliasMode;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 31: Kemono moved from .party to .su to .cr, and every move broke its users' tools (mikf/gallery-dl#7902,
 * #8350, #8636). Here the fake serves one site on two addresses: the old ({@code .su}, its alias) and the new
 * ({@code .cr}); a client on the old follows a move mid-session with no code of its own.
 */
class SiteMovesTest {
    @RegisterExtension
    final FakeKemono kemono = FakeKemono.create();

    private KemonoClient onOldSite(SessionStore store) {
        String old = kemono.startAlias().resolve("/api").toString();
        // Observed: an observer's tagged request once pinned every attempt to the first site.
        return KemonoClient.builder().baseUrl(old).sessionStore(store).observer(new dev.latchkey.core.observe
                .CallObserver() { }).options(b -> b.mirrors(kemono.baseUrl())).build();
    }

    @Test
    void theOldSiteGoingDownMidSessionMovesEveryCallToTheNewSyncAndAsync() throws Exception {
        SessionStore store = SessionStore.inMemory();
        try (KemonoClient k = onOldSite(store)) {
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            HttpUrl old = k.currentBaseUrl();
            assertThat(old).isEqualTo(k.baseUrl());
            kemono.aliasMode(AliasMode.DOWN);
            assertThat(alice.favoriteCreators()).hasSize(2); // the same session, on the new domain
            assertThat(k.currentBaseUrl().toString()).isEqualTo(kemono.baseUrl());
            assertThat(alice.async().favoriteCreators().get(5, TimeUnit.SECONDS)).hasSize(2);
            assertThat(alice.storeKey()).as("sessions stay under the configured site").contains(old.toString());
        }
        // The next process starts on the site that worked: nothing is sent to the old one again.
        try (KemonoClient next = KemonoClient.builder().baseUrl(kemono.startAlias().resolve("/api").toString())
                .sessionStore(store).options(b -> b.mirrors(kemono.baseUrl())).build()) {
            assertThat(next.currentBaseUrl().toString()).isEqualTo(kemono.baseUrl());
            assertThat(next.resume(FakeKemono.DEMO_USER).orElseThrow().favoriteCreators()).hasSize(2);
        }
    }

    @Test
    void aRedirectToTheNewSiteIsFollowedAndA4xxNeverMoves() {
        try (KemonoClient k = onOldSite(SessionStore.inMemory())) {
            HttpUrl old = k.currentBaseUrl();
            assertThat(k.creator(Service.FANBOX, "no-such-creator")).isEmpty(); // a 404: the site answered
            assertThat(k.currentBaseUrl()).isEqualTo(old);
            kemono.aliasMode(AliasMode.REDIRECT);
            KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            assertThat(alice.username()).isEqualTo("alice");
            assertThat(k.currentBaseUrl().toString()).isEqualTo(kemono.baseUrl());
        }
    }

    @Test
    void a5xxMovesAReplayableCallButNeverALoginThatMayHaveBeenActedOn() {
        try (KemonoClient k = onOldSite(SessionStore.inMemory())) {
            HttpUrl old = k.currentBaseUrl();
            kemono.faults().next(1).serverError(503);
            assertThatThrownBy(() -> k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD))
                    .isInstanceOf(dev.latchkey.core.error.ServerException.class);
            assertThat(k.currentBaseUrl()).as("a login is sent once, wherever it failed").isEqualTo(old);
            kemono.faults().next(1).serverError(503);
            assertThat(k.randomPost()).isPresent(); // a GET: the 503 moved it to the other site
            assertThat(k.currentBaseUrl().toString()).isEqualTo(kemono.baseUrl());
        }
    }

    @Test
    void kemonosAndCoomersOtherDomainsAreMirrorsByDefault() {
        assertThat(dev.latchkey.kemono.internal.KemonoSites.mirrorsOf(HttpUrl.get("https://kemono.su/api")))
                .containsExactly("https://kemono.cr/api", "https://kemono.party/api");
        assertThat(dev.latchkey.kemono.internal.KemonoSites.mirrorsOf(HttpUrl.get("https://coomer.st/api")))
                .containsExactly("https://coomer.su/api", "https://coomer.party/api");
        assertThat(dev.latchkey.kemono.internal.KemonoSites.mirrorsOf(HttpUrl.get("https://example.org/api")))
                .isEmpty();
        try (KemonoClient k = KemonoClient.builder().build()) {
            assertThat(k.currentBaseUrl().toString()).isEqualTo(KemonoClient.DEFAULT_BASE_URL);
        }
    }
}
