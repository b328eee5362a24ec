package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 35's "done when": another project's test suite, in any language, runs against {@code latchkey sandbox
 * --seed FILE} with its own OAuth client, users and movie. The sandbox runs as its own process, as a user starts it;
 * the flows below speak plain HTTP with the JDK's client, as another language's client would: no Latchkey client
 * class, no testkit class.
 */
class SandboxForAnyonesTestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = """
            {
              "eternaltwin": {
                "clients": [{"key": "their_app@clients", "secret": "their-client-secret",
                             "callback_uri": "http://localhost:8000/oauth/callback", "display_name": "Their app"}],
                "users": [{"username": "sam", "password": "sam-password-1"}]
              },
              "kemono": {
                "users": [{"username": "sam", "password": "sam-password-1"}],
                "creators": [{"service": "patreon", "id": "4242", "name": "their creator"}],
                "favorites": [{"username": "sam", "service": "patreon", "creator_id": "4242"}]
              },
              "tmdb": {
                "api_keys": [{"key": "their-api-key"}],
                "users": [{"username": "tess", "password": "tess-password"}],
                "movies": [{"id": 4242, "title": "Their Movie", "release_date": "2020-04-02", "runtime": 101}],
                "favorites": [{"username": "tess", "media_type": "movie", "media_id": 4242}]
              },
              "karaokemugen": {
                "users": [{"username": "kim", "password": "kim-password"}]
              }
            }
            """;

    @TempDir
    static Path dir;
    private static Process sandbox;
    private static final Map<String, String> URLS = new LinkedHashMap<>();
    private static final StringBuilder PRINTED = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheSandboxAsItsOwnProcess() throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), SEED);
        sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.logFile=System.err", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sandbox", "--seed", seed.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("^(Kemono|TMDb|Eternaltwin|Karaoke Mugen) +(http://127\\.0\\.0\\.1:\\d+\\S*)");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            PRINTED.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (m.find()) {
                URLS.put(m.group(1), m.group(2));
            }
            if (line.startsWith("Fakes up")) {
                break;
            }
        }
        assertThat(URLS).as(PRINTED.toString()).hasSize(4);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (sandbox != null) {
            sandbox.destroy(); // SIGTERM: the sandbox's shutdown hook closes the fakes
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void everySeededCredentialIsPrinted() {
        assertThat(PRINTED).contains(
                "OAuth client their_app@clients / their-client-secret (id ",
                "callback http://localhost:8000/oauth/callback", "user sam / sam-password-1",
                "API key their-api-key (query api_key)", "user tess / tess-password", "user kim / kim-password",
                // the demo data's credentials too, each of them
                "user bob / bob-demo-pass", "user demurgos / demurgos-demo-pass (administrator)",
                "user mod / mod-demo-pass (moderator)", "user carol / carol-demo-pass");
    }

    @Test
    void eternaltwinsCodeFlowWithTheirOwnClientAndCallback() throws Exception {
        String base = URLS.get("Eternaltwin");
        // The browser's part: log in on the website, then open the authorization URL.
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/self?method=Etwin"))
                .header("Content-Type", "application/json").PUT(body("{\"login\":\"sam\",\"password\":\""
                        + HexFormat.of().formatHex("sam-password-1".getBytes(StandardCharsets.UTF_8)) + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String callback = "http://localhost:8000/oauth/callback";
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(base + "/oauth/authorize?"
                + "response_type=code&client_id=" + enc("their_app@clients") + "&redirect_uri=" + enc(callback)
                + "&scope=base&state=their-state")).header("Cookie", cookie).GET());
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(callback + "?").contains("state=their-state");
        String code = query(location, "code");

        // The app's part: the code for a token, with the client's own key and secret; then who the user is.
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "their_app@clients:their-client-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(body("{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = json(token).get("access_token").asText();
        JsonNode self = json(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/self"))
                .header("Authorization", "Bearer " + accessToken).GET()));
        assertThat(self.at("/user/display_name/current/value").asText()).isEqualTo("sam");
    }

    @Test
    void kemonoLoginAndTheSeededFavorite() throws Exception {
        String base = URLS.get("Kemono");
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/v1/authentication/login"))
                .header("Accept", "text/css").header("Content-Type", "application/json")
                .POST(body("{\"username\":\"sam\",\"password\":\"sam-password-1\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        JsonNode favorites = json(send(HttpRequest.newBuilder(URI.create(base + "/v1/account/favorites?type=artist"))
                .header("Accept", "text/css").header("Cookie", cookie).GET()));
        assertThat(favorites).hasSize(1);
        assertThat(favorites.get(0).get("name").asText()).isEqualTo("their creator");
    }

    @Test
    void tmdbSessionAccountAndTheSeededMovieWithTheirOwnKey() throws Exception {
        String base = URLS.get("TMDb");
        String key = "?api_key=their-api-key";
        String requestToken = json(send(HttpRequest.newBuilder(URI.create(base + "/3/authentication/token/new" + key))
                .GET())).get("request_token").asText();
        HttpResponse<String> validated = send(HttpRequest.newBuilder(URI.create(base
                + "/3/authentication/token/validate_with_login" + key)).header("Content-Type", "application/json")
                .POST(body("{\"username\":\"tess\",\"password\":\"tess-password\",\"request_token\":\""
                        + requestToken + "\"}")));
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        String session = json(send(HttpRequest.newBuilder(URI.create(base + "/3/authentication/session/new" + key))
                .header("Content-Type", "application/json")
                .POST(body("{\"request_token\":\"" + requestToken + "\"}")))).get("session_id").asText();
        JsonNode account = json(send(HttpRequest.newBuilder(URI.create(base + "/3/account" + key + "&session_id="
                + session)).GET()));
        assertThat(account.get("username").asText()).isEqualTo("tess");
        JsonNode favorites = json(send(HttpRequest.newBuilder(URI.create(base + "/3/account/" + account.get("id")
                + "/favorite/movies" + key + "&session_id=" + session)).GET()));
        assertThat(favorites.at("/results/0/title").asText()).isEqualTo("Their Movie");
        JsonNode movie = json(send(HttpRequest.newBuilder(URI.create(base + "/3/movie/4242" + key)).GET()));
        assertThat(movie.get("runtime").asInt()).isEqualTo(101);
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(base + "/3/no/such/route" + key)).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("status_code").asInt()).isEqualTo(34);
    }

    @Test
    void karaokeMugenLoginAndAccount() throws Exception {
        String base = URLS.get("Karaoke Mugen");
        // The app's socket-style command over HTTP: {cmd, body: {body, authorization}} (the corpus's login.json).
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/command"))
                .header("Content-Type", "application/json").POST(body("{\"cmd\":\"login\",\"body\":{\"body\":"
                        + "{\"username\":\"kim\",\"password\":\"kim-password\"}}}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = json(login).at("/data/token").asText();
        JsonNode me = json(send(HttpRequest.newBuilder(URI.create(base + "/api/command"))
                .header("Content-Type", "application/json").POST(body("{\"cmd\":\"getMyAccount\",\"body\":"
                        + "{\"body\":{},\"authorization\":\"" + token + "\"}}"))));
        assertThat(me.at("/data/login").asText()).isEqualTo("kim");
        assertThat(me.at("/data/type").asInt()).isEqualTo(1);
    }

    @Test
    void theAdminRoutesAddMoreWhileItRuns() throws Exception {
        for (String fake : List.of("Kemono", "TMDb", "Eternaltwin", "Karaoke Mugen")) {
            String root = URLS.get(fake).replaceFirst("(http://127\\.0\\.0\\.1:\\d+).*", "$1");
            HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(root + "/_testkit/users"))
                    .header("Content-Type", "application/json")
                    .POST(body("{\"username\":\"late\",\"password\":\"late-password\"}")));
            assertThat(added.statusCode()).as(fake + ": " + added.body()).isEqualTo(201);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
}
