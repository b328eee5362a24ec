package dev.latchkey.testkit.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.Http;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Karaoke Mugen fake against the app's source (karaokemugen-app @ e77b334, "app:" is its {@code src/}), with raw
 * HTTP (no client module). Each test names the research table's row it holds (real-servers/karaokemugen.md).
 */
class FakeKaraokeMugenTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    final Http http = new Http(Headers.of());

    Http.Answer cmd(String name, String token, String body) {
        ObjectNode apiData = Http.JSON.createObjectNode();
        try {
            apiData.set("body", Http.JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        if (token != null) {
            apiData.put("authorization", token);
        }
        ObjectNode all = Http.JSON.createObjectNode().put("cmd", name);
        all.set("body", apiData);
        return http.post(fake.baseUrl() + "/api/command", all.toString());
    }

    Http.Answer cmd(String name, String token, String onlineToken, String body) {
        ObjectNode all = (ObjectNode) Http.JSON.createObjectNode().put("cmd", name);
        ObjectNode apiData = all.putObject("body").put("authorization", token).put("onlineAuthorization",
                onlineToken);
        try {
            apiData.set("body", Http.JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return http.post(fake.baseUrl() + "/api/command", all.toString());
    }

    String login(String user, String password) {
        Http.Answer a = cmd("login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(a.code()).as(a.body()).isEqualTo(200);
        return a.json().get("data").get("token").asText();
    }

    String operator() {
        return login("admin", FakeKaraokeMugen.OPERATOR_PASSWORD);
    }

    static String code(Http.Answer a) {
        return a.json().path("data").path("message").path("code").asText();
    }

    static int number(String sixDigits) {
        return Integer.parseInt(sixDigits);
    }

    @Test
    void loginGivesAJwtWithoutExpiryAndOnlyANumericCodePromotes() throws Exception {
        Http.Answer a = cmd("login", null, "{\"username\":\"  ALICE \",\"password\":\"alice-demo-pass\"}");
        assertThat(a.code()).isEqualTo(200);
        JsonNode data = a.json().get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("token", "username", "role");
        assertThat(data.get("username").asText()).isEqualTo("alice");
        assertThat(data.get("role").asText()).isEqualTo("user");
        String[] jwt = data.get("token").asText().split("\\.");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(jwt[0]))).isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt[1])).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("username", "role");
        Http.Answer wrong = cmd("login", null, "{\"username\":\"alice\",\"password\":\"nope-nope\"}");
        assertThat(wrong.code()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo("LOG_ERROR");
        String securityCode = fake.securityCode();
        // row 3: the code as text is not the number the app compares with ===
        Http.Answer asText = cmd("login", null, "{\"username\":\"alice\",\"password\":\"alice-demo-pass\","
                + "\"securityCode\":\"" + securityCode + "\"}");
        assertThat(asText.json().get("data").get("role").asText()).isEqualTo("user");
        assertThat(fake.securityCode()).isEqualTo(securityCode);
        // row 5: a wrong code is no error: the login as it was
        Http.Answer wrongCode = cmd("login", null, "{\"username\":\"alice\",\"password\":\"alice-demo-pass\","
                + "\"securityCode\":" + ((number(securityCode) + 1) % 1_000_000) + "}");
        assertThat(wrongCode.code()).isEqualTo(200);
        assertThat(wrongCode.json().get("data").get("role").asText()).isEqualTo("user");
        Http.Answer promoted = cmd("login", null, "{\"username\":\"alice\",\"password\":\"alice-demo-pass\","
                + "\"securityCode\":" + number(securityCode) + "}");
        assertThat(promoted.json().get("data").get("role").asText()).isEqualTo("admin");
        assertThat(fake.userType("alice")).isZero();
        assertThat(fake.securityCode()).isNotEqualTo(securityCode);
    }

    @Test
    void accessChecksAnswerAsTheAppDoes() {
        Http.Answer none = cmd("getMyAccount", null, "{}");
        assertThat(none.code()).isEqualTo(401);
        assertThat(none.json().get("data").toString()).isEqualTo("{\"code\":401}");
        String guest = cmd("loginGuest", null, "{}").json().get("data").get("token").asText();
        assertThat(code(cmd("editMyAccount", guest, "{\"bio\":\"x\"}"))).isEqualTo("NOT_GUEST");
        String alice = login("alice", "alice-demo-pass");
        Http.Answer notAdmin = cmd("deleteUser", alice, "{\"username\":\"bob\"}");
        assertThat(notAdmin.code()).isEqualTo(403);
        assertThat(code(notAdmin)).isEqualTo("ADMIN_PLEASE");
        fake.webappMode(1);
        assertThat(cmd("getUsers", alice, "{}").code()).isEqualTo(200);
        fake.webappMode(0);
        assertThat(code(cmd("getUsers", alice, "{}"))).isEqualTo("WEBAPPMODE_CLOSED_API_MESSAGE");
        assertThat(cmd("getUsers", alice, "{}").code()).isEqualTo(503);
        assertThat(cmd("getMyAccount", alice, "{}").code()).as("a closed-mode command").isEqualTo(200);
        assertThat(cmd("getUsers", operator(), "{}").code()).isEqualTo(200);
        assertThat(code(cmd("nope", alice, "{}"))).isEqualTo("UNKNOWN_COMMAND");
    }

    @Test
    void row6AForgedTokenIsExpresssHtmlErrorPage() {
        String alice = login("alice", "alice-demo-pass");
        Http.Answer forged = cmd("getMyAccount", alice.substring(0, alice.length() - 3) + "abc", "{}");
        assertThat(forged.code()).isEqualTo(500);
        assertThat(forged.header("Content-Type")).startsWith("text/html");
        assertThat(forged.body()).contains("<title>Error</title>").contains("<pre>Internal Server Error</pre>");
        assertThat(cmd("getMyAccount", "not-a-jwt", "{}").body()).contains("Internal Server Error");
        try (FakeKaraokeMugen verbose = FakeKaraokeMugen.builder().verbose().build()) {
            verbose.start();
            ObjectNode all = Http.JSON.createObjectNode().put("cmd", "getMyAccount");
            all.putObject("body").put("authorization", alice);
            Http.Answer page = http.post(verbose.baseUrl() + "/api/command", all.toString());
            assertThat(page.code()).isEqualTo(500);
            assertThat(page.body()).contains("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
        }
    }

    @Test
    void row14AccessIsTheDatabaseTypeNotTheTokensRole() {
        String bob = login("bob", "bob-demo-pass");
        String op = operator();
        assertThat(code(cmd("editUser", op, "{\"login\":\"bob\",\"type\":0}"))).isEqualTo("USER_EDITED");
        assertThat(cmd("deleteUser", bob, "{\"username\":\"guest-rin\"}").code())
                .as("promoted: its user-role token passes at once").isEqualTo(200);
        String bobAsOperator = login("bob", "bob-demo-pass");
        assertThat(code(cmd("editUser", op, "{\"login\":\"bob\",\"type\":1}"))).isEqualTo("USER_EDITED");
        Http.Answer stale = cmd("getUsers", bobAsOperator, "{}");
        assertThat(stale.code()).as("a token claiming admin for a user: refused everywhere").isEqualTo(403);
        assertThat(code(stale)).isEqualTo("ADMIN_PLEASE");
    }

    @Test
    void rows1And15UsersAreListedWithANullTemporaryFlagAndPrivateProfilesAreUnknownEvenToThemselves() {
        String alice = login("alice", "alice-demo-pass");
        JsonNode users = cmd("getUsers", alice, "{}").json().get("data");
        assertThat(users.findValuesAsText("login")).contains("alice", "guest-akari").doesNotContain("bob");
        for (JsonNode u : users) {
            assertThat(u.get("flag_temporary").isNull()).as(u.toString()).isTrue();
            assertThat(u.fieldNames()).toIterable().containsExactly("type", "login", "nickname", "avatar_file",
                    "last_login_at", "flag_temporary", "flag_public", "flag_logged_in");
        }
        String bob = login("bob", "bob-demo-pass");
        Http.Answer own = cmd("getUser", bob, "{\"username\":\"bob\"}");
        assertThat(own.code()).isEqualTo(404);
        assertThat(code(own)).isEqualTo("UNKNOWN_USER");
        assertThat(cmd("getMyAccount", bob, "{}").json().get("data").get("flag_temporary").isNull()).isTrue();
        assertThat(cmd("getUser", operator(), "{\"username\":\"nobody\"}").json().toString())
                .isEqualTo("{\"err\":false}");
    }

    @Test
    void row2CheckAuthLeavesOnlineAvailableOutForALocalAccount() {
        String alice = login("alice", "alice-demo-pass");
        JsonNode data = cmd("checkAuth", alice, "{}").json().get("data");
        assertThat(data.toString()).isEqualTo("{\"username\":\"alice\",\"role\":\"user\"}");
        JsonNode online = cmd("login", null, "{\"username\":\"axel@kara.moe\",\"password\":\"axel-online-pass\"}")
                .json().get("data");
        String local = online.get("token").asText();
        String onlineToken = online.get("onlineToken").asText();
        assertThat(cmd("checkAuth", local, onlineToken, "{}").json().get("data").get("onlineAvailable").asBoolean())
                .isTrue();
        // row 7: no or a stale online token is an ErrorKM 403 thrown raw, {code, sentry} only
        Http.Answer stale = cmd("checkAuth", local, "{}");
        assertThat(stale.code()).isEqualTo(403);
        assertThat(stale.json().toString()).isEqualTo("{\"err\":true,\"data\":{\"code\":403,\"sentry\":true}}");
    }

    @Test
    void row4And10And11AndRow13UsersAreCreatedAsTheAppCreatesThem() {
        assertThat(code(cmd("createUser", null, "{\"login\":\"carol\",\"password\":\"short\"}"))).isEqualTo(
                "PASSWORD_TOO_SHORT");
        assertThat(code(cmd("createUser", null, "{\"login\":\"ca rol\",\"password\":\"long-enough\"}")))
                .isEqualTo("USER_LOGIN_INVALID");
        Http.Answer blank = cmd("createUser", null, "{\"login\":\"\"}");
        assertThat(blank.code()).isEqualTo(400);
        assertThat(blank.json().get("data").toString()).isEqualTo("{\"code\":400,\"message\":{\"login\":"
                + "[\"can't be blank\"],\"password\":[\"Invalid input: expected string, received undefined\"]}}");
        // row 13: 409 comes before 411, and a nickname equal to the login counts
        assertThat(code(cmd("createUser", null, "{\"login\":\"Alice\",\"password\":\"short\"}")))
                .isEqualTo("USER_ALREADY_EXISTS");
        assertThat(code(cmd("createUser", null, "{\"login\":\"guest-x\",\"password\":\"long-enough\"}")))
                .isEqualTo("USER_CREATED");
        // row 10: without a token, a guest's role and a type are not kept
        assertThat(code(cmd("createUser", null, "{\"login\":\"gina\",\"password\":\"long-enough\",\"role\":\"guest\","
                + "\"type\":2}"))).isEqualTo("USER_CREATED");
        assertThat(fake.userType("gina")).isEqualTo(1);
        // row 13: the password is trimmed at creation, not at login
        assertThat(code(cmd("createUser", null, "{\"login\":\"tom\",\"password\":\"  spaced-pw  \"}")))
                .isEqualTo("USER_CREATED");
        assertThat(cmd("login", null, "{\"username\":\"tom\",\"password\":\"  spaced-pw  \"}").code()).isEqualTo(401);
        login("tom", "spaced-pw");
        // row 4: every account the operator creates is an operator, whatever is sent
        String op = operator();
        assertThat(code(cmd("createUser", op, "{\"login\":\"carol\",\"password\":\"long-enough\",\"type\":1,"
                + "\"role\":\"user\"}"))).isEqualTo("USER_CREATED");
        assertThat(fake.userType("carol")).isZero();
        // row 11: the new-account code or the security code; only the new-account code is renewed
        fake.requireSecurityCodeForNewAccounts(true);
        String security = fake.securityCode();
        String newAccount = fake.newAccountCode();
        assertThat(code(cmd("createUser", null, "{\"login\":\"dan\",\"password\":\"long-enough\",\"securityCode\":\""
                + newAccount + "\"}"))).as("text is not the number").isEqualTo("USER_CREATION_WRONG_SECURITY_CODE");
        assertThat(code(cmd("createUser", null, "{\"login\":\"dan\",\"password\":\"long-enough\",\"securityCode\":"
                + number(security) + "}"))).isEqualTo("USER_CREATED");
        assertThat(fake.securityCode()).isEqualTo(security);
        assertThat(fake.newAccountCode()).isNotEqualTo(newAccount);
        assertThat(code(cmd("createUser", null, "{\"login\":\"eve\",\"password\":\"long-enough\",\"securityCode\":"
                + number(fake.newAccountCode()) + "}"))).isEqualTo("USER_CREATED");
        // row 12: guests may not log in while new accounts need a code
        assertThat(code(cmd("loginGuest", null, "{}"))).isEqualTo("GUESTS_NOT_ALLOWED");
        fake.requireSecurityCodeForNewAccounts(false);
        // an operator made by anyone logged in who knows the security code (createAdminUser)
        String alice = login("alice", "alice-demo-pass");
        Http.Answer refused = cmd("createUser", alice, "{\"login\":\"fred\",\"password\":\"long-enough\",\"role\":"
                + "\"admin\"}");
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.json().get("data").toString()).isEqualTo("{\"code\":403,\"message\":{}}");
    }

    @Test
    void rows8And9PasswordResetsFollowTheApp() {
        String code = fake.securityCode();
        Http.Answer wrong = cmd("resetUserPassword", null, "{\"username\":\"alice\",\"password\":\"brand-new-pw\","
                + "\"securityCode\":\"000000x\"}");
        assertThat(wrong.code()).isEqualTo(403);
        assertThat(code(wrong)).isEqualTo("USER_RESETPASSWORD_WRONGSECURITYCODE");
        // row 9: the code is checked first and kept after a refusal
        assertThat(code(cmd("resetUserPassword", null, "{\"username\":\"nobody\",\"password\":\"brand-new-pw\","
                + "\"securityCode\":" + number(code) + "}"))).isEqualTo("UNKNOWN_USER");
        assertThat(code(cmd("resetUserPassword", null, "{\"username\":\"alice\",\"password\":\"short\","
                + "\"securityCode\":" + number(code) + "}"))).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(fake.securityCode()).isEqualTo(code);
        // the app reads +securityCode: the six digits as text work here
        assertThat(code(cmd("resetUserPassword", null, "{\"username\":\"alice\",\"password\":\"brand-new-pw\","
                + "\"securityCode\":\"" + code + "\"}"))).isEqualTo("USER_RESETPASSWORD_SUCCESS");
        assertThat(fake.securityCode()).isNotEqualTo(code);
        login("alice", "brand-new-pw");
        // row 8: an online account's reset reads no code; the instance mails a link
        assertThat(code(cmd("resetUserPassword", null, "{\"username\":\"axel@kara.moe\"}")))
                .isEqualTo("USER_RESETPASSWORD_ONLINE");
        assertThat(fake.instance("kara.moe").mails()).containsExactly("to: axel");
        assertThat(cmd("resetUserPassword", null, "{}").json().toString()).isEqualTo("{\"err\":true,\"data\":{}}");
    }

    @Test
    void rows16To18EditsAndUploadsFollowTheApp() {
        String alice = login("alice", "alice-demo-pass");
        RequestBody file = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("file", "me.png",
                RequestBody.create(new byte[] {1, 2, 3}, MediaType.get("image/png"))).build();
        Http.Answer noToken = http.send(new Request.Builder().url(fake.baseUrl() + "/api/importFile").post(file));
        assertThat(noToken.code()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("{\"code\":\"USER_UNKNOWN\"}");
        Http.Answer uploaded = http.send(new Request.Builder().url(fake.baseUrl() + "/api/importFile").post(file),
                "authorization", alice);
        assertThat(uploaded.code()).isEqualTo(200);
        assertThat(uploaded.header("Content-Type")).startsWith("text/html");
        assertThat(uploaded.json().get("mimetype").asText()).isEqualTo("image/png");
        String stored = uploaded.json().get("filename").asText();
        RequestBody noFile = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("other", "x")
                .build();
        Http.Answer empty = http.send(new Request.Builder().url(fake.baseUrl() + "/api/importFile").post(noFile),
                "authorization", alice);
        assertThat(empty.code()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(code(cmd("editMyAccount", alice, "{\"avatar\":" + uploaded.body() + ",\"nickname\":\"Ali\"}")))
                .isEqualTo("USER_EDITED");
        JsonNode me = cmd("getMyAccount", alice, "{}").json().get("data");
        assertThat(me.get("avatar_file").asText()).isEqualTo(stored);
        assertThat(me.get("nickname").asText()).isEqualTo("Ali");
        assertThat(me.has("password")).isFalse();
        // row 17: an avatar the app cannot use is skipped, not an error
        assertThat(code(cmd("editMyAccount", alice, "{\"avatar\":{\"path\":\"/nowhere\",\"filename\":\"x\"}}")))
                .isEqualTo("USER_EDITED");
        assertThat(cmd("getMyAccount", alice, "{}").json().get("data").get("avatar_file").asText()).isEqualTo(stored);
        // row 16: nicknames are unique as typed; a new password is stored before the checks that refuse the edit
        assertThat(code(cmd("editMyAccount", alice, "{\"nickname\":\"Bob\"}"))).isEqualTo("NICKNAME_ALREADY_IN_USE");
        assertThat(code(cmd("editMyAccount", alice, "{\"nickname\":\"BOB\"}"))).isEqualTo("USER_EDITED");
        assertThat(code(cmd("editMyAccount", alice, "{\"type\":0,\"password\":\"changed-anyway\"}")))
                .isEqualTo("USER_CANNOT_CHANGE_TYPE");
        login("alice", "changed-anyway");
        String op = operator();
        assertThat(code(cmd("editMyAccount", op, "{\"type\":1}"))).as("an operator may").isEqualTo("USER_EDITED");
        assertThat(fake.userType("admin")).isEqualTo(1);
    }

    @Test
    void row19And21OnlineAccountsFollowTheApp() {
        String alice = login("alice", "alice-demo-pass");
        assertThat(code(cmd("convertMyOnlineUserToLocal", alice, "{\"password\":\"alice-demo-pass\"}")))
                .as("a local caller: its own name exists").isEqualTo("USER_ALREADY_EXISTS_LOCALLY");
        Http.Answer online = cmd("convertMyLocalUserToOnline", alice, "{\"instance\":\"kara.moe\","
                + "\"password\":\"alice-demo-pass\"}");
        assertThat(code(online)).as(online.body()).isEqualTo("USER_CONVERTED");
        JsonNode tokens = online.json().get("data").get("message").get("data");
        assertThat(tokens.fieldNames()).toIterable().containsExactly("onlineToken", "token");
        assertThat(fake.logins()).contains("alice@kara.moe").doesNotContain("alice");
        Http.Answer back = cmd("convertMyOnlineUserToLocal", tokens.get("token").asText(),
                "{\"password\":\"alice-demo-pass\"}");
        assertThat(code(back)).isEqualTo("USER_DELETED_ONLINE");
        assertThat(fake.logins()).contains("alice");
        assertThat(fake.instance("kara.moe").hasAccount("alice")).isFalse();
        // row 19: the app hashes the stored hash again: the password no longer works, the new token does
        assertThat(cmd("login", null, "{\"username\":\"alice\",\"password\":\"alice-demo-pass\"}").code())
                .isEqualTo(401);
        String token = back.json().get("data").get("message").get("data").get("token").asText();
        assertThat(cmd("getMyAccount", token, "{}").code()).isEqualTo(200);
        // row 21: an instance that refuses falls back to the local password, without an online token
        JsonNode axel = cmd("login", null, "{\"username\":\"axel@kara.moe\",\"password\":\"axel-online-pass\"}")
                .json().get("data");
        assertThat(axel.get("onlineToken").asText()).isNotBlank();
        fake.instance("kara.moe").reachable(false);
        JsonNode offline = cmd("login", null, "{\"username\":\"axel@kara.moe\",\"password\":\"axel-online-pass\"}")
                .json().get("data");
        assertThat(offline.has("onlineToken")).isFalse();
        assertThat(offline.get("username").asText()).isEqualTo("axel@kara.moe");
    }

    @Test
    void row20TheAnimeListIsTheAppsShape() {
        String alice = login("alice", "alice-demo-pass");
        JsonNode page = cmd("getAnimeList", alice, "{\"from\":25,\"size\":10}").json().get("data");
        assertThat(page.get("content")).hasSize(5);
        assertThat(page.get("infos").get("count").asInt()).isEqualTo(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
        assertThat(page.get("avatars").isObject()).isTrue();
        JsonNode past = cmd("getAnimeList", alice, "{\"from\":40,\"size\":10}").json().get("data");
        assertThat(past.get("infos").get("count").asInt()).isZero();
        assertThat(cmd("getAnimeList", alice, "{\"size\":0}").json().get("data").get("content"))
                .hasSize(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
        String guest = cmd("loginGuest", null, "{}").json().get("data").get("token").asText();
        assertThat(cmd("getAnimeList", guest, "{}").json().get("data").toString())
                .isEqualTo("{\"content\":[],\"infos\":{\"count\":0,\"from\":0,\"to\":0}}");
    }
}
