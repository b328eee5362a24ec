package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Karaoke Mugen's share of the hostile-server reviews (issue 27): each test names its item. */
class KaraokeMugenHardeningTest {
    @RegisterExtension
    static final HostileServer hostile = HostileServer.create();

    final SessionStore store = SessionStore.inMemory();
    /** The hostile server closes each connection after one answer: nothing is pooled. */
    final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().connectionPool(new okhttp3.ConnectionPool(0,
            1, java.util.concurrent.TimeUnit.SECONDS)).build();

    private KaraokeMugenClient client() {
        return KaraokeMugenClient.builder().baseUrl(hostile.url()).httpClient(http).sessionStore(store)
                .options(b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5))).build();
    }

    private static String loginAnswer(String username, String token) {
        return "{\"err\":false,\"data\":{\"token\":\"" + token + "\",\"username\":\"" + username
                + "\",\"role\":\"user\"}}";
    }

    @Test
    void aLoginAnsweredForAnotherUserIsRefusedAndReplacesNobodysSession() {
        // Item 2: login("alice", pw) answered {"username": "bob"} returned bob's account, stored Alice's token under
        // Bob's key (replacing his session) and left resume("alice") empty.
        try (KaraokeMugenClient km = client()) {
            hostile.answer(HostileAnswers.ok(loginAnswer("bob", "bobs-token-123456")));
            km.login("bob", "bob-password");
            Optional<Session> bobs = store.load(km.storeKey("bob"));
            assertThat(bobs).isPresent();
            hostile.answer(HostileAnswers.ok(loginAnswer("bob", "alices-token-654321")));
            assertThatThrownBy(() -> km.login("alice", "alice-password"))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("login as 'alice' was answered for another user, 'bob'");
            assertThat(store.load(km.storeKey("bob"))).isEqualTo(bobs);
            assertThat(km.resume("alice")).isEmpty();
            // The app answers the login trimmed and lower-cased: that is the same user.
            hostile.answer(HostileAnswers.ok(loginAnswer("alice", "alices-token-654321")));
            assertThat(km.login("  Alice ", "alice-password").storeKey()).isEqualTo(km.storeKey("alice"));
        }
    }

    @Test
    void aNameWithControlCharactersIsRefusedBeforeAnythingIsSent() {
        // Item 2: a name with CR, LF or ESC became a store key as it was (the instance of an online login was not
        // checked at all).
        try (KaraokeMugenClient km = client()) {
            for (String name : List.of("alice\r\nadmin", "alice\u001B[2J", "alice@kara.moe\r\nx",
                    "alice@kara\u001B.moe", "alice@")) {
                assertThatThrownBy(() -> km.login(name, "pw-123456")).as(name)
                        .isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> km.resume(name)).as(name).isInstanceOf(InvalidInputException.class);
            }
            assertThat(hostile.requests()).isEmpty();
        }
    }

    @Test
    void aGuestNameWithControlCharactersIsAnInvalidAnswer() {
        // Item 2: a guest's login is the app's to choose: any letter, but no control character.
        try (KaraokeMugenClient km = client()) {
            hostile.answer(HostileAnswers.ok(loginAnswer("guest\\u001B]0;x\\u0007", "guest-token-123456")));
            assertThatThrownBy(km::loginGuest).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("control character");
            hostile.answer(HostileAnswers.ok(loginAnswer("夜神_月", "guest-token-123456")));
            assertThat(km.loginGuest().storeKey()).isEqualTo(km.storeKey("夜神_月"));
        }
    }

    @Test
    void anErrorEnvelopeInASuccessIsMappedAsItsErrorAndEveryFailureNamesItsCommand() {
        // Item 10: a 200 with {"err": true, ... "LOG_ERROR"} was "missing required field 'data.token'" (the envelope
        // was bound before err was read); a non-JSON 500 named no command; a 503 without a message said
        // "createUser: null".
        try (KaraokeMugenClient km = client()) {
            hostile.answer(HostileAnswers.ok("{\"err\":true,\"data\":{\"code\":401,\"message\":{\"code\":"
                    + "\"LOG_ERROR\"}}}"));
            assertThatThrownBy(() -> km.login("alice", "alice-password"))
                    .isInstanceOfSatisfying(dev.latchkey.core.error.InvalidCredentialsException.class, e -> assertThat(
                            e.providerCode()).contains("LOG_ERROR")).hasMessageContaining("login: wrong login");
            hostile.answer(ex -> ex.write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 5\r\n\r\noops!"));
            assertThatThrownBy(() -> km.login("alice", "alice-password"))
                    .isInstanceOf(dev.latchkey.core.error.ServerException.class).hasMessageContaining("login: oops!");
            hostile.answer(ex -> ex.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"));
            assertThatThrownBy(() -> km.login("alice", "alice-password"))
                    .isInstanceOf(dev.latchkey.core.error.ServerException.class)
                    .hasMessageContaining("login: the app answered HTTP 502 without its envelope");
            hostile.answer(ex -> ex.write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 32\r\n\r\n{\"err\":true,\"data\":{\"code\":503}}"));
            assertThatThrownBy(() -> km.createUser(dev.latchkey.karaokemugen.model.NewUser.of("dave", "dave-password")))
                    .isInstanceOf(dev.latchkey.core.error.ServerException.class)
                    .hasMessageContaining("createUser: the app answered HTTP 503 with no message")
                    .hasMessageNotContaining("null");
        }
    }

    @Test
    void aDerivedClientEndsWithItsParent() {
        // Issue 28, bug 1: a withOptions client kept making sync calls after its parent closed, and its async calls
        // failed with "executor rejected".
        KaraokeMugenClient parent = client();
        KaraokeMugenClient derived = parent.withOptions(b -> b.userAgent("bot/2"));
        parent.close();
        assertThatThrownBy(() -> derived.loginGuest()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(derived.async().loginGuest()).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                .isInstanceOf(IllegalStateException.class);
        assertThat(hostile.requests()).isEmpty();
    }

    @Test
    void aCorruptedStoredSessionIsASessionStoreErrorNamingItsKey() {
        // Issue 28: the hardening Kemono and TMDb have; one message for all four (SessionStoreException.readBack).
        try (KaraokeMugenClient km = client()) {
            String key = km.storeKey("alice");
            Session noToken = Session.builder("karaokemugen").attribute("username", "alice").build();
            store.save(key, noToken);
            assertThatThrownBy(() -> km.resume("alice")).isInstanceOf(dev.latchkey.core.error.SessionStoreException
                    .class).hasMessage("the stored session under key '" + key + "' is not a Karaoke Mugen session "
                    + "a login made (IllegalStateException); log in again");
            assertThat(store.load(key)).contains(noToken);
            Session noName = Session.builder("karaokemugen").token("token", "tok-123456789").build();
            store.save(key, noName);
            assertThatThrownBy(() -> km.resume("alice")).isInstanceOf(dev.latchkey.core.error.SessionStoreException
                    .class).hasMessageNotContaining("tok-123456789");
        }
    }

    @Test
    void closeForgetAndLogoutMeanTheSameOnEveryProvider() {
        // Issue 28: close() here only, forget() here and in the store, logout() at the provider too where it has one.
        try (KaraokeMugenClient km = client()) {
            store.save(km.storeKey("alice"), Session.builder("karaokemugen").token("token", "tok-123456789")
                    .attribute("username", "alice").attribute("role", "user").build());
            KaraokeMugenAccount account = km.resume("alice").orElseThrow();
            account.close();
            account.close(); // idempotent
            assertThatThrownBy(account::session).isInstanceOf(IllegalStateException.class);
            assertThat(store.load(km.storeKey("alice"))).as("close keeps the stored session").isPresent();
            KaraokeMugenAccount again = km.resume("alice").orElseThrow();
            again.forget();
            assertThat(store.load(km.storeKey("alice"))).as("forget removes it from the store").isEmpty();
            assertThatThrownBy(again::session).isInstanceOf(IllegalStateException.class);
        }
    }
}
