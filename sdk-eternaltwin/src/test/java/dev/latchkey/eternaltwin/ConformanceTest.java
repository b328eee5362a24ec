package dev.latchkey.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.eternaltwin.model.Authorization;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ClientConformance;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The client against the conformance corpus (sdk-testkit, {@code conformance/eternaltwin}): each answer, as the server's
 * source builds it and v0.4.0 answered it, read into the expected value or the expected typed exception. The fake's
 * side is sdk-testkit's {@code EternaltwinCorpusTest}.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicNode> theClientReadsTheCorpus() {
        DynamicNodes made = DynamicNodes.of(ClientConformance.tests("eternaltwin", "", new ClientConformance.Calls() {
            @Override
            public Object call(String baseUrl, String call, JsonNode args) {
                try (EternaltwinClient etwin = EternaltwinClient.builder().baseUrl(baseUrl)
                        .sessionStore(SessionStore.inMemory()).clientId(FakeEternaltwin.DEMO_CLIENT)
                        .clientSecret(FakeEternaltwin.DEMO_CLIENT_SECRET).redirectUri(FakeEternaltwin.DEMO_CALLBACK)
                        .build()) {
                    return switch (call) {
                        case "fromAuthorizationCode" -> {
                            // the browser's part: a code came back with the state this client signed
                            Authorization start = etwin.startAuthorization();
                            yield etwin.fromAuthorizationCode("a-code", start.state(), start.state());
                        }
                        case "fromToken" -> etwin.fromToken(args.get(0).asText());
                        case "user" -> etwin.user(args.get(0).asText());
                        case "search" -> etwin.search(args.get(0).asText());
                        case "searchPage" -> etwin.search(args.get(0).asText(), args.get(1).asInt(),
                                args.get(2).asInt());
                        case "count" -> etwin.count(args.get(0).asText());
                        default -> throw new IllegalArgumentException("no call " + call);
                    };
                }
            }

            @Override
            public Object view(Object result) {
                return result instanceof EternaltwinAccount a ? Map.of("id", a.id(), "displayName", a.displayName())
                        : result instanceof dev.latchkey.eternaltwin.model.User u ? Map.of("displayName",
                                u.displayName(), "administrator", u.administrator().orElse(null), "createdAt",
                                String.valueOf(u.createdAt().orElse(null))) : result;
            }
        }));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("client calls of the corpus, each checked").isGreaterThanOrEqualTo(10);
        return made.stream();
    }
}
