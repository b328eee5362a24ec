package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.testing.contract.TwinParity;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.hostile.HostileServer;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every sync call has its async twin, with the same parameters and result ({@link TwinParity}), and the twins that
 * issue 12 found missing or drifted behave as their originals.
 */
class KemonoTwinsTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().build();
    @RegisterExtension
    static HostileServer recorder = HostileServer.create();

    static final Map<String, String> NO_TWIN_NEEDED = Map.ofEntries(
            Map.entry("KemonoClient.resume", "reads the local session store; no HTTP call to wait for"),
            Map.entry("KemonoAccount.forget", "clears the local session store; no HTTP call"),
            Map.entry("KemonoClient.withOptions", "derives a client; no call"),
            Map.entry("KemonoClient.baseUrl", "accessor"),
            Map.entry("KemonoClient.currentBaseUrl", "accessor (the remembered site is read once per process)"),
            Map.entry("KemonoAccount.id", "accessor"),
            Map.entry("KemonoAccount.username", "accessor"),
            Map.entry("KemonoAccount.createdAt", "accessor"),
            Map.entry("KemonoAccount.role", "accessor"),
            Map.entry("KemonoAccount.info", "accessor"),
            Map.entry("KemonoAccount.session", "accessor"),
            Map.entry("KemonoAccount.storeKey", "accessor"),
            Map.entry("KemonoAccount.streamFavoriteCreators",
                    "a lazy Stream is read on the caller's thread; its async twin is favoriteCreators()"));

    @Test
    void everySyncCallHasItsAsyncTwin() {
        assertThat(TwinParity.problems(Map.of(KemonoClient.class, KemonoClientAsync.class,
                KemonoAccount.class, KemonoAccountAsync.class), NO_TWIN_NEEDED)).isEmpty();
    }

    @Test
    void theEscapeHatchSendsTheBuildersCookiesLikeEveryOtherCall() throws Exception {
        // Issue 12, defect 4: KemonoClient.request skipped them.
        try (KemonoClient c = KemonoClient.builder().baseUrl(recorder.url()).cookie("__ddg1_", "ddgcookie1").build()) {
            c.request("GET", "/v1/creators", null, null, Void.class);
            c.async().request("GET", "/v1/creators", Map.of("q", "x"), null, Void.class).get(10, TimeUnit.SECONDS);
            // A typed call too (the recorder's "{}" is no post, which does not matter here).
            org.assertj.core.api.Assertions.assertThatThrownBy(c::randomPost)
                    .isInstanceOf(dev.latchkey.core.error.InvalidResponseException.class);
        }
        assertThat(recorder.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Cookie")).isEqualTo("__ddg1_=ddgcookie1"));
    }

    @Test
    void theMissingAsyncTwinsBehaveAsTheirOriginals() throws Exception {
        // Issue 12, defect 3: withSessionCookie, post(RandomPost), request and login(Credentials) had no async twin.
        try (KemonoClient c = KemonoClient.builder().baseUrl(fake.baseUrl()).build()) {
            KemonoAccount alice = c.async().login(Credentials.of(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD))
                    .get(10, TimeUnit.SECONDS);
            String cookie = alice.session().cookie("session").orElseThrow();
            KemonoAccount again = c.async().withSessionCookie(cookie).get(10, TimeUnit.SECONDS);
            assertThat(again.id()).isEqualTo(alice.id());
            assertThat(again.username()).isEqualTo(FakeKemono.DEMO_USER);
            var where = c.randomPost().orElseThrow();
            assertThat(c.async().post(where).get(10, TimeUnit.SECONDS)).isEqualTo(c.post(where));
            Object me = again.async().request("GET", "/v1/account", Object.class).get(10, TimeUnit.SECONDS);
            assertThat(me).isEqualTo(again.request("GET", "/v1/account", Object.class));
            assertThat(c.async().creator(Service.FANBOX, "49494721").get(10, TimeUnit.SECONDS)).isPresent();
        }
    }

    @Test
    void logoutNeverReLogsInSyncOrAsync() {
        // Issue 12, defect 1: the async logout re-logged in on a 401 when reloginOnExpiry was on; the sync one did not.
        try (KemonoClient c = KemonoClient.builder().baseUrl(fake.baseUrl()).reloginOnExpiry(true).build()) {
            for (boolean async : new boolean[] {false, true}) {
                KemonoAccount me = c.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
                fake.clearCalls();
                // Kemono answers a logout 200 even without a session; a deployment that says 401 must not re-log in.
                fake.faults().next().onPath("/api/v1/authentication/logout").status(401, "");
                org.assertj.core.api.ThrowableAssert.ThrowingCallable logout = async
                        ? () -> me.async().logout().get(10, TimeUnit.SECONDS) : me::logout;
                org.assertj.core.api.Assertions.assertThatThrownBy(logout).as(async ? "async" : "sync")
                        .satisfies(e -> assertThat(e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e)
                                .isInstanceOf(dev.latchkey.core.error.UnauthorizedException.class));
                assertThat(fake.calls()).as(async ? "async" : "sync").noneMatch(r -> r.path().endsWith("/login"));
            }
        }
    }
}
