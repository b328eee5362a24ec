package dev.latchkey.testkit.kemono;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.Http;
import dev.latchkey.testkit.Http.Answer;
import okhttp3.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeKemonoTest {
    static final dev.latchkey.testkit.ManualClock CLOCK = new dev.latchkey.testkit.ManualClock();

    @RegisterExtension
    static FakeKemono kemono = FakeKemono.builder().strictAccept(true).clock(CLOCK).build();

    final Http http = new Http(Headers.of("Accept", "text/css"));
    String api;

    @BeforeEach
    void setUp() {
        api = kemono.baseUrl();
    }

    String login(String user, String password) {
        Answer a = http.post(api + "/v1/authentication/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(a.code()).isEqualTo(200);
        String setCookie = a.header("Set-Cookie");
        assertThat(setCookie).startsWith("session=").contains("HttpOnly").contains("Path=/");
        return setCookie.substring("session=".length(), setCookie.indexOf(';'));
    }

    String[] cookie(String session) {
        return new String[] {"Cookie", "session=" + session};
    }

    @Test
    void baseUrlIsLoopbackWithTheApiPrefix() {
        assertThat(api).matches("http://127\\.0\\.0\\.1:\\d+/api");
    }

    @Test
    void loginSetsTheSessionCookieAndAnswersTheAccountAsTextCss() {
        Answer a = http.post(api + "/v1/authentication/login",
                "{\"username\":\"alice\",\"password\":\"" + FakeKemono.DEMO_PASSWORD + "\"}");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/css");
        JsonNode account = a.json();
        assertThat(account.get("id").isInt()).isTrue();
        assertThat(account.get("username").asText()).isEqualTo("alice");
        assertThat(account.get("role").asText()).isEqualTo("consumer");
        assertThat(account.get("created_at").asText()).as("isoformat(): no fraction when 0")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
    }

    @Test
    void badLoginIs400WithAnErrorEnvelope() {
        Answer a = http.post(api + "/v1/authentication/login", "{\"username\":\"alice\",\"password\":\"wrong\"}");
        assertThat(a.code()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("Username or password is incorrect");
        Answer unknown = http.post(api + "/v1/authentication/login", "{\"username\":\"nobody\",\"password\":\"x\"}");
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo(a.body());
        // row 13: the empty-field texts are register's; a login has only this one (src/lib/account.py:200-219)
        assertThat(http.post(api + "/v1/authentication/login", "{\"username\":\"\",\"password\":\"x\"}").body())
                .isEqualTo(a.body());
        assertThat(http.post(api + "/v1/authentication/login", "{\"username\":\"alice\"}").body())
                .isEqualTo(a.body());
        assertThat(http.post(api + "/v1/authentication/login", "{\"username\":\"ALICE\",\"password\":\""
                + FakeKemono.DEMO_PASSWORD + "\"}").code()).as("names compare as typed").isEqualTo(400);
    }

    @Test
    void row3LoginsAreLimitedTo10PerAccountIn300Seconds() {
        for (int i = 0; i < 9; i++) {
            http.post(api + "/v1/authentication/login", "{\"username\":\"alice\",\"password\":\"wrong\"}");
        }
        String session = login("alice", FakeKemono.DEMO_PASSWORD); // the 10th attempt, counted like the rest
        http.post(api + "/v1/authentication/logout", null, cookie(session));
        Answer limited = http.post(api + "/v1/authentication/login", "{\"username\":\"alice\",\"password\":\""
                + FakeKemono.DEMO_PASSWORD + "\"}");
        assertThat(limited.code()).isEqualTo(400);
        assertThat(limited.json().get("error").asText())
                .isEqualTo("You're doing that too much. Try again in a little bit.");
        assertThat(http.post(api + "/v1/authentication/login", "{\"username\":\"nobody\",\"password\":\"x\"}")
                .json().get("error").asText()).as("unknown names are not counted")
                .isEqualTo("Username or password is incorrect");
        login("mod", FakeKemono.DEMO_MODERATOR_PASSWORD); // per account
        CLOCK.advance(java.time.Duration.ofSeconds(300));
        login("alice", FakeKemono.DEMO_PASSWORD);
    }

    @Test
    void loginWithAValidSessionIs409() {
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        Answer again = http.post(api + "/v1/authentication/login",
                "{\"username\":\"alice\",\"password\":\"" + FakeKemono.DEMO_PASSWORD + "\"}", cookie(session));
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.json().has("error")).isTrue();
    }

    @Test
    void registerThenLogin() {
        Answer r = http.post(api + "/v1/authentication/register", "{\"username\":\"newbie1\",\"password\":\"pw-12345\","
                + "\"confirm_password\":\"pw-12345\",\"favorites_json\":\"\"}");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("true");
        // row 15: registering logs in (blueprint.py:220-221)
        assertThat(r.header("Set-Cookie")).startsWith("session=").doesNotContain("SameSite");
        login("newbie1", "pw-12345");
    }

    @Test
    void row6RegisterFollowsTheSourcesRulesAndNoOthers() {
        assertThat(register("alice", "pw-12345", "pw-12345").json().get("error").asText())
                .isEqualTo("Username already taken");
        assertThat(register("Alice", "pw-12345", "pw-12345").code()).as("names compare as typed").isEqualTo(200);
        Answer mismatch = register("bob12", "pw-12345", "other");
        assertThat(mismatch.code()).isEqualTo(400);
        assertThat(mismatch.json().get("error").asText()).isEqualTo("Passwords do not match");
        assertThat(register("   ", "pw-12345", "pw-12345").json().get("error").asText())
                .isEqualTo("Username cannot be empty");
        assertThat(register("carl", "   ", "   ").json().get("error").asText()).isEqualTo("Password cannot be empty");
        Answer breached = register("dora", "password", "password");
        assertThat(breached.code()).isEqualTo(400);
        assertThat(breached.json().get("error").asText()).startsWith("We've detected that password was compromised");
        // no length or character rule: a short password and a name with a space are accepted
        assertThat(register("b c", "abc", "abc").code()).isEqualTo(200);
        assertThat(register("some-user", "x", "x").code()).isEqualTo(200);
        kemono.passwordValidator(false);
        assertThat(register("erin", "password", "password").code()).isEqualTo(200);
    }

    Answer register(String name, String password, String confirm) {
        return http.post(api + "/v1/authentication/register", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"confirm_password\":\"" + confirm + "\"}");
    }

    @Test
    void accountNeedsTheSession() {
        assertThat(http.get(api + "/v1/account").code()).isEqualTo(401);
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        Answer a = http.get(api + "/v1/account", cookie(session));
        assertThat(a.code()).isEqualTo(200);
        JsonNode props = a.json().get("props");
        assertThat(props.get("currentPage").asText()).isEqualTo("account");
        assertThat(props.get("account").get("username").asText()).isEqualTo("alice");
        assertThat(props.has("notifications_count")).isTrue();
    }

    @Test
    void logoutEndsTheSession() {
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        Answer out = http.post(api + "/v1/authentication/logout", null, cookie(session));
        assertThat(out.code()).isEqualTo(200);
        assertThat(out.body()).isEqualTo("true");
        assertThat(http.get(api + "/v1/account", cookie(session)).code()).isEqualTo(401);
        assertThat(kemono.activeSessions()).isZero();
    }

    @Test
    void changePasswordWithTheDashedFieldNames() {
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        String url = api + "/v1/account/change_password";
        assertThat(http.post(url, "{}").code()).isEqualTo(401);
        Answer wrong = http.post(url, "{\"current-password\":\"nope\",\"new-password\":\"next-pass\","
                + "\"new-password-confirmation\":\"next-pass\"}", cookie(session));
        assertThat(wrong.code()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isEqualTo("Current password is incorrect");
        Answer mismatch = http.post(url, "{\"current-password\":\"" + FakeKemono.DEMO_PASSWORD
                + "\",\"new-password\":\"next-pass\",\"new-password-confirmation\":\"other\"}", cookie(session));
        assertThat(mismatch.code()).isEqualTo(400);
        Answer ok = http.post(url, "{\"current-password\":\"" + FakeKemono.DEMO_PASSWORD
                + "\",\"new-password\":\"next-pass\",\"new-password-confirmation\":\"next-pass\"}", cookie(session));
        assertThat(ok.code()).isEqualTo(200);
        http.post(api + "/v1/authentication/logout", null, cookie(session));
        login("alice", "next-pass");
    }

    @Test
    void favoritesOfCreatorsAndPosts() {
        Answer none = http.get(api + "/v1/account/favorites");
        assertThat(none.code()).isEqualTo(401);
        assertThat(none.body()).as("row 10: return {}, 401").isEqualTo("{}");
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        Answer list = http.get(api + "/v1/account/favorites?type=artist", cookie(session));
        assertThat(list.header("Cache-Control")).isEqualTo("s-maxage=60");
        JsonNode creators = list.json();
        assertThat(creators).hasSize(2);
        JsonNode c = creators.get(0);
        for (String field : new String[] {"faved_seq", "id", "indexed", "last_imported", "name", "public_id",
            "relation_id", "service", "updated"}) {
            assertThat(c.has(field)).as(field).isTrue();
        }
        assertThat(c.get("service").asText()).isEqualTo("fanbox");
        assertThat(http.get(api + "/v1/account/favorites", cookie(session)).json()).hasSize(2); // artist by default
        assertThat(http.get(api + "/v1/account/favorites?type=bogus", cookie(session)).json())
                .as("row 10: any type but post lists creators").hasSize(2);
        JsonNode posts = http.get(api + "/v1/account/favorites?type=post", cookie(session)).json();
        assertThat(posts).hasSize(1);
        for (String field : new String[] {"id", "user", "service", "title", "content", "added", "published",
            "attachments", "file", "faved_seq"}) {
            assertThat(posts.get(0).has(field)).as(field).isTrue();
        }
        assertThat(posts.get(0).has("fav_count")).as("row 1: the source never builds it").isFalse();
        // row 11: a creator without posts shows datetime.min; relation_id is a number today
        http.post(api + "/v1/favorites/creator/fanbox/7777", null, cookie(session));
        JsonNode quiet = http.get(api + "/v1/account/favorites", cookie(session)).json().get(2);
        assertThat(quiet.get("updated").asText()).isEqualTo("0001-01-01T00:00:00");
        assertThat(quiet.get("relation_id").isInt()).isTrue();
    }

    @Test
    void row4AKemono2From2023WritesHttpDates() {
        try (FakeKemono old = FakeKemono.builder().kemono2In2023().build()) {
            old.start();
            Answer a = http.post(old.baseUrl() + "/v1/authentication/login", "{\"username\":\"alice\",\"password\":\""
                    + FakeKemono.DEMO_PASSWORD + "\"}");
            String session = a.header("Set-Cookie").substring(8, a.header("Set-Cookie").indexOf(';'));
            JsonNode fav = http.get(old.baseUrl() + "/v1/account/favorites?type=post", cookie(session)).json().get(0);
            assertThat(fav.get("added").asText()).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:"
                    + "\\d\\d GMT");
            Answer random = http.get(old.baseUrl() + "/v1/posts/random");
            assertThat(random.code()).as("row 9").isEqualTo(302);
            assertThat(random.header("Location")).matches("/\\w+/user/\\w+/post/\\w+");
        }
    }

    @Test
    void addAndRemoveFavorites() {
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        Answer noSession = http.post(api + "/v1/favorites/creator/fanbox/49494721", null);
        assertThat(noSession.code()).isEqualTo(302);
        assertThat(noSession.header("Location")).isEqualTo("/account/login");
        assertThat(http.post(api + "/v1/favorites/creator/fanbox/49494721", null, cookie(session)).code())
                .isEqualTo(200);
        assertThat(http.post(api + "/v1/favorites/creator/fanbox/49494721", null, cookie(session)).code())
                .as("ON CONFLICT DO NOTHING").isEqualTo(200);
        assertThat(http.get(api + "/v1/account/favorites?type=artist", cookie(session)).json()).hasSize(3);
        assertThat(http.delete(api + "/v1/favorites/creator/fanbox/49494721", null, cookie(session)).code())
                .isEqualTo(200);
        assertThat(http.get(api + "/v1/account/favorites?type=artist", cookie(session)).json()).hasSize(2);
        // row 5: no existence check; a favorite of nothing is stored and listed only once it exists
        Answer unknown = http.post(api + "/v1/favorites/creator/fanbox/000", null, cookie(session));
        assertThat(unknown.code()).isEqualTo(200);
        assertThat(unknown.body()).isEmpty();
        assertThat(http.get(api + "/v1/account/favorites?type=artist", cookie(session)).json()).hasSize(2);
        kemono.addCreator("fanbox", "000", "late");
        assertThat(http.get(api + "/v1/account/favorites?type=artist", cookie(session)).json()).hasSize(3);
        assertThat(http.post(api + "/v1/favorites/post/fanbox/49494721/1004", null, cookie(session)).code())
                .isEqualTo(200);
        assertThat(http.get(api + "/v1/account/favorites?type=post", cookie(session)).json()).hasSize(2);
        assertThat(http.delete(api + "/v1/favorites/post/fanbox/49494721/1004", null, cookie(session)).code())
                .isEqualTo(200);
        assertThat(http.post(api + "/v1/favorites/post/fanbox/49494721/9", null, cookie(session)).code())
                .isEqualTo(200);
    }

    @Test
    void creatorProfileAndPosts() {
        JsonNode c = http.get(api + "/v1/fanbox/user/49494721/profile").json();
        assertThat(c.get("name").asText()).isEqualTo("soso");
        assertThat(c.get("post_count").asInt()).isEqualTo(3);
        assertThat(http.get(api + "/v1/fanbox/user/1/profile").code()).isEqualTo(404);
        assertThat(http.get(api + "/v1/nosuchservice/user/49494721/profile").code()).isEqualTo(404);
        JsonNode post = http.get(api + "/v1/fanbox/user/6993449/post/1001").json();
        assertThat(post.get("post").get("id").asText()).isEqualTo("1001");
        assertThat(post.get("post").get("user").asText()).isEqualTo("6993449");
        assertThat(http.get(api + "/v1/fanbox/user/6993449/post/9").code()).isEqualTo(404);
        JsonNode byId = http.get(api + "/v1/fanbox/post/1001").json();
        assertThat(byId.get("artist_id").asText()).isEqualTo("6993449");
    }

    @Test
    void randomPostAndCreatorPointAtRealThings() {
        JsonNode p = http.get(api + "/v1/posts/random").json();
        assertThat(http.get(api + "/v1/" + p.get("service").asText() + "/user/" + p.get("artist_id").asText()
                + "/post/" + p.get("post_id").asText()).code()).isEqualTo(200);
        JsonNode c = http.get(api + "/v1/artists/random").json();
        assertThat(http.get(api + "/v1/" + c.get("service").asText() + "/user/" + c.get("artist_id").asText()
                + "/profile").code()).isEqualTo(200);
    }

    @Test
    void anEmptySiteHasNoRandomPost() {
        try (FakeKemono empty = FakeKemono.builder().seeded(false).build().start()) {
            assertThat(http.get(empty.baseUrl() + "/v1/posts/random").code()).isEqualTo(404);
            assertThat(http.get(empty.baseUrl() + "/v1/artists/random").code()).isEqualTo(404);
        }
    }

    @Test
    void moderatorPagesAre404ForConsumers() {
        String alice = login("alice", FakeKemono.DEMO_PASSWORD);
        assertThat(http.get(api + "/v1/account/moderator/tasks/creator_links", cookie(alice)).code()).isEqualTo(404);
        String mod = login(FakeKemono.DEMO_MODERATOR, FakeKemono.DEMO_MODERATOR_PASSWORD);
        assertThat(http.get(api + "/v1/account/moderator/tasks/creator_links", cookie(mod)).code()).isEqualTo(200);
    }

    @Test
    void strictModeAnswersDdosGuardWithoutAcceptTextCss() {
        Answer a = new Http(Headers.of("Accept", "application/json")).get(api + "/v1/posts/random");
        assertThat(a.code()).isEqualTo(403);
        assertThat(a.header("Server")).isEqualTo("ddos-guard");
        assertThat(a.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(a.body()).hasSize(191).startsWith("If you want to scrape, use \"Accept: text/css\"");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertThat(http.get(api + "/v1/nothing/here").code()).isEqualTo(404);
        assertThat(http.get(api + "/v1/authentication/login").code()).isEqualTo(405);
    }

    @Test
    void bulkFavoritesForLargeListTests() {
        kemono.addBulkFavoriteCreators("alice", 500);
        String session = login("alice", FakeKemono.DEMO_PASSWORD);
        assertThat(http.get(api + "/v1/account/favorites?type=artist", cookie(session)).json()).hasSize(502);
    }

    @Test
    void callsAreRecordedWithSecretsForTests() {
        login("alice", FakeKemono.DEMO_PASSWORD);
        assertThat(kemono.lastCall().path()).isEqualTo("/api/v1/authentication/login");
        assertThat(kemono.lastCall().body()).contains(FakeKemono.DEMO_PASSWORD);
        assertThat(kemono.lastCall().toString()).doesNotContain(FakeKemono.DEMO_PASSWORD);
        assertThat(kemono.lastCall().status()).isEqualTo(200);
    }
}
