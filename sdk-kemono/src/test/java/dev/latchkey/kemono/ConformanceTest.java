package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ClientConformance;
import dev.latchkey.kemono.model.Service;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The client against the conformance corpus (sdk-testkit, {@code conformance/kemono}): each answer, built as Kemono2's
 * source and live clients show it, read into the expected value or the expected typed exception. The fake's side is
 * sdk-testkit's {@code KemonoCorpusTest}.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicNode> theClientReadsTheCorpus() {
        DynamicNodes made = DynamicNodes.of(ClientConformance.tests("kemono", "/api", new ClientConformance.Calls() {
            @Override
            public Object call(String baseUrl, String call, JsonNode args) {
                SessionStore store = SessionStore.inMemory();
                try (KemonoClient k = KemonoClient.builder().baseUrl(baseUrl).sessionStore(store).build()) {
                    return run(k, store, call, args);
                }
            }

            @Override
            public Object view(Object result) {
                return result instanceof KemonoAccount a ? Map.of("username", a.username(), "role", a.role().value())
                        : result;
            }
        }));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("client calls of the corpus, each checked").isGreaterThanOrEqualTo(24);
        return made.stream();
    }

    static Object run(KemonoClient k, SessionStore store, String call, JsonNode a) {
        switch (call) {
            case "login":
                return k.login(a.get(0).asText(), a.get(1).asText());
            case "register":
                return k.register(a.get(0).asText(), a.get(1).asText());
            case "creator":
                return k.creator(Service.of(a.get(0).asText()), a.get(1).asText());
            case "post":
                return k.post(Service.of(a.get(0).asText()), a.get(1).asText(), a.get(2).asText());
            case "randomPost":
                return k.randomPost();
            case "addFavoriteCreatorWithoutSession":
                return k.request("POST", "/v1/favorites/creator/" + a.get(0).asText() + "/" + a.get(1).asText(), null,
                        null, Void.class);
            default:
                break;
        }
        store.save(k.storeKey("alice"), Session.builder("kemono").cookie("session", "replayed-session")
                .attribute("username", "alice").attribute("account_id", "1").attribute("role", "consumer").build());
        KemonoAccount me = k.resume("alice").orElseThrow();
        return switch (call) {
            case "refresh" -> me.refresh();
            case "logout" -> {
                me.logout();
                yield null;
            }
            case "favoriteCreators" -> me.favoriteCreators();
            case "favoritePosts" -> me.favoritePosts();
            case "addFavoriteCreator" -> {
                me.addFavoriteCreator(Service.of(a.get(0).asText()), a.get(1).asText());
                yield null;
            }
            case "removeFavoriteCreator" -> {
                me.removeFavoriteCreator(Service.of(a.get(0).asText()), a.get(1).asText());
                yield null;
            }
            default -> throw new IllegalArgumentException("no call " + call);
        };
    }
}
