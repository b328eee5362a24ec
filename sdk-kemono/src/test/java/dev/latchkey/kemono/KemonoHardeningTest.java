package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.SessionStoreException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.kemono.internal.KemonoErrors;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileServer;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kemono's share of the hostile-server review (issue 11): each test names its item. */
class KemonoHardeningTest {
    @RegisterExtension
    static final HostileServer hostile = HostileServer.create();
    @RegisterExtension
    static final FakeKemono fake = FakeKemono.create();

    static final String COOKIE = "sess-2b7e9f1c4a8d6053";
    final OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .build();
    final SessionStore store = SessionStore.inMemory();

    private KemonoClient hostileClient() {
        return KemonoClient.builder().baseUrl(hostile.url()).httpClient(http).sessionStore(store)
                .options(b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5))).build();
    }

    private KemonoAccount resumed(KemonoClient client) {
        store.save(client.storeKey("alice"), Session.builder("kemono").cookie("session", COOKIE)
                .attribute("username", "alice").attribute("account_id", "1").attribute("role", "consumer").build());
        return client.resume("alice").orElseThrow();
    }

    @Test
    void dotSegmentsAreRefusedBeforeTheSessionIsSent() {
        // Item 4: removeFavoritePost(service, "..", "..") sent DELETE /api/v1/favorites/ with the session cookie.
        try (KemonoClient client = hostileClient()) {
            KemonoAccount me = resumed(client);
            assertThatThrownBy(() -> me.removeFavoritePost(Service.FANBOX, "..", ".."))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> me.addFavoriteCreator(Service.of(".."), "1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("service");
            assertThatThrownBy(() -> client.post(Service.FANBOX, ".", "1")).isInstanceOf(InvalidInputException.class);
            assertThat(hostile.requests()).isEmpty();
        }
    }

    @Test
    void aCookieValueCannotSmuggleAnotherCookieOrAHeader() {
        // Items 5 and 15: "v; admin=1" sent a second cookie; CR, LF and non-ASCII threw OkHttp's exception at call time.
        try (KemonoClient client = hostileClient()) {
            for (String bad : List.of("v; admin=1", "a\r\nX-Admin: 1", "caf\u00e9", "two words")) {
                assertThatThrownBy(() -> client.withSessionCookie(bad)).isInstanceOf(InvalidInputException.class)
                        .hasMessageNotContaining(bad);
                assertThatThrownBy(() -> KemonoClient.builder().cookie("__ddg1_", bad))
                        .isInstanceOf(InvalidInputException.class);
            }
            assertThatThrownBy(() -> KemonoClient.builder().cookie("a=b", "v")).isInstanceOf(InvalidInputException.class);
            assertThat(hostile.requests()).isEmpty();
        }
    }

    @Test
    void serverDataIsCheckedBeforeUse() throws Exception {
        // Item 11: randomPost().flatMap(kemono::post) with "service": null threw a NullPointerException.
        hostile.answer(HostileAnswers.ok("{\"service\":null,\"artist_id\":\"1\",\"post_id\":\"2\"}"));
        try (KemonoClient client = hostileClient()) {
            assertThatThrownBy(() -> client.randomPost().flatMap(client::post))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("GET /v1/posts/random")
                    .hasMessageContaining("service");
            // A login answer whose session cookie is not a cookie value is an invalid answer, not a session.
            hostile.answer(ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: "
                    + "session=\"a b\"\r\nContent-Length: 62\r\n\r\n"
                    + "{\"id\":1,\"username\":\"alice\",\"created_at\":null,\"role\":\"consumer\"}".substring(0, 62)));
            assertThatThrownBy(() -> client.login("alice", "pw-4f7c1e9b")).isInstanceOf(InvalidResponseException.class);
        }
    }

    @Test
    void aChallengePageIsNotASuccessfulLogoutAndKeepsTheSession() throws Exception {
        // Item 13: a 200 HTML page counted as a successful logout, and the stored session was deleted.
        hostile.answer(HostileAnswers.htmlChallenge200());
        try (KemonoClient client = hostileClient()) {
            KemonoAccount me = resumed(client);
            assertThatThrownBy(me::logout).isInstanceOf(InvalidResponseException.class);
            assertThat(store.load(me.storeKey())).isPresent();
            assertThatThrownBy(() -> me.changePassword("pw-4f7c1e9b", "pw-9a2d6e3c", false))
                    .isInstanceOf(InvalidResponseException.class);
            assertThatThrownBy(() -> me.addFavoriteCreator(Service.FANBOX, "1"))
                    .isInstanceOf(InvalidResponseException.class);
            CompletableFuture<Void> f = me.async().logout();
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidResponseException.class);
            assertThat(me.session().cookie("session")).contains(COOKIE);
        }
    }

    @Test
    void aCorruptedStoredSessionIsASessionStoreErrorNamingItsKey() {
        // Item 16: resume() threw NumberFormatException on a hand-edited account id.
        try (KemonoClient client = hostileClient()) {
            String key = client.storeKey("alice");
            Session bad = Session.builder("kemono").cookie("session", COOKIE).attribute("username", "alice")
                    .attribute("account_id", "not-a-number").build();
            store.save(key, bad);
            assertThatThrownBy(() -> client.resume("alice")).isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining(key).hasMessageNotContaining(COOKIE);
            assertThat(store.load(key)).contains(bad);
            Session noCookie = Session.builder("kemono").attribute("username", "alice").attribute("account_id", "1")
                    .build();
            store.save(key, noCookie);
            assertThatThrownBy(() -> client.resume("alice")).isInstanceOf(SessionStoreException.class);
        }
    }

    @Test
    void aTooLongNameReportsOnlyTheLengthRule() {
        // Item 24: "3 to 128 characters" also matched the characters rule.
        for (String message : List.of("Name must be 3 to 128 characters.", "Name must be 1 to 128 characters.",
                "Username cannot be empty")) {
            ErrorResponse r = ErrorResponse.of(400, "POST", "/v1/authentication/register", Headers.of(),
                    "{\"error\":\"" + message + "\"}", null, null, UnaryOperator.identity());
            assertThat(KemonoClient.SPEC.mapError(null, r)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.failedRules()).containsExactly(ValidationException.NAME_LENGTH));
        }
        for (String message : List.of("Name may only contain letters and digits.",
                "Name may not contain spaces or control characters.")) {
            ErrorResponse chars = ErrorResponse.of(400, "POST", "/v1/authentication/register", Headers.of(),
                    "{\"error\":\"" + message + "\"}", null, null, UnaryOperator.identity());
            assertThat(KemonoClient.SPEC.mapError(null, chars)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.failedRules()).containsExactly(ValidationException.NAME_CHARACTERS));
        }
    }

    @Test
    void cancellingDuringTheReloginCancelsTheLogin() throws Exception {
        // Item 7 and the async re-login: a 401 starts a login that is itself a future; cancelling ends it.
        OkHttpClient own = new OkHttpClient();
        try (KemonoClient client = KemonoClient.builder().baseUrl(fake.baseUrl()).reloginOnExpiry(true)
                .httpClient(own).sessionStore(store).build();
                KemonoClient other = KemonoClient.builder().baseUrl(fake.baseUrl()).build()) {
            KemonoAccount me = client.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            Session before = me.session();
            other.withSessionCookie(before.cookie("session").orElseThrow()).logout(); // the session ends on the server
            fake.clearCalls();
            fake.faults().next().onMethod("POST").stall(Duration.ofSeconds(30));
            CompletableFuture<?> f = me.async().favoriteCreators();
            for (int i = 0; i < 500 && fake.calls().stream().noneMatch(c -> c.path().endsWith("/login")); i++) {
                Thread.sleep(10);
            }
            assertThat(fake.calls()).anyMatch(c -> c.path().endsWith("/login"));
            f.cancel(true);
            assertThat(f).isCancelled();
            for (int i = 0; i < 500 && own.dispatcher().runningCallsCount() > 0; i++) {
                Thread.sleep(10);
            }
            assertThat(own.dispatcher().runningCallsCount()).as("the re-login still running").isZero();
            assertThat(me.session()).isEqualTo(before); // a cancelled re-login swaps nothing
        } finally {
            fake.faults().clear();
        }
    }

    @Test
    void anAsyncReloginRenewsTheSessionOnce() throws Exception {
        try (KemonoClient client = KemonoClient.builder().baseUrl(fake.baseUrl()).reloginOnExpiry(true)
                .sessionStore(store).build();
                KemonoClient other = KemonoClient.builder().baseUrl(fake.baseUrl()).build()) {
            KemonoAccount me = client.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            Session before = me.session();
            other.withSessionCookie(before.cookie("session").orElseThrow()).logout();
            fake.clearCalls();
            assertThat(me.async().favoriteCreators().get(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(me.session()).isNotEqualTo(before);
            assertThat(store.load(me.storeKey())).contains(me.session());
            assertThat(fake.calls().stream().filter(c -> c.path().endsWith("/login"))).hasSize(1);
        }
    }

    // --- issue 27 ---------------------------------------------------------------------------------------------------

    /** A login answer for {@code username}, with a session cookie. */
    private static dev.latchkey.testkit.hostile.HostileAnswer loginAnswer(String username, String cookie) {
        String body = "{\"id\":2,\"username\":\"" + username + "\",\"created_at\":\"2026-12-01T00:00:00\","
                + "\"role\":\"consumer\"}";
        return dev.latchkey.testkit.hostile.HostileAnswer.named("login as " + username, ex -> ex.write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: session=" + cookie
                        + "; Path=/\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
    }

    @Test
    void aLoginAnsweredForAnotherUserIsRefusedAndReplacesNobodysSession() {
        // Issue 27, item 2: alice's login answered {"username": "bob"} stored Alice's cookie under Bob's key.
        try (KemonoClient client = hostileClient()) {
            hostile.answer(loginAnswer("bob", "bobs-cookie-1234567"));
            client.resumeOrLogin("bob", "bob-password");
            Optional<Session> bobs = store.load(client.storeKey("bob"));
            assertThat(bobs).isPresent();
            hostile.answer(loginAnswer("bob", "alices-cookie-7654321"));
            assertThatThrownBy(() -> client.resumeOrLogin("alice", "alice-password"))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("login as 'alice' was answered for another user, 'bob'");
            assertThat(store.load(client.storeKey("bob"))).isEqualTo(bobs);
            assertThat(store.load(client.storeKey("alice"))).isEmpty();
            // Kemono2 compares names with case: Bob is not bob.
            hostile.answer(loginAnswer("Bob", "cookie-of-another-bob"));
            assertThatThrownBy(() -> client.resumeOrLogin("bob2", "pw-bob2")).isInstanceOf(
                    InvalidResponseException.class);
        }
    }

    @Test
    void aRegisteredAccountsSessionMustBeThatAccounts() {
        // Issue 27, item 2: the session Kemono2 sets at registration is checked like a login's.
        try (KemonoClient client = hostileClient()) {
            hostile.answer(ex -> {
                String body = "{\"props\":{\"account\":{\"id\":3,\"username\":\"mallory\",\"role\":\"consumer\"}}}";
                String path = ex.request().path();
                ex.write(path.contains("register") ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Set-Cookie: session=fresh-cookie-1234; Path=/\r\nContent-Length: 2\r\n\r\n{}"
                        : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body);
            });
            assertThatThrownBy(() -> client.register("carol", "carol-password-1"))
                    .isInstanceOf(InvalidResponseException.class).hasMessageContaining("'mallory'");
            assertThat(store.load(client.storeKey("mallory"))).isEmpty();
            assertThat(store.load(client.storeKey("carol"))).isEmpty();
        }
    }

    @Test
    void aNameWithControlCharactersNamesNoStoredSession() {
        // Issue 27, item 2: a name with CR, LF or ESC became a store key as it was.
        try (KemonoClient client = hostileClient()) {
            for (String name : List.of("alice\r\nadmin", "alice\u001B[2J", "alice\u202E")) {
                assertThatThrownBy(() -> client.resumeOrLogin(name, "pw-123456")).isInstanceOf(
                        InvalidInputException.class).hasMessageContaining("control character");
                assertThatThrownBy(() -> client.resume(name)).isInstanceOf(InvalidInputException.class);
            }
            assertThat(hostile.requests()).isEmpty();
            hostile.answer(HostileAnswers.ok("{\"props\":{\"account\":{\"id\":3,\"username\":\"mal\\u001Blory\","
                    + "\"role\":\"consumer\"}}}"));
            assertThatThrownBy(() -> client.withSessionCookie("cookie-of-mallory-123")).isInstanceOf(
                    InvalidResponseException.class).hasMessageContaining("control character");
        }
    }

    @Test
    void aDerivedClientEndsWithItsParent() {
        // Issue 28, bug 1: a withOptions client kept making sync calls after its parent closed, and its async calls
        // failed with "executor rejected".
        KemonoClient parent = hostileClient();
        KemonoClient derived = parent.withOptions(b -> b.userAgent("bot/2"));
        parent.close();
        assertThatThrownBy(() -> derived.randomPost()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(derived.async().randomPost()).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                .isInstanceOf(IllegalStateException.class);
        assertThat(hostile.requests()).isEmpty();
    }

    @Test
    void closeForgetAndLogoutMeanTheSameOnEveryProvider() {
        // Issue 28: close() here only, forget() here and in the store, logout() at the provider too where it has one.
        try (KemonoClient client = hostileClient()) {
            KemonoAccount account = resumed(client);
            account.close();
            account.close(); // idempotent
            assertThatThrownBy(account::session).isInstanceOf(IllegalStateException.class);
            assertThat(store.load(client.storeKey("alice"))).as("close keeps the stored session").isPresent();
            KemonoAccount again = resumed(client);
            again.forget();
            assertThat(store.load(client.storeKey("alice"))).as("forget removes it from the store").isEmpty();
            assertThatThrownBy(again::session).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theReadmesWrongPasswordLeavesKemonosWordsWhole() {
        // Issue 29, item 1: "wrong password" made the README's message "Username or*** is incorrect".
        try (KemonoClient client = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).build()) {
            assertThatThrownBy(() -> client.login("alice", "wrong password"))
                    .isInstanceOf(dev.latchkey.core.error.InvalidCredentialsException.class)
                    .hasMessage("HTTP 400 on POST /v1/authentication/login: Username or password is incorrect");
        }
    }
}
