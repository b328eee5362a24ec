package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 35: the admin interface is the same on all four fakes, over HTTP, in a seed file and in Java. */
class AdminInterfaceTest {
    final Http http = new Http(okhttp3.Headers.of());

    static Stream<Arguments> fakes() {
        List<Supplier<FakeServer<?>>> all = List.of(FakeKemono::create, FakeTmdb::create, FakeEternaltwin::create,
                FakeKaraokeMugen::create);
        List<String> sections = List.of("kemono", "tmdb", "eternaltwin", "karaokemugen");
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(Arguments.of(sections.get(i), all.get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakes")
    void usersAreAddedTheSameWayOnEveryFakeAndItsCredentialIsListed(String section, Supplier<FakeServer<?>> make) {
        try (FakeServer<?> fake = make.get().start()) {
            JsonNode described = http.get(fake.rootUrl() + "_testkit").json();
            assertThat(described.get("section").asText()).isEqualTo(section);
            assertThat(described.at("/kinds/users/required").toString()).isEqualTo("[\"username\",\"password\"]");

            Http.Answer added = http.post(fake.rootUrl() + "_testkit/users",
                    "{\"username\":\"zoe\",\"password\":\"zoe-secret-1\"}");
            assertThat(added.code()).as(added.body()).isEqualTo(201);
            assertThat(added.json().has("id")).isTrue();
            assertThat(http.get(fake.rootUrl() + "_testkit/credentials").json().get("credentials").toString())
                    .contains("user zoe / zoe-secret-1");
            assertThat(fake.calls()).as("admin calls are not the provider's traffic").isEmpty();

            fake.admin("users", Map.of("username", "yann", "password", "yann-secret-1"));
            assertThat(fake.credentials()).contains("user yann / yann-secret-1");

            // Added at run time is state: a reset forgets it; a seed is the seeded state: a reset keeps it.
            fake.seed("{\"" + section + "\": {\"users\": [{\"username\": \"seeded\", \"password\": \"seeded-pass-1\"}]}}");
            assertThat(http.post(fake.rootUrl() + "_testkit/reset", "").code()).isEqualTo(204);
            assertThat(fake.credentials()).contains("user seeded / seeded-pass-1")
                    .doesNotContain("user zoe / zoe-secret-1", "user yann / yann-secret-1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakes")
    void mistakesAreNamedAndNothingIsHalfApplied(String section, Supplier<FakeServer<?>> make) {
        try (FakeServer<?> fake = make.get().start()) {
            Http.Answer unknownKind = http.post(fake.rootUrl() + "_testkit/nope", "{}");
            assertThat(unknownKind.code()).isEqualTo(404);
            assertThat(unknownKind.json().get("error").asText()).contains("GET /_testkit lists them");

            Http.Answer missing = http.post(fake.rootUrl() + "_testkit/users", "{\"username\":\"zoe\"}");
            assertThat(missing.code()).isEqualTo(400);
            assertThat(missing.json().get("error").asText()).isEqualTo(
                    "POST /_testkit/users: 'password' is required; the fields are " + describedFields(fake));

            Http.Answer typo = http.post(fake.rootUrl() + "_testkit/users",
                    "{\"username\":\"zoe\",\"pasword\":\"x\"}");
            assertThat(typo.json().get("error").asText()).startsWith("POST /_testkit/users: unknown field pasword;");

            Http.Answer notJson = http.post(fake.rootUrl() + "_testkit/users", "{username");
            assertThat(notJson.code()).isEqualTo(400);
            assertThat(notJson.json().get("error").asText()).startsWith("POST /_testkit/users: the body is not JSON");

            // The second entry is wrong: the first is not added either.
            Http.Answer batch = http.post(fake.rootUrl() + "_testkit/users",
                    "[{\"username\":\"first\",\"password\":\"first-pass-1\"},{\"username\":\"second\"}]");
            assertThat(batch.code()).isEqualTo(400);
            assertThat(batch.json().get("error").asText()).startsWith("POST /_testkit/users[1]: 'password'");
            assertThat(fake.credentials()).noneMatch(c -> c.startsWith("user first "));

            assertThatThrownBy(() -> fake.seed("{\"" + section + "x\": {}}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("seed: no section '" + section + "x'; the sections are eternaltwin, karaokemugen, "
                            + "kemono, tmdb");
            assertThatThrownBy(() -> fake.seed("{\"" + section + "\": {\"userz\": []}}"))
                    .hasMessageStartingWith("seed: no kind 'userz' on " + section + "; its kinds are ");
        }
    }

    private String describedFields(FakeServer<?> fake) {
        List<String> fields = new ArrayList<>(List.of("username", "password"));
        http.get(fake.rootUrl() + "_testkit").json().at("/kinds/users/optional")
                .forEach(o -> fields.add(o.asText() + " (optional)"));
        return String.join(", ", fields);
    }

    @Test
    void aSeedFileSeedsEveryFakeFromItsOwnSectionAndTheEntriesWork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {
                  "kemono": {
                    "users": [{"username": "kim", "password": "kim-pass"}],
                    "creators": [{"service": "patreon", "id": "777", "name": "sevens"}],
                    "posts": [{"service": "patreon", "creator_id": "777", "id": "1", "title": "first"}],
                    "favorites": [{"username": "kim", "service": "patreon", "creator_id": "777"},
                                  {"username": "kim", "service": "patreon", "creator_id": "777", "post_id": "1"}]
                  },
                  "tmdb": {
                    "api_keys": [{"key": "their-own-key"}],
                    "movies": [{"id": 42, "title": "Answer", "release_date": "2001-02-03", "runtime": 99,
                                "imdb_id": "tt0000042", "genre_ids": [35]}]
                  }
                }
                """);
        try (FakeKemono kemono = FakeKemono.create().seed(file).start();
                FakeTmdb tmdb = FakeTmdb.create().seed(file).start()) {
            assertThat(kemono.credentials()).contains("user kim / kim-pass");
            Http.Answer login = http.post(kemono.baseUrl() + "/v1/authentication/login",
                    "{\"username\":\"kim\",\"password\":\"kim-pass\"}");
            assertThat(login.code()).isEqualTo(200);
            String cookie = login.header("Set-Cookie").split(";")[0];
            JsonNode favorites = http.get(kemono.baseUrl() + "/v1/account/favorites?type=artist", "Cookie", cookie)
                    .json();
            assertThat(favorites.toString()).contains("\"id\":\"777\"");

            JsonNode movie = http.get(tmdb.baseUrl() + "/3/movie/42?api_key=their-own-key").json();
            assertThat(movie.get("runtime").asInt()).isEqualTo(99);
            assertThat(movie.get("imdb_id").asText()).isEqualTo("tt0000042");
            assertThat(movie.at("/genres/0/name").asText()).isEqualTo("Comedy");
            assertThat(http.get(tmdb.baseUrl() + "/3/movie/latest?api_key=their-own-key").json().get("id").asInt())
                    .isEqualTo(42);
            assertThat(tmdb.credentials()).contains("API key their-own-key (query api_key)");
        }
    }

    @Test
    void aFakeRefusesWhatItsProviderWouldNotHaveAndSaysWhy() {
        try (FakeKemono kemono = FakeKemono.create().start();
                FakeEternaltwin etwin = FakeEternaltwin.create().start()) {
            assertThatThrownBy(() -> kemono.admin("creators", Map.of("service", "myspace", "id", "1", "name", "x")))
                    .hasMessageContaining("no service myspace; Kemono's are afdian, boosty");
            assertThatThrownBy(() -> kemono.admin("favorites", Map.of("username", "alice", "service", "patreon",
                    "creator_id", "404"))).hasMessageContaining("no creator patreon/404; add it first");
            assertThatThrownBy(() -> etwin.admin("clients", Map.of("key", "mine", "secret", "s",
                    "callback_uri", "http://localhost/cb"))).hasMessageContaining("a client key is <name>@clients");
            assertThatThrownBy(() -> etwin.admin("users", Map.of("username", "alice", "password", "another-pass")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
