package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.UnexpectedStatusException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.core.testing.LoopbackServers;
import dev.latchkey.kemono.internal.KemonoErrors;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against what Kemono really does, one test per row of the research table
 * ({@code shared/research/real-servers/kemono.md}; the README's "Against the real server" lists each row with its test
 * or decision). The fake follows Kemono2's newest public source (KaneTW/Kemono2 @ 2cf7a32) where the JSON API reuses
 * it; answers no fake gives are scripted as the cited source or live client builds them.
 */
class ResearchRowsTest {
    static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static FakeKemono fake = FakeKemono.builder().strictAccept(true).clock(CLOCK).build();

    final SessionStore store = SessionStore.inMemory();
    KemonoClient kemono;

    @BeforeEach
    void client() {
        kemono = KemonoClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).build();
    }

    @AfterEach
    void close() {
        kemono.close();
    }

    KemonoAccount alice() {
        return kemono.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
    }

    static MockResponse css(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/css; charset=utf-8").body(body)
                .build();
    }

    @Test
    void row1FavoritePostsWithoutAFavoriteCountAreRead() {
        List<FavoritePost> posts = alice().favoritePosts();
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.favCount()).isEmpty();
            assertThat(p.post().id()).isEqualTo("1001");
        });
    }

    @Test
    void row2AProfileWithoutAPostCountIsRead() throws Exception {
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(css(200, "{\"id\":\"49494721\",\"name\":\"soso\",\"service\":\"fanbox\",\"indexed\":"
                    + "\"2021-04-02T23:50:57.138135\",\"updated\":\"2025-08-01T00:00:00\",\"public_id\":\"soso\","
                    + "\"relation_id\":null}"));
            site.enqueue(css(200, "{\"id\":\"49494721\",\"name\":\"soso\",\"service\":\"fanbox\",\"post_count\":null}"));
            site.start();
            try (KemonoClient k = KemonoClient.builder().baseUrl(site.url("/api").toString()).build()) {
                assertThat(k.creator(Service.FANBOX, "49494721")).hasValueSatisfying(c -> {
                    assertThat(c.postCount()).isEmpty();
                    assertThat(c.updated()).contains(LocalDateTime.of(2025, 8, 1, 0, 0));
                });
                assertThat(k.creator(Service.FANBOX, "49494721").map(Creator::postCount)).contains(
                        java.util.OptionalInt.empty());
            }
        }
    }

    @Test
    void row3TheLoginLimitIsARateLimitNotAWrongPassword() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> kemono.login("alice", "not-alices-pw"))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        assertThatThrownBy(this::alice).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.getMessage()).contains("You're doing that too much. Try again in a little bit.")
                    .contains("this is not a wrong password");
            assertThat(e.retryAfter()).as("\"in a little bit\" names no wait").isEmpty();
        });
        assertThat(store.load(kemono.storeKey("alice"))).isEmpty();
        CLOCK.advance(Duration.ofSeconds(300));
        assertThat(alice().username()).isEqualTo("alice");
        // a wait the text or a header names is kept
        ErrorResponse r = ErrorResponse.of(400, "POST", "/v1/authentication/login", Headers.of(),
                "{\"error\":\"You're doing that too much. Try again in 2 minutes.\"}", null, null,
                UnaryOperator.identity());
        LatchkeyException e = KemonoClient.SPEC.mapError(KemonoErrors.LOGIN, r);
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                x -> assertThat(x.retryAfter()).contains(Duration.ofMinutes(2)));
    }

    @Test
    void row4DatesInEveryFormAKemonoWroteAreRead() throws Exception {
        try (FakeKemono old = FakeKemono.builder().kemono2In2023().build().start();
                KemonoClient k = KemonoClient.builder().baseUrl(old.baseUrl()).build()) {
            KemonoAccount me = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            assertThat(me.favoritePosts()).singleElement().satisfies(p -> assertThat(p.post().added()).isNotNull());
            assertThat(me.favoriteCreators()).hasSize(2).allSatisfy(c -> assertThat(c.indexed()).isPresent());
        }
        // a Kemono-based site's Unix seconds, and one odd date among them: the list is whole
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(css(200, "{\"id\":1,\"username\":\"alice\",\"created_at\":\"2024-01-01T00:00:00\","
                    + "\"role\":\"consumer\"}").newBuilder().setHeader("Set-Cookie", "session=abc; Path=/").build());
            site.enqueue(css(200, "[{\"id\":\"1\",\"service\":\"fanbox\",\"name\":\"a\",\"faved_seq\":1,\"indexed\":"
                    + "1617407457,\"updated\":\"Fri, 02 Apr 2021 23:50:57 GMT\"},{\"id\":\"2\",\"service\":\"fanbox\","
                    + "\"name\":\"b\",\"faved_seq\":2,\"indexed\":\"last tuesday\",\"updated\":null}]"));
            site.start();
            try (KemonoClient k = KemonoClient.builder().baseUrl(site.url("/api").toString()).build()) {
                List<FavoriteCreator> list = k.login("alice", "pw").favoriteCreators();
                LocalDateTime t = LocalDateTime.of(2021, 4, 2, 23, 50, 57);
                assertThat(list).hasSize(2);
                assertThat(list.get(0).indexed()).contains(t);
                assertThat(list.get(0).updated()).contains(t);
                assertThat(list.get(1).indexed()).isEmpty();
            }
        }
    }

    @Test
    void row5AFavoriteOfAnUnknownCreatorIsNoError() {
        KemonoAccount me = alice();
        me.addFavoriteCreator(Service.FANBOX, "does-not-exist");
        me.addFavoritePost(Service.FANBOX, "49494721", "does-not-exist");
        me.removeFavoriteCreator(Service.FANBOX, "does-not-exist");
        assertThat(me.favoriteCreators()).hasSize(2);
    }

    @Test
    void row6RegistrationRefusesABreachedPasswordAndNothingElseTheSourceDoesNot() {
        assertThatThrownBy(() -> kemono.register("bob", "password")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.failedRules())
                        .containsExactly(ValidationException.PASSWORD_POLICY));
        assertThat(kemono.register("bob smith", "abcd").username()).isEqualTo("bob smith");
    }

    @Test
    void row9ARandomPostFromA2023Kemono2IsAClearUnexpectedStatus() {
        try (FakeKemono old = FakeKemono.builder().kemono2In2023().build().start();
                KemonoClient k = KemonoClient.builder().baseUrl(old.baseUrl()).build()) {
            assertThatThrownBy(k::randomPost).isInstanceOfSatisfying(UnexpectedStatusException.class,
                    e -> assertThat(e.getMessage()).contains("HTTP 302").contains("Redirecting"));
        }
    }

    @Test
    void row10FavoritesWithoutASessionAreUnauthorized() {
        KemonoAccount me = alice();
        fake.revokeSessions();
        assertThatThrownBy(me::favoriteCreators).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void row11ACreatorWithoutPostsAndANumericRelationIdAreRead() {
        KemonoAccount me = alice();
        me.addFavoriteCreator(Service.FANBOX, "7777");
        FavoriteCreator quiet = me.favoriteCreators().get(2);
        assertThat(quiet.updated()).contains(LocalDateTime.of(1, 1, 1, 0, 0));
        assertThat(quiet.relationId()).contains("91");
    }

    @Test
    void row12ALoginAnswerWithoutAFractionOrARoleIsRead() throws Exception {
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(css(200, "{\"id\":7,\"username\":\"alice\",\"created_at\":\"2024-01-01T10:00:00\","
                    + "\"role\":null}").newBuilder().setHeader("Set-Cookie", "session=abc; Path=/").build());
            site.start();
            try (KemonoClient k = KemonoClient.builder().baseUrl(site.url("/api").toString()).build()) {
                KemonoAccount a = k.login("alice", "pw");
                assertThat(a.createdAt()).contains(LocalDateTime.of(2024, 1, 1, 10, 0));
                assertThat(a.role().value()).isEqualTo("consumer");
            }
        }
    }

    @Test
    void row13AnUnknownNameAndAWrongPasswordReadTheSame() {
        assertThatThrownBy(() -> kemono.login("nobody", "x")).isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("Username or password is incorrect");
    }

    @Test
    void row14AnAccountPageRedirectToTheLoginIsUnauthorized() throws Exception {
        try (MockWebServer site = LoopbackServers.newServer()) {
            site.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/account/login").build());
            site.start();
            try (KemonoClient k = KemonoClient.builder().baseUrl(site.url("/api").toString()).build()) {
                assertThatThrownBy(() -> k.withSessionCookie("stale")).isInstanceOf(UnauthorizedException.class);
            }
        }
    }

    @Test
    void row15RegisteringUsesTheSessionItSetsInsteadOfASecondLogin() {
        fake.clearCalls();
        KemonoAccount me = kemono.register("newbie", "newbie-pass");
        assertThat(me.username()).isEqualTo("newbie");
        assertThat(fake.calls()).extracting(c -> c.target().replaceAll("\\?.*", ""))
                .containsExactly("/api/v1/authentication/register", "/api/v1/account");
    }

    @Test
    void row16EitherWrongPasswordTextIsInvalidCredentials() {
        for (String text : List.of("Current password is incorrect", "Password is incorrect")) {
            ErrorResponse r = ErrorResponse.of(400, "POST", "/v1/account/change_password", Headers.of(),
                    "{\"error\":\"" + text + "\"}", null, null, UnaryOperator.identity());
            assertThat(KemonoClient.SPEC.mapError(KemonoErrors.CHANGE_PASSWORD, r))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
    }
}
