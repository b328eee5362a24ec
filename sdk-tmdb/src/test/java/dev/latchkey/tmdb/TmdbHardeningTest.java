package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.testing.contract.Leaks;
import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TMDb's share of the hostile-server review (issue 11): each test names its item. */
class TmdbHardeningTest {
    @RegisterExtension
    static final HostileServer hostile = HostileServer.create();

    static final String API_KEY = "key-5a1f8c3e7b9d2046";
    final OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .build();
    final SessionStore store = SessionStore.inMemory();

    private TmdbClient client() {
        return TmdbClient.builder().apiKey(API_KEY).baseUrl(hostile.url()).httpClient(http).sessionStore(store)
                .options(b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5))).build();
    }


    @Test
    void anExpiryThatEchoesTheKeyIsNotQuoted() {
        // Item 3: "'expires_at' is not a date TMDb writes" quoted the server's value, the whole API key in it.
        hostile.answer(HostileAnswers.ok("{\"success\":true,\"request_token\":\"rt-1\",\"expires_at\":\"" + API_KEY
                + "\"}"));
        try (TmdbClient tmdb = client()) {
            assertThatThrownBy(() -> tmdb.auth().createRequestToken()).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("expires_at")
                    .satisfies(e -> assertThat(Leaks.find(dev.latchkey.core.testing.Traces.printed(e), List.of(API_KEY))).isNull());
        }
    }

    @Test
    void aGuestSessionIdOfDotsIsRefused() {
        // Item 4: a guest session id of ".." requested /3/rated/movies with the key attached.
        try (TmdbClient tmdb = client()) {
            GuestSession guest = tmdb.guest("..", null);
            assertThatThrownBy(guest::ratedMovies).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> guest.async().ratedTv().collect(10).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InvalidInputException.class);
            assertThat(hostile.requests()).isEmpty();
        }
    }

    @Test
    void serverDataIsCheckedBeforeUse() {
        // Item 11: a null user name threw an NPE, a null guest id an IllegalArgumentException, and an empty
        // session_id an InvalidInputException with no method or path.
        try (TmdbClient tmdb = client()) {
            hostile.answer(HostileAnswers.ok("{\"id\":42,\"username\":null}"));
            assertThatThrownBy(() -> tmdb.account(new TmdbSession("sid-1"))).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("username");
            hostile.answer(HostileAnswers.ok("{\"success\":true,\"guest_session_id\":null,\"expires_at\":"
                    + "\"2030-01-01 00:00:00 UTC\"}"));
            assertThatThrownBy(() -> tmdb.auth().createGuestSession()).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("guest_session_id");
            hostile.answer(HostileAnswers.ok("{\"success\":true,\"session_id\":\"\"}"));
            var token = new dev.latchkey.tmdb.model.RequestToken("rt-2", Instant.parse("2030-01-01T00:00:00Z"));
            assertThatThrownBy(() -> tmdb.auth().createSession(token)).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("POST /3/authentication/session/new");
            assertThatThrownBy(() -> tmdb.async().auth().createSession(token).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InvalidResponseException.class);
            // Issue 26's field policy: a title is not required (read as ""); an id is, and is named by its path.
            hostile.answer(HostileAnswers.ok("{\"page\":1,\"results\":[{\"id\":1,\"title\":null},{\"id\":null}],"
                    + "\"total_pages\":1}"));
            store.save(tmdb.storeKey("alice"), Session.builder("tmdb").token(Session.SESSION_ID, "sid-1")
                    .attribute(TmdbAccount.ATTR_ID, "42").attribute(TmdbAccount.ATTR_USERNAME, "alice").build());
            TmdbAccount me = tmdb.resume("alice").orElseThrow();
            assertThatThrownBy(() -> me.favoriteMovies().stream().toList())
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("results[1].id");
            hostile.answer(HostileAnswers.ok("{\"page\":1,\"results\":[{\"id\":1,\"title\":null}],\"total_pages\":1}"));
            assertThat(me.favoriteMovies().stream().toList()).singleElement()
                    .satisfies(m -> assertThat(m.title()).isEmpty());
        }
    }

    @Test
    void credentialsThatHttpCannotCarryAreRefusedWhenGiven() {
        // Item 15: CR, LF or non-ASCII in a read access token threw OkHttp's IllegalArgumentException at call time.
        for (String bad : List.of("eyJ\r\nX-Admin: 1", "t\u00f6ken", "a\u0000b")) {
            assertThatThrownBy(() -> TmdbClient.builder().readAccessToken(bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageNotContaining(bad);
            assertThatThrownBy(() -> TmdbClient.builder().apiKey(bad)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new TmdbSession(bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aCorruptedStoredSessionIsASessionStoreErrorNamingItsKey() {
        // Item 16: resume() threw NumberFormatException or IllegalStateException.
        try (TmdbClient tmdb = client()) {
            String key = tmdb.storeKey("alice");
            Session bad = Session.builder("tmdb").token(Session.SESSION_ID, "sid-9").attribute(TmdbAccount.ATTR_ID,
                    "forty-two").attribute(TmdbAccount.ATTR_USERNAME, "alice").build();
            store.save(key, bad);
            assertThatThrownBy(() -> tmdb.resume("alice")).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(key);
            assertThat(store.load(key)).contains(bad);
            String guestKey = tmdb.storeKey(GuestSession.STORE_NAME);
            store.save(guestKey, Session.builder("tmdb").build());
            assertThatThrownBy(tmdb::resumeGuest).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(guestKey);
        }
    }

    @Test
    void anAccountNameWithControlCharactersNamesNoStoredSession() {
        // Issue 27, item 2: the session's account name becomes the store key. TMDb's login answer names no user, so
        // only the name's fitness is checked: a line feed or an escape is an invalid answer, and nothing is stored.
        try (TmdbClient tmdb = client()) {
            hostile.answer(HostileAnswers.ok("{\"id\":548,\"username\":\"alice\\r\\nadmin\\u001B[2J\"}"));
            assertThatThrownBy(() -> tmdb.account(new TmdbSession("sess-1234567890")))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("control character")
                    .hasMessageContaining("GET /3/account");
            assertThatThrownBy(() -> tmdb.resume("alice\r\nadmin")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("control character");
        }
    }

    @Test
    void aDerivedClientEndsWithItsParent() {
        // Issue 28, bug 1: a withOptions client kept making sync calls after its parent closed, and its async calls
        // failed with "executor rejected".
        TmdbClient parent = client();
        TmdbClient derived = parent.withOptions(b -> b.userAgent("bot/2"));
        parent.close();
        assertThatThrownBy(() -> derived.auth().createRequestToken()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(derived.async().auth().createRequestToken()).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                .isInstanceOf(IllegalStateException.class);
        assertThat(hostile.requests()).isEmpty();
    }

    @Test
    void closeForgetAndLogoutMeanTheSameOnEveryProvider() {
        // Issue 28: close() here only, forget() here and in the store, logout() at the provider too where it has one.
        try (TmdbClient tmdb = client()) {
            store.save(tmdb.storeKey("alice"), Session.builder("tmdb").token(Session.SESSION_ID, "sess-1234567890")
                    .attribute("account_id", "548").attribute("username", "alice").build());
            TmdbAccount account = tmdb.resume("alice").orElseThrow();
            account.close();
            account.close(); // idempotent
            assertThatThrownBy(account::session).isInstanceOf(IllegalStateException.class);
            assertThat(store.load(tmdb.storeKey("alice"))).as("close keeps the stored session").isPresent();
            TmdbAccount again = tmdb.resume("alice").orElseThrow();
            again.forget();
            assertThat(store.load(tmdb.storeKey("alice"))).as("forget removes it from the store").isEmpty();
            assertThatThrownBy(again::session).isInstanceOf(IllegalStateException.class);
        }
    }
}
