package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.auth.Cookie;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 31 in fleet mode: the cookies DDoS-Guard sets on a worker's answers are kept in the session in Redis, so a
 * worker started later (another process, another machine) sends them back from its first call.
 */
class DdosGuardCookiesFleetTest {
    @RegisterExtension
    final FakeKemono kemono = FakeKemono.builder().ddosGuard(true).build();

    @Test
    void aWorkerStartedLaterSendsTheCookiesDdosGuardSetOnAnothersAnswers() {
        Map<String, String> solved = kemono.passDdosGuard();
        List<Cookie> browser = List.of(Cookie.of("__ddg1_", solved.get("__ddg1_"), "127.0.0.1"),
                Cookie.of("__ddg2_", solved.get("__ddg2_"), "127.0.0.1"));
        String prefix = TestRedis.prefix();
        String ddg9;
        try (RedisFleet fleet = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).connect();
                KemonoClient first = KemonoClient.builder().baseUrl(kemono.baseUrl()).cookies(browser)
                        .sessionStore(fleet.sessionStore()).build()) {
            KemonoAccount alice = first.resumeOrLogin(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            ddg9 = alice.session().cookie("__ddg9_").orElseThrow();
        }
        try (RedisFleet fleet = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).connect();
                KemonoClient later = KemonoClient.builder().baseUrl(kemono.baseUrl()).cookies(browser)
                        .sessionStore(fleet.sessionStore()).build()) {
            KemonoAccount alice = later.resume(FakeKemono.DEMO_USER).orElseThrow();
            assertThat(alice.favoriteCreators()).hasSize(2);
            assertThat(kemono.lastCall().headers().get("Cookie")).contains("__ddg9_=" + ddg9);
            assertThat(kemono.lastCall().headers().get("Cookie")).contains("__ddg2_=" + solved.get("__ddg2_"));
        }
    }
}
