package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.observe.Outcome;
import dev.latchkey.core.observe.Relogin;
import dev.latchkey.core.observe.StoreAccess;
import dev.latchkey.core.testing.RecordingObserver;
import dev.latchkey.core.testing.contract.Leaks;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 30 in fleet mode: three workers, each with its own connection to Redis and its own observer, share one
 * login. After Kemono ends the session, each sees its call rejected and renewed: one worker led the re-login, the
 * others followed it, and every observer was told which, with its store accesses, and never a cookie.
 */
class FleetObserverTest {
    @RegisterExtension
    final FakeKemono kemono = FakeKemono.create();

    @Test
    void oneWorkerLedTheReloginTheOthersFollowedAndEachObserverSaysWhich() throws Exception {
        List<RedisFleet> fleets = new ArrayList<>();
        List<KemonoClient> clients = new ArrayList<>();
        List<RecordingObserver> observers = new ArrayList<>();
        String prefix = TestRedis.prefix();
        try {
            for (int i = 0; i < 3; i++) {
                RedisFleet fleet = RedisFleet.builder(TestRedis.url()).keyPrefix(prefix).connect();
                fleets.add(fleet);
                RecordingObserver seen = new RecordingObserver();
                observers.add(seen);
                clients.add(KemonoClient.builder().baseUrl(kemono.baseUrl()).sessionStore(fleet.sessionStore())
                        .reloginOnExpiry(true).observer(seen).build());
            }
            List<KemonoAccount> accounts = new ArrayList<>();
            for (KemonoClient c : clients) {
                accounts.add(c.resumeOrLogin(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD));
            }
            assertThat(kemono.revokeSessions()).isEqualTo(1);
            // resumeOrLogin is a renewal of "no session": the first worker logged in, the others took its session.
            List<Boolean> firstLogin = new ArrayList<>();
            for (RecordingObserver seen : observers) {
                seen.delivered().of(Relogin.class).forEach(r -> firstLogin.add(r.led()));
                seen.clear();
            }
            assertThat(firstLogin).containsExactly(true, false, false);
            assertThat(clients.get(2).resume(FakeKemono.DEMO_USER)).isPresent();
            assertThat(observers.get(2).delivered().of(StoreAccess.class)).singleElement()
                    .satisfies(a -> assertThat(a.found()).isTrue());
            observers.get(2).clear();
            for (KemonoAccount a : accounts) {
                assertThat(a.favoriteCreators()).hasSize(2);
            }

            List<Relogin> relogins = new ArrayList<>();
            for (RecordingObserver seen : observers) {
                List<Relogin> mine = seen.delivered().of(Relogin.class);
                assertThat(mine).singleElement().satisfies(r -> {
                    assertThat(r.provider()).isEqualTo("kemono");
                    assertThat(r.storeKey()).endsWith("#alice");
                    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
                });
                relogins.addAll(mine);
                for (var call : seen.byCall().entrySet()) {
                    assertThat(RecordingObserver.wellFormed(call.getValue())).isNull();
                }
                assertThat(seen.of(ObservedCall.class)).extracting(ObservedCall::operation)
                        .contains("kemono.favorites");
            }
            assertThat(relogins).extracting(Relogin::led).containsExactly(true, false, false);

            List<String> secrets = new ArrayList<>(List.of(FakeKemono.DEMO_PASSWORD));
            for (RecordedCall c : kemono.calls()) {
                String cookie = c.headers().get("Cookie");
                if (cookie != null) {
                    secrets.add(cookie.substring(cookie.indexOf('=') + 1));
                }
            }
            for (RecordingObserver seen : observers) {
                assertThat(Leaks.find(seen.events().toString(), secrets)).isNull();
            }
        } finally {
            clients.forEach(KemonoClient::close);
            for (RedisFleet f : fleets) {
                f.close();
            }
        }
    }
}
