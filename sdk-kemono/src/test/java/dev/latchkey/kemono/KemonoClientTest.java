package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.core.testing.RecordingSleeper;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Role;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KemonoClientTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).build();

    final SessionStore store = SessionStore.inMemory();
    final RecordingSleeper sleeper = new RecordingSleeper();
    KemonoClient kemono;

    @BeforeEach
    void setUp() {
        kemono = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(store)
                .options(o -> o.sleeper(sleeper)).build();
    }

    @AfterEach
    void tearDown() {
        kemono.close();
    }

    int loginsSeen() {
        return (int) fake.calls().stream().filter(c -> c.target().endsWith("/authentication/login")).count();
    }

    KemonoAccount alice() {
        return kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
    }

    @Test
    void loginGivesTheAccountAndSavesTheSession() {
        KemonoAccount me = alice();
        assertThat(me.username()).isEqualTo("alice");
        assertThat(me.id()).isPositive();
        assertThat(me.role()).isEqualTo(Role.CONSUMER);
        assertThat(me.role().known()).contains(Role.Known.CONSUMER);
        assertThat(me.createdAt()).isPresent();
        assertThat(store.load(me.storeKey())).contains(me.session());
        assertThat(me.session().cookie("session")).isPresent();
        assertThat(fake.lastCall().header("Accept")).contains("text/css");
    }

    @Test
    void badCredentialsAreTyped() {
        assertThatThrownBy(() -> kemono.login("alice", "not-alices-pw"))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("HTTP 400 on POST /v1/authentication/login: Username or password is incorrect");
        assertThatThrownBy(() -> kemono.login(" ", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessage("username is blank");
        assertThatThrownBy(() -> kemono.login("alice", "")).isInstanceOf(InvalidInputException.class);
        assertThat(fake.calls()).hasSize(1); // blank input never reached the server
    }

    @Test
    void registerThenLoggedIn() {
        KemonoAccount me = kemono.register("newbie1", "pw-12345");
        assertThat(me.username()).isEqualTo("newbie1");
        assertThat(me.favoriteCreators()).isEmpty();
    }

    @Test
    void registerRejectionsAreValidationOrConflict() {
        assertThatThrownBy(() -> kemono.register("alice", "pw-12345")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Username already taken");
        // Kemono2 refuses a password found in a breach (Have I Been Pwned), and has no length or character rule.
        assertThatThrownBy(() -> kemono.register("bob12", "password")).isInstanceOfSatisfying(
                ValidationException.class, e -> {
                    assertThat(e.failedRules()).containsExactly(ValidationException.PASSWORD_POLICY);
                    assertThat(e.getMessage()).contains("compromised in a data breach");
                });
        assertThat(kemono.register("b c", "abc").username()).isEqualTo("b c");
    }

    @Test
    void favoritesOfCreatorsAndPosts() {
        KemonoAccount me = alice();
        List<FavoriteCreator> creators = me.favoriteCreators();
        assertThat(creators).extracting(FavoriteCreator::id).containsExactly("6993449", "2358512");
        assertThat(creators.get(0).service()).isEqualTo(Service.FANBOX);
        assertThat(creators.get(0).indexed()).isPresent();
        assertThat(me.favoriteArtists()).isEqualTo(creators);
        List<FavoritePost> posts = me.favoritePosts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).post().id()).isEqualTo("1001");
        assertThat(posts.get(0).post().creatorId()).isEqualTo("6993449");
        assertThat(posts.get(0).post().attachments()).isNotEmpty();
        assertThat(posts.get(0).post().file()).isPresent();
        assertThat(posts.get(0).favCount()).as("Kemono2 never sends it").isEmpty();
        assertThat(posts.get(0).favedSeq()).isPositive();
    }

    @Test
    void addAndRemoveFavorites() {
        KemonoAccount me = alice();
        me.addFavoriteCreator(Service.FANBOX, "49494721");
        me.addFavoriteCreator(Service.FANBOX, "49494721"); // idempotent
        assertThat(me.favoriteCreators()).extracting(FavoriteCreator::id).contains("49494721").hasSize(3);
        me.removeFavoriteCreator(Service.FANBOX, "49494721");
        assertThat(me.favoriteCreators()).hasSize(2);
        me.addFavoritePost(Service.FANBOX, "49494721", "1004");
        assertThat(me.favoritePosts()).extracting(p -> p.post().id()).contains("1004");
        me.removeFavoritePost(Service.FANBOX, "49494721", "1004");
        assertThat(me.favoritePosts()).hasSize(1);
        me.addFavoriteCreator(Service.FANBOX, "nope"); // Kemono2 does not check (src/pages/favorites.py:64-70)
        assertThat(me.favoriteCreators()).extracting(FavoriteCreator::id).doesNotContain("nope");
        assertThatThrownBy(() -> me.addFavoriteCreator(Service.FANBOX, " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Service.of("fan/box")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void creatorsPostsAndRandomOnesAreOptional() {
        assertThat(kemono.creator(Service.FANBOX, "49494721")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("soso");
            assertThat(c.postCount()).hasValue(3);
        });
        assertThat(kemono.creator(Service.FANBOX, "0")).isEmpty();
        assertThat(kemono.creator(Service.of("nosuchservice"), "49494721")).isEmpty();
        var random = kemono.randomPost().orElseThrow();
        assertThat(kemono.post(random)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(random.postId()));
        var creator = kemono.randomCreator().orElseThrow();
        assertThat(kemono.creator(creator.service(), creator.creatorId())).isPresent();
        assertThat(kemono.post(Service.FANBOX, "6993449", "999999")).isEmpty();
        assertThat(alice().creator(Service.FANBOX, "6993449")).isPresent();
        // pykemo's shape: the random creator and post themselves (two calls each).
        fake.clearCalls();
        assertThat(kemono.fetchRandomCreator()).hasValueSatisfying(c -> assertThat(c.name()).isNotBlank());
        assertThat(kemono.fetchRandomPost()).hasValueSatisfying(p -> assertThat(p.title()).isNotNull());
        assertThat(fake.calls()).extracting(c -> c.target().replaceAll("/[^/]+/user/.*", "/*"))
                .containsExactly("/api/v1/artists/random", "/api/v1/*", "/api/v1/posts/random", "/api/v1/*");
    }

    @Test
    void anEmptySiteHasNoRandomThings() {
        try (FakeKemono empty = FakeKemono.builder().seeded(false).build().start();
                KemonoClient k = KemonoClient.builder().baseUrl(empty.baseUrl()).build()) {
            assertThat(k.randomPost()).isEmpty();
            assertThat(k.randomCreator()).isEmpty();
            assertThat(k.fetchRandomPost()).isEmpty();
            assertThat(k.fetchRandomCreator()).isEmpty();
            assertThat(k.async().fetchRandomPost().join()).isEmpty();
        }
    }

    @Test
    void changePasswordKeepsTheSession() {
        KemonoAccount me = alice();
        assertThatThrownBy(() -> me.changePassword("wrong-one", "next-pass", false))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("Current password is incorrect");
        assertThatThrownBy(() -> me.changePassword(FakeKemono.DEMO_PASSWORD, "   ", false))
                .isInstanceOf(InvalidInputException.class);
        me.changePassword(FakeKemono.DEMO_PASSWORD, "next-pass");
        assertThat(me.refresh().username()).isEqualTo("alice");
        me.logout();
        assertThat(kemono.login("alice", "next-pass").username()).isEqualTo("alice");
    }

    @Test
    void aFailedPasswordChangeClosesTheAccountAsPykemosCloseOnFailDoesButKeepsTheStoredSession() {
        KemonoAccount me = alice();
        Session held = me.session();
        assertThatThrownBy(() -> me.changePassword("wrong-one", "next-pass"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(me::refresh).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logged out or closed");
        // Not a logout: Kemono and the store still hold the session, so the user resumes without a login.
        assertThat(store.load(me.storeKey())).contains(held);
        int logins = loginsSeen();
        assertThat(kemono.resumeOrLogin("alice", FakeKemono.DEMO_PASSWORD).refresh().username()).isEqualTo("alice");
        assertThat(loginsSeen()).isEqualTo(logins);

        // Blank input is refused before anything is sent, and closes nothing.
        KemonoAccount again = alice();
        assertThatThrownBy(() -> again.changePassword(" ", "next-pass")).isInstanceOf(InvalidInputException.class);
        assertThat(again.refresh().username()).isEqualTo("alice");
    }

    @Test
    void anAccountIsAutoCloseableAndCloseOnlyForgetsTheSessionHere() {
        Session held;
        try (KemonoAccount me = alice()) {
            held = me.session();
            assertThat(me.favoriteCreators()).isNotNull();
        }
        assertThat(store.load(kemono.storeKey("alice"))).contains(held);
        assertThat(kemono.resumeOrLogin("alice", FakeKemono.DEMO_PASSWORD).session()).isEqualTo(held);
    }

    @Test
    void theAsyncPasswordChangeClosesOnFailureUnlessToldNot() throws Exception {
        KemonoAccount kept = alice();
        assertThat(kept.async().changePassword("wrong-one", "next-pass", false)).failsWithin(5, TimeUnit.SECONDS);
        assertThat(kept.refresh().username()).isEqualTo("alice");
        assertThat(kept.async().changePassword("wrong-one", "next-pass")).failsWithin(5, TimeUnit.SECONDS);
        assertThatThrownBy(kept::refresh).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logoutEndsTheSessionHereInTheStoreAndOnTheServer() {
        KemonoAccount me = alice();
        String key = me.storeKey();
        me.logout();
        assertThat(store.load(key)).isEmpty();
        assertThat(fake.activeSessions()).isZero();
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logged out");
    }

    @Test
    void aRevokedSessionIsUnauthorized() {
        KemonoAccount me = alice();
        fake.reset(); // the server forgets every session
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("HTTP 401 on GET /v1/account/favorites?type=artist: no session");
    }

    @Test
    void reloginOnExpiryRenewsTheSessionOnce() {
        try (KemonoClient relogging = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(store)
                .reloginOnExpiry(true).build()) {
            KemonoAccount me = relogging.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            var before = me.session();
            // End the session on the server only (through another client), as an expiry would.
            kemono.withSessionCookie(before.cookie("session").orElseThrow()).logout();
            assertThat(me.favoriteCreators()).hasSize(2);
            assertThat(me.session()).isNotEqualTo(before);
            assertThat(store.load(me.storeKey())).contains(me.session());
        }
    }

    @Test
    void resumeFromAFileStoreWithoutACall(@TempDir Path dir) {
        SessionStore file = SessionStore.file(dir.resolve("sessions.json"));
        try (KemonoClient first = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(file).build()) {
            first.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
        }
        fake.clearCalls();
        try (KemonoClient second = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(file).build()) {
            KemonoAccount me = second.resume("alice").orElseThrow();
            assertThat(fake.calls()).isEmpty();
            assertThat(me.username()).isEqualTo("alice");
            assertThat(me.role()).isEqualTo(Role.CONSUMER);
            assertThat(me.favoriteCreators()).hasSize(2);
            assertThat(second.resume("bob")).isEmpty();
        }
    }

    @Test
    void withSessionCookieChecksItAndLearnsTheAccount() {
        String cookie = alice().session().cookie("session").orElseThrow();
        KemonoAccount again = kemono.withSessionCookie(cookie);
        assertThat(again.username()).isEqualTo("alice");
        assertThatThrownBy(() -> kemono.withSessionCookie("not-a-session")).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void alreadyLoggedInIsAConflictNamedForIt() {
        String cookie = alice().session().cookie("session").orElseThrow();
        try (KemonoClient withCookie = KemonoClient.builder().baseUrl(fake.baseUrl()).cookie("session", cookie)
                .build()) {
            assertThatThrownBy(() -> withCookie.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD))
                    .isInstanceOf(AlreadyLoggedInException.class).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void roleOnlyPagesAreForbiddenForConsumers() {
        KemonoAccount me = alice();
        assertThatThrownBy(() -> me.request("GET", "/v1/account/moderator/tasks/creator_links", Object.class))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("moderator or administrator");
        KemonoAccount mod = kemono.login(FakeKemono.DEMO_MODERATOR, FakeKemono.DEMO_MODERATOR_PASSWORD);
        assertThat(mod.role()).isEqualTo(Role.MODERATOR);
        assertThat(mod.request("GET", "/v1/account/moderator/tasks/creator_links", List.class)).isEmpty();
    }

    @Test
    void hugeFavoriteListsStream() {
        fake.addBulkFavoriteCreators("alice", 5_000);
        KemonoAccount me = alice();
        try (Stream<FavoriteCreator> s = me.streamFavoriteCreators()) {
            assertThat(s.filter(c -> c.id().startsWith("bulk-")).count()).isEqualTo(5_000);
        }
        assertThat(me.favoriteCreators()).hasSize(5_002);
    }

    @Test
    void everyCallHasAnAsyncTwin() throws Exception {
        KemonoClientAsync async = kemono.async();
        KemonoAccount me = async.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD).get(5, TimeUnit.SECONDS);
        KemonoAccountAsync meAsync = me.async();
        assertThat(meAsync.favoriteCreators().get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(meAsync.favoriteArtists().get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(meAsync.favoritePosts().get(5, TimeUnit.SECONDS)).hasSize(1);
        meAsync.addFavoriteCreator(Service.FANBOX, "49494721").get(5, TimeUnit.SECONDS);
        meAsync.addFavoritePost(Service.FANBOX, "49494721", "1004").get(5, TimeUnit.SECONDS);
        assertThat(me.favoriteCreators()).hasSize(3);
        meAsync.removeFavoriteCreator(Service.FANBOX, "49494721").get(5, TimeUnit.SECONDS);
        meAsync.removeFavoritePost(Service.FANBOX, "49494721", "1004").get(5, TimeUnit.SECONDS);
        assertThat(me.favoritePosts()).hasSize(1);
        assertThat(meAsync.creator(Service.FANBOX, "0").get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(meAsync.refresh().get(5, TimeUnit.SECONDS).username()).isEqualTo("alice");
        assertThat(async.creator(Service.FANBOX, "49494721").get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(async.creator(Service.FANBOX, "0").get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(async.randomPost().get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(async.randomCreator().get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(async.fetchRandomCreator().get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(async.fetchRandomPost().get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(async.post(Service.FANBOX, "6993449", "1001").get(5, TimeUnit.SECONDS)).isPresent();
        meAsync.changePassword(FakeKemono.DEMO_PASSWORD, "next-pass").get(5, TimeUnit.SECONDS);
        meAsync.logout().get(5, TimeUnit.SECONDS);
        assertThat(store.load(me.storeKey())).isEmpty();
        KemonoAccount newbie = async.register("asyncuser", "pw-12345").get(5, TimeUnit.SECONDS);
        assertThat(newbie.username()).isEqualTo("asyncuser");
        assertThatThrownBy(() -> async.login("alice", "wrong-pass").get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(InvalidCredentialsException.class);
        assertThat(async.login(" ", "x")).isCompletedExceptionally();
        assertThat(meAsync.changePassword("", "x")).isCompletedExceptionally();
    }

    @Test
    void asyncCallsFailTheFutureOnBlankInputInsteadOfThrowing() {
        KemonoAccountAsync meAsync = alice().async();
        fake.clearCalls();
        assertThat(meAsync.addFavoriteCreator(Service.FANBOX, " ")).isCompletedExceptionally();
        assertThat(meAsync.removeFavoritePost(Service.FANBOX, "1", "")).isCompletedExceptionally();
        assertThat(meAsync.creator(Service.FANBOX, null)).isCompletedExceptionally();
        assertThat(kemono.async().creator(Service.FANBOX, " ")).isCompletedExceptionally();
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void theAccountEscapeHatchSendsTheSessionAndTheExtraCookies() {
        try (KemonoClient withCookie = KemonoClient.builder().baseUrl(fake.baseUrl()).cookie("__ddg1_", "ddg-value")
                .build()) {
            KemonoAccount me = withCookie.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            assertThat(me.request("GET", "/v1/account", java.util.Map.class)).containsKey("props");
            assertThat(fake.lastCall().header("Cookie").orElseThrow()).startsWith("session=")
                    .contains("__ddg1_=ddg-value");
        }
    }

    @Test
    void coomerAndMirrorsByBaseUrl() {
        try (KemonoClient coomer = KemonoClient.builder().baseUrl(KemonoClient.COOMER_BASE_URL).build()) {
            assertThat(coomer.baseUrl().toString()).isEqualTo("https://coomer.st/api");
        }
        try (KemonoClient def = KemonoClient.builder().build()) {
            assertThat(def.baseUrl().toString()).isEqualTo("https://kemono.cr/api");
            assertThat(def.toString()).contains("kemono.cr");
        }
        assertThatThrownBy(() -> KemonoClient.builder().baseUrl("http://kemono.cr/api"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https");
    }

    @Test
    void perCallOptionsAndTheRawAnswerForClientAndAccountCallsSyncAndAsync() throws Exception {
        dev.latchkey.core.RequestOptions traced = dev.latchkey.core.RequestOptions.builder().header("X-Trace", "t-9")
                .build();
        assertThat(kemono.withRequestOptions(traced).creator(Service.FANBOX, "49494721")).isPresent();
        assertThat(fake.lastCall().headers().get("X-Trace")).isEqualTo("t-9");
        KemonoAccount me = alice();
        me.withRequestOptions(traced).favoritePosts();
        assertThat(fake.lastCall().headers().get("X-Trace")).isEqualTo("t-9");
        me.favoritePosts();
        assertThat(fake.lastCall().headers().get("X-Trace")).isNull();

        var creator = kemono.withResponse(c -> c.creator(Service.FANBOX, "49494721"));
        assertThat(creator.value()).isPresent();
        assertThat(creator.response().orElseThrow().status()).isEqualTo(200);
        var posts = me.withResponse(KemonoAccount::favoritePosts);
        assertThat(posts.response().orElseThrow().headers().get("Content-Type")).startsWith("text/css"); // Kemono's own
        assertThat(kemono.async().withResponse(a -> a.creator(Service.FANBOX, "0")).get(5, TimeUnit.SECONDS)
                .response().orElseThrow().status()).isEqualTo(404);
        assertThat(me.async().withResponse(a -> a.favoritePosts()).get(5, TimeUnit.SECONDS).value()).isNotNull();
        assertThat(kemono.async().withResponse(null)).isCompletedExceptionally();
    }
}
