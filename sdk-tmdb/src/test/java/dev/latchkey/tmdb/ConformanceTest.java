package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ClientConformance;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The client against the conformance corpus (sdk-testkit, {@code conformance/tmdb}): the official OpenAPI export's
 * example answers and the documented error envelopes, each read into the expected value or the expected typed
 * exception. The fake's side is sdk-testkit's {@code TmdbCorpusTest}.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicNode> theClientReadsTheCorpus() {
        DynamicNodes made = DynamicNodes.of(ClientConformance.tests("tmdb", "", new ClientConformance.Calls() {
            @Override
            public Object call(String baseUrl, String call, JsonNode a) {
                String key = call.equals("validateApiKeyWith") ? a.get(0).asText() : FakeTmdb.API_KEY;
                SessionStore store = SessionStore.inMemory();
                try (TmdbClient tmdb = TmdbClient.builder().baseUrl(baseUrl).apiKey(key).sessionStore(store)
                        .build()) {
                    return run(tmdb, store, call, a);
                }
            }

            @Override
            public Object view(Object result) {
                return result instanceof TmdbAccount acct ? Map.of("id", acct.id(), "username", acct.username())
                        : result instanceof TmdbSession ? Map.of("created", true)
                        : result instanceof GuestSession g ? Map.of("id", g.id())
                        : result instanceof RequestToken t ? Map.of("expiresAt", t.expiresAt().toString()) : result;
            }
        }));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("client calls of the corpus, each checked").isGreaterThanOrEqualTo(21);
        return made.stream();
    }

    static Object run(TmdbClient tmdb, SessionStore store, String call, JsonNode a) {
        RequestToken token = new RequestToken("replayed-token", Instant.parse("2030-01-01T00:00:00Z"));
        switch (call) {
            case "validateApiKey", "validateApiKeyWith":
                tmdb.auth().validateApiKey();
                return null;
            case "createRequestToken":
                return tmdb.auth().createRequestToken();
            case "validateWithLogin":
                return tmdb.auth().validateWithLogin(token, a.get(0).asText(), a.get(1).asText());
            case "createSession":
                return tmdb.auth().createSession(token);
            case "createGuestSession":
                return tmdb.auth().createGuestSession();
            case "deleteSession":
                tmdb.auth().deleteSession(new TmdbSession("replayed-session"));
                return null;
            case "account":
                return tmdb.account(new TmdbSession("replayed-session"));
            default:
                break;
        }
        store.save(tmdb.storeKey("alice"), Session.builder("tmdb").token(Session.SESSION_ID, "replayed-session")
                .attribute(TmdbAccount.ATTR_ID, "548").attribute(TmdbAccount.ATTR_USERNAME, "alice").build());
        TmdbAccount me = tmdb.resume("alice").orElseThrow();
        return switch (call) {
            case "favoriteMovies" -> me.favoriteMovies().stream().limit(2).toList();
            case "favoriteTv" -> me.favoriteTv().stream().limit(2).toList();
            case "ratedMovies" -> me.ratedMovies().stream().limit(2).toList();
            case "ratedTv" -> me.ratedTv().stream().limit(2).toList();
            case "watchlistMovies" -> me.watchlistMovies().stream().limit(2).toList();
            case "watchlistTv" -> me.watchlistTv().stream().limit(2).toList();
            case "markFavorite" -> {
                me.markFavorite(MediaType.MOVIE, a.get(0).asInt(), true);
                yield null;
            }
            case "rateMovie" -> {
                me.rateMovie(a.get(0).asInt(), a.get(1).asDouble());
                yield null;
            }
            case "deleteMovieRating" -> {
                me.deleteMovieRating(a.get(0).asInt());
                yield null;
            }
            case "movieStates" -> me.movieStates(a.get(0).asInt());
            case "details" -> me.details();
            default -> throw new IllegalArgumentException("no call " + call);
        };
    }
}
