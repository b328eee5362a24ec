package dev.latchkey.testkit.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.Http;
import dev.latchkey.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Eternaltwin fake against the server's source (eternaltwin/etwin @ 1241847; v0.4.0 as run for real, research
 * real-servers/eternaltwin.md), with raw HTTP (no client module).
 */
class FakeEternaltwinTest {
    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().clock(CLOCK).build();

    final Http http = new Http(Headers.of());

    private String authorizeUrl(String state, String... extra) {
        HttpUrl.Builder b = HttpUrl.get(fake.baseUrl() + "/oauth/authorize").newBuilder()
                .addQueryParameter("response_type", "code").addQueryParameter("access_type", "offline")
                .addQueryParameter("client_id", FakeEternaltwin.DEMO_CLIENT).addQueryParameter("scope", "base")
                .addQueryParameter("state", state).addQueryParameter("redirect_uri", FakeEternaltwin.DEMO_CALLBACK);
        for (int i = 0; i < extra.length; i += 2) {
            b.setQueryParameter(extra[i], extra[i + 1]);
        }
        return b.build().toString();
    }

    private static String basic(String id, String secret) {
        // Raw "id:secret", as the real server reads it: no percent-encoding of the '@'.
        return "Basic " + Base64.getEncoder().encodeToString((id + ':' + secret).getBytes(StandardCharsets.UTF_8));
    }

    private Http.Answer exchange(String code, String authorization) {
        return http.post(fake.baseUrl() + "/oauth/token", "{\"grant_type\":\"authorization_code\",\"code\":\"" + code
                + "\"}", "Authorization", authorization);
    }

    private String code(String callback) {
        return HttpUrl.get(callback).queryParameter("code");
    }

    @Test
    void theWholeFlowAuthorizeExchangeSelfUserSearchAndCount() {
        String callback = fake.authorize(authorizeUrl("st4te"), FakeEternaltwin.DEMO_USER);
        HttpUrl back = HttpUrl.get(callback);
        assertThat(back.toString()).startsWith(FakeEternaltwin.DEMO_CALLBACK + "?code=");
        assertThat(back.queryParameter("state")).isEqualTo("st4te");
        assertThat(back.queryParameter("code")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"); // a JWT, as the real one
        Http.Answer token = exchange(back.queryParameter("code"), basic(FakeEternaltwin.DEMO_CLIENT,
                FakeEternaltwin.DEMO_CLIENT_SECRET));
        assertThat(token.code()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(1_000_000_000L);
        assertThat(token.json().has("refresh_token")).isFalse();
        String access = token.json().get("access_token").asText();
        JsonNode self = http.get(fake.baseUrl() + "/api/v1/auth/self", "Authorization", "Bearer " + access).json();
        assertThat(self.get("type").asText()).isEqualTo("AccessToken");
        assertThat(self.at("/client/key").asText()).isEqualTo(FakeEternaltwin.DEMO_CLIENT);
        assertThat(self.at("/user/display_name/current/value").asText()).isEqualTo("Alice");
        String id = self.at("/user/id").asText();
        assertThat(id).isEqualTo(fake.userId(FakeEternaltwin.DEMO_USER));
        JsonNode user = http.get(fake.baseUrl() + "/api/v1/users/" + id).json();
        assertThat(user.fieldNames()).toIterable().containsExactly("type", "id", "created_at", "display_name",
                "is_administrator", "links");
        assertThat(user.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(user.at("/display_name/current/end").isNull()).isTrue();
        assertThat(user.at("/display_name/current/start/user/id").asText()).isEqualTo(id);
        assertThat(user.at("/display_name/old")).isEmpty();
        assertThat(user.get("links").fieldNames()).toIterable().containsExactly("dinoparc_com", "en_dinoparc_com",
                "hammerfest_es", "hammerfest_fr", "hfest_net", "sp_dinoparc_com", "twinoid");
        assertThat(user.get("is_administrator").asBoolean()).isFalse();
        // F4: no readable server has the search: 405, text, Allow: POST
        Http.Answer search = http.get(fake.baseUrl() + "/api/v1/users?q=USER&limit=1&offset=1");
        assertThat(search.code()).isEqualTo(405);
        assertThat(search.header("Allow")).isEqualTo("POST");
        assertThat(search.body()).isEqualTo("Method Not Allowed");
    }

    @Test
    void todaysServerSearchesAndCounts() {
        try (FakeEternaltwin today = FakeEternaltwin.builder().asGitlabMaster2026().build()) {
            today.start();
            JsonNode found = http.get(today.baseUrl() + "/api/v1/users?q=USER&limit=1&offset=1").json();
            assertThat(found.get("count").asInt()).isEqualTo(2);
            assertThat(found.get("items")).hasSize(1);
            assertThat(found.at("/items/0/display_name/current/value").asText()).isEqualTo("user2");
            JsonNode count = http.get(today.baseUrl() + "/api/v1/users?q=user&limit=0").json();
            assertThat(count.get("count").asInt()).isEqualTo(2);
            assertThat(count.get("items")).isEmpty();
            assertThat(http.get(today.baseUrl() + "/api/v1/users?limit=101").json().get("error").asText())
                    .isEqualTo("InvalidLimit");
            assertThat(http.get(today.baseUrl() + "/api/v1/users?offset=-1").json().get("error").asText())
                    .isEqualTo("InvalidOffset");
            assertThat(http.get(today.baseUrl() + "/api/v1/users?q=").json().get("count").asInt()).isEqualTo(5);
        }
    }

    /** A bare Koa 500: what every token-endpoint and authorization error but an expired code gets (F2). */
    static void bare500(Http.Answer a) {
        assertThat(a.code()).isEqualTo(500);
        assertThat(a.header("Content-Type")).startsWith("text/plain");
        assertThat(a.body()).isEqualTo("Internal Server Error");
    }

    @Test
    void aCodeIsCheckedStatelesslyExpiresAndBelongsToItsClient() {
        String auth = basic(FakeEternaltwin.DEMO_CLIENT, FakeEternaltwin.DEMO_CLIENT_SECRET);
        String code = code(fake.authorize(authorizeUrl("s"), FakeEternaltwin.DEMO_USER));
        assertThat(exchange(code, auth).code()).isEqualTo(200);
        // F3: no record of used codes (crates/services/src/auth.rs:355-391): a second token
        Http.Answer again = exchange(code, auth);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.json().fieldNames()).toIterable().containsExactly("access_token", "expires_in", "token_type");

        String late = code(fake.authorize(authorizeUrl("s"), FakeEternaltwin.DEMO_USER));
        CLOCK.advance(Duration.ofMinutes(10));
        Http.Answer expired = exchange(late, auth);
        assertThat(expired.code()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"error\":\"Unauthorized\",\"cause\":\"CodeExpiredError\"}");

        fake.registerClient("other_app@clients", "Other", "https://other.example/cb", "other_secret");
        String mine = code(fake.authorize(authorizeUrl("s"), FakeEternaltwin.DEMO_USER));
        bare500(exchange(mine, basic("other_app@clients", "other_secret"))); // WrongClient
        bare500(exchange("not.a.code", auth));
        bare500(http.post(fake.baseUrl() + "/oauth/token", "{}", "Authorization", auth)); // MissingCode
        // grant_type is not read, nor a PKCE verifier
        String other = code(fake.authorize(authorizeUrl("s", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256"), FakeEternaltwin.DEMO_USER));
        assertThat(http.post(fake.baseUrl() + "/oauth/token", "{\"grant_type\":\"refresh_token\",\"code\":\"" + other
                + "\",\"code_verifier\":\"wrong\"}", "Authorization", auth).code()).isEqualTo(200);
        assertThat(fake.activeTokens()).isEqualTo(3);
    }

    @Test
    void clientsAuthenticateWithTheRawIdAndSecret() {
        String code = code(fake.authorize(authorizeUrl("s"), FakeEternaltwin.DEMO_USER));
        for (String auth : new String[] {basic(FakeEternaltwin.DEMO_CLIENT, "wrong"),
            basic("latchkey_demo%40clients", FakeEternaltwin.DEMO_CLIENT_SECRET), "Basic !!!", ""}) {
            Http.Answer a = auth.isEmpty() ? http.post(fake.baseUrl() + "/oauth/token", "{\"code\":\"" + code + "\"}")
                    : exchange(code, auth);
            bare500(a);
        }
        // A form body works as JSON does; the client's UUID is as good as its key.
        String uuid = fake.registerClient("uuid_app@clients", "U", "https://u.example/cb", "u_secret");
        String byUuid = code(fake.authorize(authorizeUrl("s", "client_id", uuid, "redirect_uri",
                "https://u.example/cb"), FakeEternaltwin.DEMO_USER));
        Http.Answer form = http.send(new Request.Builder().url(fake.baseUrl() + "/oauth/token")
                .post(new FormBody.Builder().add("grant_type", "authorization_code").add("code", byUuid).build()),
                "Authorization", basic(uuid, "u_secret"));
        assertThat(form.code()).isEqualTo(200);
    }

    @Test
    void everyAuthorizationErrorIsABare500() {
        for (String[] bad : new String[][] {{"redirect_uri", "https://evil.example/cb", "RedirectUriMismatch"},
            {"client_id", "nobody@clients", "ClientNotFound"}, {"client_id", "Not A Key", "InvalidClientId"},
            {"scope", "base admin", "InvalidScope"}, {"response_type", "token", "UnsupportedResponseType"}}) {
            assertThatThrownBy(() -> fake.authorize(authorizeUrl("s", bad[0], bad[1]), "alice")).hasMessage(bad[2]);
            bare500(http.get(authorizeUrl("s", bad[0], bad[1])));
        }
        HttpUrl denied = HttpUrl.get(fake.deny(authorizeUrl("s2")));
        assertThat(denied.queryParameter("error")).isEqualTo("access_denied");
        assertThat(denied.queryParameter("state")).isEqualTo("s2");
    }

    @Test
    void overHttpTheAuthorizationNeedsABrowserSession() {
        Http.Answer anonymous = http.get(authorizeUrl("s"));
        assertThat(anonymous.code()).isEqualTo(302);
        assertThat(anonymous.header("Location")).startsWith("/login?next=%2Foauth%2Fauthorize");
        assertThat(anonymous.header("Content-Type")).startsWith("text/html");
        assertThat(anonymous.body()).startsWith("Redirecting to <a href=");
        String hexPassword = HexFormat.of().formatHex(FakeEternaltwin.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8));
        Http.Answer login = http.send(new Request.Builder().url(fake.baseUrl() + "/api/v1/auth/self?method=Etwin")
                .put(okhttp3.RequestBody.create("{\"login\":\"alice\",\"password\":\"" + hexPassword + "\"}",
                        okhttp3.MediaType.get("application/json"))));
        assertThat(login.code()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).matches("sid=[0-9a-f-]{36}; path=/; httponly");
        assertThat(login.json().fieldNames()).toIterable().contains("created_at", "display_name", "links",
                "username", "email_address", "has_password");
        String sid = login.header("Set-Cookie").split(";")[0];
        Http.Answer granted = http.get(authorizeUrl("s3"), "Cookie", sid);
        assertThat(granted.code()).isEqualTo(302);
        assertThat(HttpUrl.get(granted.header("Location")).queryParameter("state")).isEqualTo("s3");
        JsonNode self = http.get(fake.baseUrl() + "/api/v1/auth/self", "Cookie", sid).json();
        assertThat(self.get("type").asText()).isEqualTo("User");
    }

    @Test
    void noCredentialsIsAGuestAndAnUnknownTokenABare500() {
        Http.Answer guest = http.get(fake.baseUrl() + "/api/v1/auth/self");
        assertThat(guest.code()).isEqualTo(200);
        assertThat(guest.body()).isEqualTo("{\"type\":\"Guest\",\"scope\":\"Default\"}");
        String access = exchange(code(fake.authorize(authorizeUrl("s"), "alice")), basic(FakeEternaltwin.DEMO_CLIENT,
                FakeEternaltwin.DEMO_CLIENT_SECRET)).json().get("access_token").asText();
        fake.revokeToken(access);
        // F1: koaAuth throws on a token the store does not know, on every API route
        for (String path : new String[] {"/api/v1/auth/self", "/api/v1/users/" + fake.userId("alice")}) {
            bare500(http.get(fake.baseUrl() + path, "Authorization", "Bearer " + access));
            bare500(http.get(fake.baseUrl() + path, "Authorization", "Bearer unknown"));
        }
    }

    @Test
    void usersAnswerTheDocumentedErrors() {
        Http.Answer invalid = http.get(fake.baseUrl() + "/api/v1/users/not-a-uuid");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.json().get("error").asText()).isEqualTo("InvalidId");
        Http.Answer missing = http.get(fake.baseUrl() + "/api/v1/users/00000000-0000-4000-8000-000000000000");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("UserNotFound");
        JsonNode admin = http.get(fake.baseUrl() + "/api/v1/users/" + fake.userId("demurgos")).json();
        assertThat(admin.get("is_administrator").asBoolean()).isTrue();
        Http.Answer unknownPath = http.get(fake.baseUrl() + "/api/v1/nothing");
        assertThat(unknownPath.code()).isEqualTo(404);
        assertThat(unknownPath.body()).isEqualTo("Not Found");
    }
}
