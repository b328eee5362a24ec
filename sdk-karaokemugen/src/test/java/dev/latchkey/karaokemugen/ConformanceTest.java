package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ClientConformance;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The client against the conformance corpus (sdk-testkit, {@code conformance/karaokemugen}): each answer, built as the
 * app's source builds it, read into the expected value or the expected typed exception; each request the one the app
 * reads (codes as numbers, tokens in the body). The fake's side is sdk-testkit's {@code KaraokeMugenCorpusTest}.
 */
class ConformanceTest {
    /** A token of the app's shape; the replay server does not check it. */
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6ImFsaWNlIiwicm9sZSI6InVzZXIifQ.replayed";

    @TestFactory
    Stream<DynamicNode> theClientReadsTheCorpus() {
        DynamicNodes made = DynamicNodes.of(ClientConformance.tests("karaokemugen", "", new ClientConformance.Calls() {
            @Override
            public Object call(String baseUrl, String call, JsonNode args) {
                SessionStore store = SessionStore.inMemory();
                try (KaraokeMugenClient km = KaraokeMugenClient.builder().baseUrl(baseUrl).sessionStore(store)
                        .build()) {
                    return run(km, store, call, args);
                }
            }

            @Override
            public Object view(Object result) {
                return result instanceof KaraokeMugenAccount a ? Map.of("username", a.username(), "role",
                        a.role().role()) : result;
            }
        }));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("client calls of the corpus, each checked").isGreaterThanOrEqualTo(33);
        return made.stream();
    }

    static Object run(KaraokeMugenClient km, SessionStore store, String call, JsonNode a) {
        switch (call) {
            case "login":
                return a.size() == 2 ? km.login(a.get(0).asText(), a.get(1).asText())
                        : km.login(a.get(0).asText(), a.get(1).asText(), a.get(2).asText());
            case "loginGuest":
                return km.loginGuest();
            case "publicUser":
                return km.user(a.get(0).asText());
            case "createUser":
                NewUser u = NewUser.of(a.get(0).asText(), a.get(1).asText());
                km.createUser(a.size() > 2 ? u.withSecurityCode(a.get(2).asText()) : u);
                return null;
            case "resetUserPassword":
                km.resetUserPassword(a.get(0).asText(), a.get(1).asText(), a.get(2).isNull() ? null
                        : a.get(2).asText());
                return null;
            case "requestWithoutSession":
                Map<String, Object> body = new LinkedHashMap<>();
                if (a.size() > 1) {
                    a.get(1).fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue().asText()));
                }
                return km.request(a.get(0).asText(), body);
            default:
                return account(km, store, call, a);
        }
    }

    /** An account call, on a session as a login stores it. */
    static Object account(KaraokeMugenClient km, SessionStore store, String call, JsonNode a) {
        boolean online = call.endsWith("Online") || call.endsWith("WithoutOnlineToken");
        String login = online ? "axel@kara.moe" : "alice";
        Session.Builder s = Session.builder("karaokemugen").token("token", TOKEN).attribute("username", login)
                .attribute("role", "user");
        if (call.endsWith("Online")) {
            s.token("onlineToken", TOKEN);
        }
        store.save(km.storeKey(login), s.build());
        KaraokeMugenAccount me = km.resume(login).orElseThrow();
        return switch (call) {
            case "checkAuth", "checkAuthOnline", "checkAuthWithoutOnlineToken" -> me.checkAuth();
            case "users" -> me.users();
            case "user" -> me.user(a.get(0).asText());
            case "myAccount" -> me.myAccount();
            case "deleteUser" -> {
                me.deleteUser(a.get(0).asText());
                yield null;
            }
            case "refreshAnimeListOnline" -> {
                me.refreshAnimeList();
                yield null;
            }
            case "animeListPage" -> me.animeListPage(a.get(0).asInt(), a.get(1).asInt());
            case "editMyAccountNickname" -> {
                me.editMyAccount(ProfileEdit.empty().nickname(a.get(0).asText()));
                yield null;
            }
            case "editMyAccountBio" -> {
                me.editMyAccount(ProfileEdit.empty().bio(a.get(0).asText()));
                yield null;
            }
            case "request" -> me.request(a.get(0).asText(), null);
            default -> throw new IllegalArgumentException("no call " + call);
        };
    }
}
