package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.AuthorizationDeniedException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.testing.LoopbackServers;
import dev.latchkey.core.testing.contract.Leaks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Eternaltwin's share of the hostile-server reviews (issue 27): each test names its item. */
class EternaltwinHardeningTest {
    static final String CLIENT = "latchkey_demo@clients";
    static final String USER = "{\"type\":\"User\",\"id\":\"d41ac799-4e3d-473f-a2d8-2886ea561a6e\","
            + "\"display_name\":{\"current\":{\"value\":\"Alice\"}}}";

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    static MockResponse token(String value) {
        return json(200, "{\"access_token\":\"" + value + "\",\"expires_in\":1000000000,\"token_type\":\"Bearer\"}");
    }

    static MockResponse self(String clientKey, String user) {
        return json(200, "{\"type\":\"AccessToken\",\"scope\":\"Default\",\"client\":{\"type\":\"OauthClient\","
                + "\"id\":\"aa6af743-591a-4674-adf7-65c6cca43205\",\"key\":\"" + clientKey + "\",\"display_name\":"
                + "\"x\"},\"user\":" + user + "}");
    }

    /** A store that remembers every key saved to it. */
    static final class Recording implements SessionStore {
        final SessionStore inner = SessionStore.inMemory();
        final List<String> saved = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public java.util.Optional<dev.latchkey.core.auth.Session> load(String key) {
            return inner.load(key);
        }

        @Override
        public void save(String key, dev.latchkey.core.auth.Session session) {
            saved.add(key);
            inner.save(key, session);
        }

        @Override
        public void delete(String key) {
            inner.delete(key);
        }

        @Override
        public boolean compareAndSet(String key, dev.latchkey.core.auth.Session expected,
                dev.latchkey.core.auth.Session replacement) {
            saved.add(key);
            return inner.compareAndSet(key, expected, replacement);
        }
    }

    static EternaltwinClient client(MockWebServer site, SessionStore store) {
        return EternaltwinClient.builder().baseUrl(site.url("/").toString()).sessionStore(store).clientId(CLIENT)
                .clientSecret("demo-secret-1234567").redirectUri("http://localhost:8080/callback").build();
    }

    @Test
    void aTokenIssuedToAnotherClientIsRefusedAndNothingIsStored() throws Exception {
        // Item 6: fromAuthorizationCode accepted a token whose self named another client (evil@clients).
        Recording store = new Recording();
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(token("a1b2c3d4-0000-4000-8000-00000000beef"));
            site.enqueue(self("evil@clients", USER));
            site.enqueue(token("a1b2c3d4-0000-4000-8000-00000000f00d"));
            site.enqueue(self("evil@clients", USER));
            site.enqueue(token("a1b2c3d4-0000-4000-8000-00000000cafe"));
            site.enqueue(self(CLIENT.toUpperCase(java.util.Locale.ROOT), USER));
            site.start();
            try (EternaltwinClient etwin = client(site, store)) {
                Authorization start = etwin.startAuthorization();
                assertThatThrownBy(() -> etwin.fromAuthorizationCode("code-1", start.state(), start.state()))
                        .isInstanceOf(InvalidResponseException.class)
                        .hasMessageContaining("issued to another client (evil@clients), not to " + CLIENT);
                Authorization again = etwin.startAuthorization();
                assertThatThrownBy(() -> etwin.async().fromAuthorizationCode("code-2", again.state(), again.state())
                        .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOf(InvalidResponseException.class);
                assertThat(store.saved).as("only the used states' marks").allMatch(k -> k.startsWith(
                        "latchkey:oauth-state-used:")).hasSize(2);
                // The client's own key, in any case, is its own.
                Authorization third = etwin.startAuthorization();
                assertThat(etwin.fromAuthorizationCode("code-3", third.state(), third.state()).id())
                        .isEqualTo("d41ac799-4e3d-473f-a2d8-2886ea561a6e");
            }
        }
    }

    @Test
    void aUserIdThatIsNoUuidNamesNoStoredSession() throws Exception {
        // Item 2: self's user id becomes the store key. This held before the review: User refuses any id but a UUID.
        Recording store = new Recording();
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(self(CLIENT, USER.replace("d41ac799-4e3d-473f-a2d8-2886ea561a6e", "alice\\r\\nadmin")));
            site.enqueue(self(CLIENT, USER.replace("d41ac799-4e3d-473f-a2d8-2886ea561a6e", "not-a-uuid")));
            site.start();
            try (EternaltwinClient etwin = client(site, store)) {
                assertThatThrownBy(() -> etwin.fromToken("a1b2c3d4-0000-4000-8000-00000000beef"))
                        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("a user id is a UUID");
                assertThatThrownBy(() -> etwin.fromToken("a1b2c3d4-0000-4000-8000-00000000beef"))
                        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("a user id is a UUID");
                assertThat(store.saved).isEmpty();
            }
        }
    }

    @Test
    void aTokenEchoedAsTheCallersTypeIsMaskedInAnyCase() throws Exception {
        // Item 3: the server's type was lower-cased before it was quoted, so an echoed token passed the scrubber.
        String token = "Zq8Lm2Vx-Pw4Rt6Yu-Io9As1Df";
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(json(200, "{\"type\":\"Bearer " + token + "\",\"scope\":\"Default\"}"));
            site.enqueue(json(200, "{\"type\":\"" + token.toLowerCase(java.util.Locale.ROOT) + "\"}"));
            site.start();
            try (EternaltwinClient etwin = client(site, SessionStore.inMemory())) {
                for (int i = 0; i < 2; i++) {
                    assertThatThrownBy(() -> etwin.fromToken(token)).isInstanceOfSatisfying(
                            UnauthorizedException.class, e -> assertThat(Leaks.find(String.valueOf(e.getMessage()),
                                    List.of(token))).as(e.getMessage()).isNull());
                }
            }
        }
    }

    @Test
    void aRefusalsDescriptionShowsNoPieceOfTheState() {
        // Item 5: only whole values were masked; a state minus its last character showed about 150 characters.
        try (EternaltwinClient etwin = EternaltwinClient.builder().clientId(CLIENT).clientSecret("demo-secret-1234567")
                .redirectUri("http://localhost:8080/callback").sessionStore(SessionStore.inMemory()).build()) {
            Authorization start = etwin.startAuthorization();
            String state = start.state();
            AuthorizationCallback refused = new AuthorizationCallback(Map.of("state", state, "error", "access_denied",
                    "error_description", "you refused " + state.substring(0, state.length() - 1) + " and "
                            + state.substring(20, 40).toUpperCase(java.util.Locale.ROOT)));
            assertThatThrownBy(() -> etwin.fromCallback(refused, state)).isInstanceOfSatisfying(
                    AuthorizationDeniedException.class, e -> {
                        assertThat(e.error()).isEqualTo("access_denied");
                        assertThat(e.getMessage()).contains("you refused ***");
                        assertThat(Leaks.find(e.getMessage(), List.of(state))).as(e.getMessage()).isNull();
                    });
        }
    }

    @Test
    void twoWorkersSharingAStoreAndAStateKeyAcceptARedirectOnce() {
        // Item 11: two clients sharing one stateKey, as a fleet's workers do, both accepted the same state.
        byte[] stateKey = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SessionStore shared = SessionStore.inMemory();
        try (dev.latchkey.testkit.eternaltwin.FakeEternaltwin fake = dev.latchkey.testkit.eternaltwin.FakeEternaltwin
                .create().start()) {
            java.util.function.Supplier<EternaltwinClient> worker = () -> EternaltwinClient.builder()
                    .baseUrl(fake.baseUrl()).sessionStore(shared).stateKey(stateKey)
                    .clientId(dev.latchkey.testkit.eternaltwin.FakeEternaltwin.DEMO_CLIENT)
                    .clientSecret(dev.latchkey.testkit.eternaltwin.FakeEternaltwin.DEMO_CLIENT_SECRET)
                    .redirectUri(dev.latchkey.testkit.eternaltwin.FakeEternaltwin.DEMO_CALLBACK).build();
            try (EternaltwinClient a = worker.get(); EternaltwinClient b = worker.get()) {
                Authorization start = a.startAuthorization();
                AuthorizationCallback back = EternaltwinClientTest.callback(fake.authorize(start.url().toString(),
                        dev.latchkey.testkit.eternaltwin.FakeEternaltwin.DEMO_USER));
                assertThat(b.fromCallback(back, start.state()).displayName()).isEqualTo("Alice");
                assertThatThrownBy(() -> a.fromCallback(back, start.state()))
                        .isInstanceOf(dev.latchkey.core.error.InvalidStateException.class)
                        .hasMessageContaining("already used");
            }
        }
    }

    @Test
    void aDerivedClientEndsWithItsParent() throws Exception {
        // Issue 28, bug 1: a withOptions client kept making sync calls after its parent closed, and its async calls
        // failed with "executor rejected".
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.start();
            EternaltwinClient parent = client(site, SessionStore.inMemory());
            EternaltwinClient derived = parent.withOptions(b -> b.userAgent("bot/2"));
            parent.close();
            String id = "d41ac799-4e3d-473f-a2d8-2886ea561a6e";
            assertThatThrownBy(() -> derived.user(id)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThat(derived.async().user(id)).failsWithin(java.time.Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class).havingCause()
                    .isInstanceOf(IllegalStateException.class);
            assertThat(site.getRequestCount()).isZero();
        }
    }

    @Test
    void aCorruptedStoredSessionIsASessionStoreErrorNamingItsKey() throws Exception {
        // Issue 28: the hardening Kemono and TMDb have; one message for all four (SessionStoreException.readBack).
        SessionStore store = SessionStore.inMemory();
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.start();
            try (EternaltwinClient etwin = client(site, store)) {
                String id = "d41ac799-4e3d-473f-a2d8-2886ea561a6e";
                String key = etwin.storeKey(id);
                dev.latchkey.core.auth.Session noName = dev.latchkey.core.auth.Session.builder("eternaltwin")
                        .token("access_token", "a1b2c3d4-0000-4000-8000-00000000beef").attribute("user_id", id).build();
                store.save(key, noName);
                assertThatThrownBy(() -> etwin.resume(id)).isInstanceOf(dev.latchkey.core.error.SessionStoreException
                        .class).hasMessage("the stored session under key '" + key + "' is not an Eternaltwin session "
                        + "a login made (NoSuchElementException); log in again");
                assertThat(store.load(key)).contains(noName);
                assertThat(site.getRequestCount()).isZero();
            }
        }
    }

    @Test
    void closeForgetAndLogoutMeanTheSameOnEveryProvider() {
        // Issue 28: close() here only, forget() here and in the store, logout() at the provider too where it has one.
        SessionStore store = SessionStore.inMemory();
        String id = "d41ac799-4e3d-473f-a2d8-2886ea561a6e";
        try (EternaltwinClient etwin = EternaltwinClient.builder().sessionStore(store).build()) {
            store.save(etwin.storeKey(id), dev.latchkey.core.auth.Session.builder("eternaltwin").token("access_token",
                    "a1b2c3d4-0000-4000-8000-00000000beef").attribute("user_id", id).attribute("display_name", "Alice")
                    .build());
            EternaltwinAccount account = etwin.resume(id).orElseThrow();
            account.close();
            account.close(); // idempotent
            assertThatThrownBy(account::session).isInstanceOf(IllegalStateException.class);
            assertThat(store.load(etwin.storeKey(id))).as("close keeps the stored session").isPresent();
            EternaltwinAccount again = etwin.resume(id).orElseThrow();
            again.forget();
            assertThat(store.load(etwin.storeKey(id))).as("forget removes it from the store").isEmpty();
            assertThatThrownBy(again::session).isInstanceOf(IllegalStateException.class);
        }
    }
}
