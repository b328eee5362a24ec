package dev.latchkey.testkit.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.Http;
import dev.latchkey.testkit.Http.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route FakeTmdb serves answers in the shape TMDb's official v3 OpenAPI export gives for it: the schemas in
 * {@code tmdb-export/schemas.json}, extracted from the export by the script beside them. The answers are checked
 * against the export's schemas, not against Latchkey's models, so a fake that drifted with the client cannot pass.
 */
class TmdbExportShapesTest {
    private static final JsonNode EXPORT = read("/tmdb-export/schemas.json");

    @RegisterExtension
    static final FakeTmdb TMDB = FakeTmdb.create();

    private final Http http = new Http(Headers.of());

    @Test
    void everyRouteTheFakeServesIsInTheExtractOrNamedAsUndocumented() {
        Set<String> extracted = new LinkedHashSet<>();
        EXPORT.get("paths").forEach(ops -> ops.fields().forEachRemaining(op -> extracted.add(
                op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + op.getValue().get("fake_route").asText())));
        EXPORT.get("undocumented").forEach(u -> extracted.add(u.asText()));
        // A route added to the fake must be extracted again (extract.py), and so checked below.
        assertThat(TMDB.routes()).containsExactlyInAnyOrderElementsOf(extracted);
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedRouteAnswersInTheExportsShape() {
        Map<String, Supplier<Answer>> calls = calls();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (Map.Entry<String, Supplier<Answer>> call : calls.entrySet()) {
            String[] route = call.getKey().split(" ", 2);
            JsonNode schema = schemaOf(route[0], route[1]);
            checked.add(call.getKey());
            // Run in order (a rating before its deletion, the session's deletion last), checked as one test each.
            Answer answer = call.getValue().get();
            tests.add(DynamicTest.dynamicTest(call.getKey(), () -> {
                assertThat(answer.code()).as(answer.body()).isBetween(200, 201);
                List<String> problems = new ArrayList<>();
                ExportShape.check(schema, answer.json(), "$", problems);
                assertThat(problems).as("%s answered %s", call.getKey(), answer.body()).isEmpty();
            }));
        }
        Set<String> documented = new LinkedHashSet<>();
        EXPORT.get("paths").forEach(ops -> ops.fields().forEachRemaining(op -> documented.add(
                op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + op.getValue().get("fake_route").asText())));
        tests.add(DynamicTest.dynamicTest("every documented route is called", () ->
                assertThat(checked).containsExactlyInAnyOrderElementsOf(documented)));
        return tests.stream();
    }

    /** One successful call per route, in an order that works: each needs what the one before made. */
    private Map<String, Supplier<Answer>> calls() {
        String key = "api_key=" + FakeTmdb.API_KEY;
        String base = TMDB.baseUrl();
        String[] session = new String[1];
        String[] account = new String[1];
        String[] guest = new String[1];
        String[] v4 = new String[1];
        Map<String, Supplier<Answer>> c = new LinkedHashMap<>();
        c.put("GET /3/authentication", () -> http.get(base + "/3/authentication?" + key));
        c.put("GET /3/authentication/token/new", () -> http.get(base + "/3/authentication/token/new?" + key));
        c.put("POST /3/authentication/token/validate_with_login", () -> {
            String token = http.get(base + "/3/authentication/token/new?" + key).json().get("request_token").asText();
            return http.post(base + "/3/authentication/token/validate_with_login?" + key,
                    "{\"username\":\"alice\",\"password\":\"alice-demo-pass\",\"request_token\":\"" + token + "\"}");
        });
        c.put("POST /3/authentication/session/new", () -> {
            String token = http.get(base + "/3/authentication/token/new?" + key).json().get("request_token").asText();
            TMDB.approveRequestToken(token, "alice");
            Answer a = http.post(base + "/3/authentication/session/new?" + key,
                    "{\"request_token\":\"" + token + "\"}");
            session[0] = a.json().path("session_id").asText();
            account[0] = String.valueOf(TMDB.accountId("alice"));
            return a;
        });
        c.put("GET /3/authentication/guest_session/new", () -> {
            Answer a = http.get(base + "/3/authentication/guest_session/new?" + key);
            guest[0] = a.json().path("guest_session_id").asText();
            return a;
        });
        c.put("POST /3/authentication/session/convert/4", () -> {
            String bearer = "Bearer " + TMDB.readAccessToken();
            String token = http.post(base + "/4/auth/request_token", "{}", "Authorization", bearer).json()
                    .get("request_token").asText();
            TMDB.approveV4RequestToken(token, "alice");
            v4[0] = http.post(base + "/4/auth/access_token", "{\"request_token\":\"" + token + "\"}",
                    "Authorization", bearer).json().get("access_token").asText();
            return http.post(base + "/3/authentication/session/convert/4?" + key,
                    "{\"access_token\":\"" + v4[0] + "\"}");
        });
        String s = "?" + key + "&session_id=";
        c.put("GET /3/account/{account_id}", () -> http.get(base + "/3/account/" + account[0] + s + session[0]));
        for (String list : List.of("favorite/movies", "favorite/tv", "rated/movies", "rated/tv", "watchlist/movies",
                "watchlist/tv")) {
            c.put("GET /3/account/{account_id}/" + list,
                    () -> http.get(base + "/3/account/" + account[0] + "/" + list + s + session[0]));
        }
        c.put("POST /3/account/{account_id}/favorite", () -> http.post(base + "/3/account/" + account[0]
                + "/favorite" + s + session[0], "{\"media_type\":\"movie\",\"media_id\":11,\"favorite\":true}"));
        c.put("POST /3/account/{account_id}/watchlist", () -> http.post(base + "/3/account/" + account[0]
                + "/watchlist" + s + session[0], "{\"media_type\":\"movie\",\"media_id\":11,\"watchlist\":true}"));
        c.put("POST /3/movie/{id}/rating", () -> http.post(base + "/3/movie/11/rating" + s + session[0],
                "{\"value\":8.5}"));
        c.put("GET /3/movie/{id}/account_states", () -> http.get(base + "/3/movie/11/account_states" + s
                + session[0]));
        c.put("DELETE /3/movie/{id}/rating", () -> http.delete(base + "/3/movie/11/rating" + s + session[0], null));
        c.put("POST /3/tv/{id}/rating", () -> http.post(base + "/3/tv/1399/rating?" + key + "&guest_session_id="
                + guest[0], "{\"value\":7}"));
        c.put("GET /3/guest_session/{guest_session_id}/rated/movies", () -> http.get(base + "/3/guest_session/"
                + guest[0] + "/rated/movies?" + key));
        c.put("GET /3/guest_session/{guest_session_id}/rated/tv", () -> http.get(base + "/3/guest_session/"
                + guest[0] + "/rated/tv?" + key));
        c.put("DELETE /3/tv/{id}/rating", () -> http.delete(base + "/3/tv/1399/rating?" + key
                + "&guest_session_id=" + guest[0], null));
        c.put("GET /3/movie/{id}", () -> http.get(base + "/3/movie/11?" + key));
        c.put("GET /3/genre/movie/list", () -> http.get(base + "/3/genre/movie/list?" + key));
        c.put("GET /3/movie/latest", () -> http.get(base + "/3/movie/latest?" + key));
        for (String list : List.of("now_playing", "popular", "top_rated", "upcoming")) {
            c.put("GET /3/movie/" + list, () -> http.get(base + "/3/movie/" + list + "?" + key));
        }
        c.put("DELETE /3/authentication/session", () -> http.delete(base + "/3/authentication/session?" + key,
                "{\"session_id\":\"" + session[0] + "\"}"));
        return c;
    }

    private static JsonNode schemaOf(String method, String fakeRoute) {
        for (Iterator<JsonNode> it = EXPORT.get("paths").elements(); it.hasNext(); ) {
            JsonNode op = it.next().get(method.toLowerCase(java.util.Locale.ROOT));
            if (op != null && op.get("fake_route").asText().equals(fakeRoute)) {
                return op.get("schema");
            }
        }
        throw new IllegalArgumentException("not in the extract: " + method + " " + fakeRoute);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TmdbExportShapesTest.class.getResourceAsStream(resource)) {
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
