package dev.latchkey.testkit.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.Http;
import dev.latchkey.testkit.Http.Answer;
import dev.latchkey.testkit.ManualClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeTmdbTest {
    static final ManualClock clock = new ManualClock();

    @RegisterExtension
    static FakeTmdb tmdb = FakeTmdb.builder().clock(clock).build();

    final Http http = new Http(Headers.of());

    String url(String pathAndQuery) {
        return tmdb.baseUrl() + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "api_key=" + FakeTmdb.API_KEY;
    }

    static void assertError(Answer a, int http, int code) {
        assertThat(a.code()).as(a.body()).isEqualTo(http);
        JsonNode n = a.json();
        assertThat(n.get("success").asBoolean()).isFalse();
        assertThat(n.get("status_code").asInt()).isEqualTo(code);
        assertThat(n.get("status_message").asText()).isEqualTo(TmdbCodes.message(code));
    }

    String requestToken() {
        Answer a = http.get(url("/3/authentication/token/new"));
        assertThat(a.code()).isEqualTo(200);
        return a.json().get("request_token").asText();
    }

    String session() {
        String token = requestToken();
        tmdb.approveRequestToken(token, FakeTmdb.DEMO_USER);
        return http.post(url("/3/authentication/session/new"), "{\"request_token\":\"" + token + "\"}").json()
                .get("session_id").asText();
    }

    @Test
    void apiKeyOrBearerIsRequiredEverywhere() {
        assertError(http.get(tmdb.baseUrl() + "/3/authentication"), 401, 7);
        assertError(http.get(tmdb.baseUrl() + "/3/authentication?api_key=wrong"), 401, 7);
        Answer ok = http.get(url("/3/authentication"));
        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.json().get("status_code").asInt()).isEqualTo(1);
        assertThat(http.get(tmdb.baseUrl() + "/3/authentication", "Authorization", "Bearer "
                + tmdb.readAccessToken()).code()).isEqualTo(200);
        assertError(http.get(tmdb.baseUrl() + "/3/authentication", "Authorization", "Bearer " + FakeTmdb.API_KEY),
                401, 7);
    }

    @Test
    void requestTokenExpiresInAnHourInTmdbsDateFormat() {
        Answer a = http.get(url("/3/authentication/token/new"));
        JsonNode n = a.json();
        assertThat(n.get("success").asBoolean()).isTrue();
        assertThat(n.get("request_token").asText()).matches("[0-9a-f]{40}");
        LocalDateTime expires = LocalDateTime.parse(n.get("expires_at").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"));
        assertThat(expires).isEqualTo(LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)),
                java.time.ZoneOffset.UTC).withNano(0));
    }

    @Test
    void validateWithLoginApprovesTheToken() {
        String token = requestToken();
        Answer a = http.post(url("/3/authentication/token/validate_with_login"), "{\"username\":\"alice\","
                + "\"password\":\"" + FakeTmdb.DEMO_PASSWORD + "\",\"request_token\":\"" + token + "\"}");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.json().get("request_token").asText()).isEqualTo(token);
        Answer s = http.post(url("/3/authentication/session/new"), "{\"request_token\":\"" + token + "\"}");
        assertThat(s.code()).isEqualTo(200);
        assertThat(s.json().get("session_id").asText()).matches("[0-9a-f]{40}");
    }

    @Test
    void validateWithLoginErrors() {
        String token = requestToken();
        String path = url("/3/authentication/token/validate_with_login");
        assertError(http.post(path, "{\"request_token\":\"" + token + "\"}"), 400, 26);
        assertError(http.post(path, "{\"username\":\"alice\",\"password\":\"wrong\",\"request_token\":\"" + token
                + "\"}"), 401, 30);
        assertError(http.post(path, "{\"username\":\"carol\",\"password\":\"carol-demo-pass\",\"request_token\":\""
                + token + "\"}"), 401, 32);
        assertError(http.post(path, "{\"username\":\"alice\",\"password\":\"x\",\"request_token\":\"nope\"}"),
                401, 33);
        clock.advance(Duration.ofMinutes(61));
        assertError(http.post(path, "{\"username\":\"alice\",\"password\":\"" + FakeTmdb.DEMO_PASSWORD
                + "\",\"request_token\":\"" + token + "\"}"), 401, 33);
    }

    @Test
    void sessionNeedsAnApprovedUnusedToken() {
        String path = url("/3/authentication/session/new");
        String token = requestToken();
        assertError(http.post(path, "{\"request_token\":\"" + token + "\"}"), 401, 17);
        tmdb.approveRequestToken(token, "alice");
        assertThat(http.post(path, "{\"request_token\":\"" + token + "\"}").code()).isEqualTo(200);
        assertError(http.post(path, "{\"request_token\":\"" + token + "\"}"), 401, 33); // used
        String denied = requestToken();
        tmdb.denyRequestToken(denied);
        assertError(http.post(path, "{\"request_token\":\"" + denied + "\"}"), 401, 17);
        assertError(http.post(path, "{}"), 401, 33);
    }

    @Test
    void unapprovedCanBeConfiguredAs422Code41() {
        try (FakeTmdb strict = FakeTmdb.builder().unapprovedTokenIs422(true).build().start()) {
            String token = http.get(strict.baseUrl() + "/3/authentication/token/new?api_key=" + FakeTmdb.API_KEY)
                    .json().get("request_token").asText();
            assertError(http.post(strict.baseUrl() + "/3/authentication/session/new?api_key=" + FakeTmdb.API_KEY,
                    "{\"request_token\":\"" + token + "\"}"), 422, 41);
        }
    }

    @Test
    void approvalOverHttpForSandboxes() {
        String token = requestToken();
        assertThat(http.post(tmdb.baseUrl() + "/_testkit/approve", "{\"request_token\":\"" + token
                + "\",\"username\":\"alice\"}").code()).isEqualTo(201);
        assertThat(http.post(url("/3/authentication/session/new"), "{\"request_token\":\"" + token + "\"}").code())
                .isEqualTo(200);
    }

    @Test
    void guestSessionsRateAndVanishIfUnusedFor24Hours() {
        JsonNode g = http.get(url("/3/authentication/guest_session/new")).json();
        String id = g.get("guest_session_id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(g.get("expires_at").asText()).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .format(LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(24)), java.time.ZoneOffset.UTC)));
        Answer rated = http.post(url("/3/movie/550/rating?guest_session_id=" + id), "{\"value\":7.0}");
        assertThat(rated.code()).isEqualTo(201);
        JsonNode list = http.get(url("/3/guest_session/" + id + "/rated/movies")).json();
        assertThat(list.get("results").get(0).get("rating").asDouble()).isEqualTo(7.0);
        clock.advance(Duration.ofHours(30));
        assertThat(http.get(url("/3/guest_session/" + id + "/rated/movies")).code()).isEqualTo(200); // used: kept

        String unused = http.get(url("/3/authentication/guest_session/new")).json().get("guest_session_id").asText();
        clock.advance(Duration.ofHours(24));
        assertError(http.post(url("/3/movie/550/rating?guest_session_id=" + unused), "{\"value\":7.0}"), 401, 3);
    }

    @Test
    void deleteSessionTakesTheIdInAJsonBody() {
        String session = session();
        assertThat(tmdb.activeSessions()).isEqualTo(1);
        Answer a = http.delete(url("/3/authentication/session"), "{\"session_id\":\"" + session + "\"}");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.json().get("success").asBoolean()).isTrue();
        assertError(http.get(url("/3/account?session_id=" + session)), 401, 3);
        assertError(http.delete(url("/3/authentication/session"), "{\"session_id\":\"" + session + "\"}"), 404, 37);
        assertError(http.delete(url("/3/authentication/session"), null), 422, 5);
    }

    @Test
    void v4RequestTokenAccessTokenConvertAndLogout() {
        String bearer = "Bearer " + tmdb.readAccessToken();
        Answer rt = http.post(tmdb.baseUrl() + "/4/auth/request_token", "{\"redirect_to\":\"myapp://cb\"}",
                "Authorization", bearer);
        assertThat(rt.code()).isEqualTo(200);
        String requestToken = rt.json().get("request_token").asText();
        assertThat(requestToken.split("\\.")).hasSize(3);
        assertThat(rt.json().get("status_code").asInt()).isEqualTo(1);
        assertError(http.post(tmdb.baseUrl() + "/4/auth/access_token", "{\"request_token\":\"" + requestToken + "\"}",
                "Authorization", bearer), 422, 41);
        tmdb.approveV4RequestToken(requestToken, "alice");
        Answer at = http.post(tmdb.baseUrl() + "/4/auth/access_token", "{\"request_token\":\"" + requestToken
                + "\"}", "Authorization", bearer);
        assertThat(at.code()).isEqualTo(200);
        String access = at.json().get("access_token").asText();
        assertThat(at.json().get("account_id").asText()).isEqualTo(tmdb.accountObjectId("alice")).hasSize(24);
        assertError(http.post(tmdb.baseUrl() + "/4/auth/access_token", "{\"request_token\":\"" + requestToken
                + "\"}", "Authorization", bearer), 401, 33); // single use
        Answer conv = http.post(url("/3/authentication/session/convert/4"), "{\"access_token\":\"" + access + "\"}");
        assertThat(conv.code()).isEqualTo(200);
        String session = conv.json().get("session_id").asText();
        assertThat(http.get(url("/3/account?session_id=" + session)).json().get("username").asText())
                .isEqualTo("alice");
        Answer out = http.delete(tmdb.baseUrl() + "/4/auth/access_token", "{\"access_token\":\"" + access + "\"}",
                "Authorization", bearer);
        assertThat(out.code()).isEqualTo(200);
        assertError(http.post(url("/3/authentication/session/convert/4"), "{\"access_token\":\"" + access + "\"}"),
                401, 35);
        assertError(http.post(tmdb.baseUrl() + "/4/auth/request_token?api_key=" + FakeTmdb.API_KEY, "{}"), 401, 7);
    }

    @Test
    void v4RequestTokensExpireAfter15Minutes() {
        String bearer = "Bearer " + tmdb.readAccessToken();
        String requestToken = http.post(tmdb.baseUrl() + "/4/auth/request_token", "{}", "Authorization", bearer)
                .json().get("request_token").asText();
        tmdb.approveV4RequestToken(requestToken, "alice");
        clock.advance(Duration.ofMinutes(15));
        assertError(http.post(tmdb.baseUrl() + "/4/auth/access_token", "{\"request_token\":\"" + requestToken
                + "\"}", "Authorization", bearer), 401, 33);
    }

    @Test
    void accountDetailsNeedASessionOfThatAccount() {
        String session = session();
        int id = tmdb.accountId("alice");
        JsonNode a = http.get(url("/3/account/" + id + "?session_id=" + session)).json();
        assertThat(a.get("id").asInt()).isEqualTo(id);
        assertThat(a.get("username").asText()).isEqualTo("alice");
        assertThat(a.has("avatar")).isTrue();
        assertThat(a.has("iso_639_1")).isTrue();
        assertError(http.get(url("/3/account/" + id)), 401, 3);
        assertError(http.get(url("/3/account/" + (id + 1) + "?session_id=" + session)), 401, 3);
    }

    @Test
    void favoriteMoviesArePagedByTwenty() {
        String session = session();
        int id = tmdb.accountId("alice");
        JsonNode p1 = http.get(url("/3/account/" + id + "/favorite/movies?session_id=" + session)).json();
        assertThat(p1.get("page").asInt()).isEqualTo(1);
        assertThat(p1.get("results")).hasSize(20);
        assertThat(p1.get("total_results").asInt()).isEqualTo(FakeTmdb.DEMO_FAVORITE_MOVIES);
        assertThat(p1.get("total_pages").asInt()).isEqualTo(3);
        JsonNode first = p1.get("results").get(0);
        for (String f : new String[] {"adult", "backdrop_path", "genre_ids", "id", "original_language",
            "original_title", "overview", "popularity", "poster_path", "release_date", "title", "video",
            "vote_average", "vote_count"}) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        JsonNode p3 = http.get(url("/3/account/" + id + "/favorite/movies?page=3&session_id=" + session)).json();
        assertThat(p3.get("results")).hasSize(5);
        JsonNode desc = http.get(url("/3/account/" + id + "/favorite/movies?sort_by=created_at.desc&session_id="
                + session)).json();
        assertThat(desc.get("results").get(0).get("id").asInt()).isEqualTo(p3.get("results").get(4).get("id").asInt());
        JsonNode tv = http.get(url("/3/account/" + id + "/favorite/tv?session_id=" + session)).json();
        assertThat(tv.get("results").get(0).has("first_air_date")).isTrue();
        assertThat(tv.get("results").get(0).has("origin_country")).isTrue();
    }

    @Test
    void pagesOutOfRange() {
        String session = session();
        int id = tmdb.accountId("alice");
        Answer past = http.get(url("/3/account/" + id + "/favorite/movies?page=501&session_id=" + session));
        assertThat(past.code()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).asText()).isEqualTo("page must be less than or equal to 500");
        assertError(http.get(url("/3/account/" + id + "/favorite/movies?page=0&session_id=" + session)), 400, 22);
        assertError(http.get(url("/3/account/" + id + "/favorite/movies?page=x&session_id=" + session)), 400, 22);
        JsonNode empty = http.get(url("/3/account/" + id + "/favorite/movies?page=9&session_id=" + session)).json();
        assertThat(empty.get("results")).isEmpty();
    }

    @Test
    void markFavoriteAndWatchlistAnswerCreatedUpdatedDeleted() {
        String session = session();
        int id = tmdb.accountId("alice");
        String fav = url("/3/account/" + id + "/favorite?session_id=" + session);
        Answer add = http.post(fav, "{\"media_type\":\"tv\",\"media_id\":66732,\"favorite\":true}");
        assertThat(add.code()).isEqualTo(201);
        assertThat(add.json().get("status_code").asInt()).isEqualTo(1);
        Answer again = http.post(fav, "{\"media_type\":\"tv\",\"media_id\":66732,\"favorite\":true}");
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.json().get("status_code").asInt()).isEqualTo(12);
        Answer remove = http.post(fav, "{\"media_type\":\"tv\",\"media_id\":66732,\"favorite\":false}");
        assertThat(remove.code()).isEqualTo(200);
        assertThat(remove.json().get("status_code").asInt()).isEqualTo(13);
        assertError(http.post(fav, "{\"media_type\":\"movie\",\"media_id\":1,\"favorite\":true}"), 404, 34);
        assertError(http.post(fav, "{\"media_type\":\"book\",\"media_id\":550,\"favorite\":true}"), 400, 18);
        assertError(http.post(fav, "{\"media_type\":\"movie\",\"favorite\":true}"), 400, 18);
        String watch = url("/3/account/" + id + "/watchlist?session_id=" + session);
        assertThat(http.post(watch, "{\"media_type\":\"movie\",\"media_id\":11,\"watchlist\":true}").code())
                .isEqualTo(201);
        JsonNode list = http.get(url("/3/account/" + id + "/watchlist/movies?session_id=" + session)).json();
        assertThat(list.get("results")).extracting(n -> n.get("id").asInt()).containsExactly(603, 11);
        assertError(http.post(url("/3/account/" + id + "/favorite"), "{}"), 401, 3);
    }

    @Test
    void ratingsAreValidatedLikeTmdb() {
        String session = session();
        String rate = url("/3/movie/13/rating?session_id=" + session);
        Answer low = http.post(rate, "{\"value\":0}");
        assertThat(low.code()).isEqualTo(400);
        assertThat(low.json().get("status_code").asInt()).isEqualTo(18);
        assertThat(http.post(rate, "{\"value\":0}").json().get("status_message").asText())
                .isEqualTo("Value too low: Value must be greater than 0.0.");
        assertThat(http.post(rate, "{\"value\":10.5}").json().get("status_message").asText())
                .isEqualTo("Value too high: Value must be less than, or equal to 10.0.");
        assertThat(http.post(rate, "{\"value\":7.2}").json().get("status_message").asText())
                .isEqualTo("Value invalid: Values must be a multiple of 0.50.");
        Answer first = http.post(rate, "{\"value\":8.5}");
        assertThat(first.code()).isEqualTo(201);
        assertThat(first.json().get("status_code").asInt()).isEqualTo(1);
        assertThat(http.post(rate, "{\"value\":9}").json().get("status_code").asInt()).isEqualTo(12);
        JsonNode states = http.get(url("/3/movie/13/account_states?session_id=" + session)).json();
        assertThat(states.get("rated").get("value").asDouble()).isEqualTo(9.0);
        Answer deleted = http.delete(url("/3/movie/13/rating?session_id=" + session), null);
        assertThat(deleted.code()).isEqualTo(200);
        assertThat(deleted.json().get("status_code").asInt()).isEqualTo(13);
        assertError(http.delete(url("/3/movie/13/rating?session_id=" + session), null), 404, 34);
        assertThat(http.get(url("/3/movie/13/account_states?session_id=" + session)).json().get("rated").asBoolean())
                .isFalse();
        assertError(http.post(url("/3/movie/1/rating?session_id=" + session), "{\"value\":5}"), 404, 34);
        assertError(http.post(url("/3/movie/13/rating"), "{\"value\":5}"), 401, 3);
        assertThat(http.post(url("/3/tv/1399/rating?session_id=" + session), "{\"value\":6.5}").code()).isEqualTo(201);
    }

    @Test
    void ratedListsCarryTheRating() {
        String session = session();
        int id = tmdb.accountId("alice");
        JsonNode movies = http.get(url("/3/account/" + id + "/rated/movies?session_id=" + session)).json();
        assertThat(movies.get("results")).extracting(n -> n.get("rating").asDouble()).containsExactly(8.5, 9.0);
        JsonNode tv = http.get(url("/3/account/" + id + "/rated/tv?session_id=" + session)).json();
        assertThat(tv.get("results").get(0).get("rating").asDouble()).isEqualTo(10.0);
    }

    @Test
    void aConfiguredRateLimitAnswers429WithCode25() {
        try (FakeTmdb limited = FakeTmdb.builder().clock(clock).rateLimitPerSecond(2).build().start()) {
            String u = limited.baseUrl() + "/3/authentication?api_key=" + FakeTmdb.API_KEY;
            assertThat(http.get(u).code()).isEqualTo(200);
            assertThat(http.get(u).code()).isEqualTo(200);
            Answer limitedAnswer = http.get(u);
            assertThat(limitedAnswer.code()).isEqualTo(429);
            assertThat(limitedAnswer.header("Retry-After")).isEqualTo("1");
            assertThat(limitedAnswer.json().get("status_code").asInt()).isEqualTo(25);
            clock.advance(Duration.ofSeconds(1));
            assertThat(http.get(u).code()).isEqualTo(200);
        }
    }

    @Test
    void unknownResourcesAre404Code34() {
        assertError(http.get(url("/3/movie/1")), 404, 34);
        assertThat(http.get(url("/3/movie/550")).json().get("title").asText()).isEqualTo("Fight Club");
        assertError(http.get(url("/3/nothing")), 404, 34);
    }

    @Test
    void everyDocumentedCodeHasAStatusAndMessage() {
        assertThat(TmdbCodes.codes()).hasSize(47);
        assertThat(TmdbCodes.httpStatus(25)).isEqualTo(429);
        assertThat(TmdbCodes.httpStatus(34)).isEqualTo(404);
        assertThat(TmdbCodes.message(30)).startsWith("Invalid username and/or password");
    }
}
