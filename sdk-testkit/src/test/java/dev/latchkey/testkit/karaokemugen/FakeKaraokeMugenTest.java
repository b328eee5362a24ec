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

/** The Karaoke Mugen fake against the app's wire format (research section 2), with raw HTTP (no client module). */
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

    String login(String user, String password) {
        Http.Answer a = cmd("login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(a.code()).as(a.body()).isEqualTo(200);
        return a.json().get("data").get("token").asText();
    }

    static String code(Http.Answer a) {
        return a.json().path("data").path("message").path("code").asText();
    }

    @Test
    void loginGivesAJwtWithoutExpiryAndTheSecurityCodePromotesOnce() throws Exception {
        Http.Answer a = cmd("login", null, "{\"username\":\"  ALICE \",\"password\":\"alice-demo-pass\"}");
        assertThat(a.code()).isEqualTo(200);
        JsonNode data = a.json().get("data");
        assertThat(data.get("username").asText()).isEqualTo("alice");
        assertThat(data.get("role").asText()).isEqualTo("user");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(data.get("token").asText().split("\\.")[1]));
        assertThat(Http.JSON.readTree(payload).fieldNames()).toIterable().containsExactlyInAnyOrder("username", "role");
        Http.Answer wrong = cmd("login", null, "{\"username\":\"alice\",\"password\":\"nope-nope\"}");
        assertThat(wrong.code()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo("LOG_ERROR");
        String securityCode = fake.securityCode();
        Http.Answer promoted = cmd("login", null, "{\"username\":\"alice\",\"password\":\"alice-demo-pass\","
                + "\"securityCode\":\"" + securityCode + "\"}");
        assertThat(promoted.json().get("data").get("role").asText()).isEqualTo("admin");
        assertThat(fake.securityCode()).isNotEqualTo(securityCode);
        assertThat(cmd("login", null, "{\"username\":\"bob\",\"password\":\"bob-demo-pass\",\"securityCode\":\""
                + securityCode + "\"}").code()).isEqualTo(401);
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
        assertThat(cmd("getUsers", login("admin", "admin-demo-pass"), "{}").code()).isEqualTo(200);
        assertThat(code(cmd("nope", alice, "{}"))).isEqualTo("UNKNOWN_COMMAND");
        Http.Answer forged = cmd("getMyAccount", alice.substring(0, alice.length() - 3) + "abc", "{}");
        assertThat(forged.code()).isEqualTo(500);
        assertThat(forged.json().get("data").get("name").asText()).startsWith("JWS");
    }

    @Test
    void usersAreCreatedCheckedListedAndDeleted() {
        assertThat(code(cmd("createUser", null, "{\"login\":\"carol\",\"password\":\"short\"}"))).isEqualTo(
                "PASSWORD_TOO_SHORT");
        assertThat(cmd("createUser", null, "{\"login\":\"carol\",\"password\":\"short\"}").code()).isEqualTo(411);
        assertThat(code(cmd("createUser", null, "{\"login\":\"ca rol\",\"password\":\"long-enough\"}")))
                .isEqualTo("USER_LOGIN_INVALID");
        Http.Answer blank = cmd("createUser", null, "{\"password\":\"long-enough\"}");
        assertThat(blank.code()).isEqualTo(400);
        assertThat(blank.json().get("data").get("message").get("login").get(0).asText()).isEqualTo("can't be blank");
        Http.Answer created = cmd("createUser", null, "{\"login\":\"Carol\",\"password\":\"long-enough\"}");
        assertThat(code(created)).isEqualTo("USER_CREATED");
        assertThat(code(cmd("createUser", null, "{\"login\":\"carol\",\"password\":\"long-enough\"}")))
                .isEqualTo("USER_ALREADY_EXISTS");
        String carol = login("carol", "long-enough");
        JsonNode users = cmd("getUsers", carol, "{}").json().get("data");
        assertThat(users.findValuesAsText("login")).contains("alice", "carol").doesNotContain("bob");
        assertThat(users.get(0).has("flag_logged_in")).isTrue();
        assertThat(code(cmd("getUser", carol, "{\"username\":\"bob\"}"))).isEqualTo("UNKNOWN_USER");
        String admin = login("admin", "admin-demo-pass");
        assertThat(cmd("getUsers", admin, "{}").json().get("data").findValuesAsText("login")).contains("bob");
        assertThat(cmd("getUser", admin, "{\"username\":\"nobody\"}").json().has("data")).isFalse();
        assertThat(code(cmd("deleteUser", admin, "{\"username\":\"admin\"}"))).isEqualTo("USER_DELETE_ADMIN_DAMEDESU");
        assertThat(code(cmd("deleteMyAccount", carol, "{}"))).isEqualTo("USER_DELETED");
        Http.Answer gone = cmd("getMyAccount", carol, "{}");
        assertThat(gone.code()).isEqualTo(500);
        assertThat(gone.json().get("data").asText()).isEqualTo("User unknown");
    }

    @Test
    void passwordResetNeedsTheSecurityCodeAndAvatarsAreUploaded() {
        Http.Answer wrong = cmd("resetUserPassword", null, "{\"username\":\"alice\",\"password\":\"brand-new-pw\","
                + "\"securityCode\":\"000000x\"}");
        assertThat(wrong.code()).isEqualTo(403);
        assertThat(code(wrong)).isEqualTo("USER_RESETPASSWORD_WRONGSECURITYCODE");
        assertThat(code(cmd("resetUserPassword", null, "{\"username\":\"alice\",\"password\":\"brand-new-pw\","
                + "\"securityCode\":\"" + fake.securityCode() + "\"}"))).isEqualTo("USER_RESETPASSWORD_SUCCESS");
        String alice = login("alice", "brand-new-pw");
        RequestBody file = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("file", "me.png",
                RequestBody.create(new byte[] {1, 2, 3}, MediaType.get("image/png"))).build();
        Http.Answer noToken = http.send(new Request.Builder().url(fake.baseUrl() + "/api/importFile").post(file));
        assertThat(noToken.code()).isEqualTo(401);
        Http.Answer uploaded = http.send(new Request.Builder().url(fake.baseUrl() + "/api/importFile").post(file),
                "authorization", alice);
        assertThat(uploaded.code()).isEqualTo(200);
        String stored = uploaded.json().get("filename").asText();
        assertThat(code(cmd("editMyAccount", alice, "{\"avatar\":" + uploaded.body() + ",\"nickname\":\"Ali\"}")))
                .isEqualTo("USER_EDITED");
        JsonNode me = cmd("getMyAccount", alice, "{}").json().get("data");
        assertThat(me.get("avatar_file").asText()).isEqualTo(stored);
        assertThat(me.get("nickname").asText()).isEqualTo("Ali");
        assertThat(me.has("password")).isFalse();
        assertThat(code(cmd("editMyAccount", alice, "{\"nickname\":\"Bob\"}"))).isEqualTo("NICKNAME_ALREADY_IN_USE");
        assertThat(code(cmd("editMyAccount", alice, "{\"type\":0}"))).isEqualTo("USER_CANNOT_CHANGE_TYPE");
    }

    @Test
    void aLocalAccountGoesOnlineAndBackAndTheAnimeListPages() {
        String alice = login("alice", "alice-demo-pass");
        JsonNode page = cmd("getAnimeList", alice, "{\"from\":25,\"size\":10}").json().get("data");
        assertThat(page.get("content")).hasSize(5);
        assertThat(page.get("infos").get("count").asInt()).isEqualTo(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
        Http.Answer online = cmd("convertMyLocalUserToOnline", alice, "{\"instance\":\"kara.moe\","
                + "\"password\":\"alice-demo-pass\"}");
        assertThat(code(online)).as(online.body()).isEqualTo("USER_CONVERTED");
        JsonNode tokens = online.json().get("data").get("message").get("data");
        assertThat(fake.logins()).contains("alice@kara.moe").doesNotContain("alice");
        assertThat(fake.instance("kara.moe").hasAccount("alice")).isTrue();
        String newToken = tokens.get("token").asText();
        Http.Answer back = cmd("convertMyOnlineUserToLocal", newToken, "{\"password\":\"alice-demo-pass\"}");
        assertThat(code(back)).isEqualTo("USER_DELETED_ONLINE");
        assertThat(fake.logins()).contains("alice");
        assertThat(fake.instance("kara.moe").hasAccount("alice")).isFalse();
        // An online login goes through the instance.
        Http.Answer axel = cmd("login", null, "{\"username\":\"axel@kara.moe\",\"password\":\"axel-online-pass\"}");
        assertThat(axel.json().get("data").get("onlineToken").asText()).isNotBlank();
        String guest = cmd("loginGuest", null, "{}").json().get("data").get("token").asText();
        assertThat(cmd("getAnimeList", guest, "{}").json().get("data").get("content")).isEmpty();
    }
}
