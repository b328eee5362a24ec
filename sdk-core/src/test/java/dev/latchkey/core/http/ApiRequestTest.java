package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** One request as described by a provider: its URL, what messages show of it, its secrets and when it is replayed. */
class ApiRequestTest {
    static final HttpUrl BASE = HttpUrl.get("https://api.example/root/");

    @Test
    void theUrlKeepsEachPathValueInItsOwnSegment() {
        ApiRequest r = ApiRequest.get("/users/{id}/posts/{post}/").pathParam("id", "a/b c").pathParam("post", "7")
                .query("q", "x y").query("skip", null).query("n", 3).build();
        assertThat(r.url(BASE).toString()).isEqualTo("https://api.example/root/users/a%2Fb%20c/posts/7/?q=x%20y&n=3");
        assertThat(ApiRequest.get("/").build().url(BASE).toString()).isEqualTo("https://api.example/root/");
        assertThat(ApiRequest.get("/plain").build().url(BASE).encodedPath()).isEqualTo("/root/plain");
    }

    @Test
    void messagesShowThePathWithSecretsMaskedAndLongValuesCut() {
        String longId = "x".repeat(100);
        ApiRequest r = ApiRequest.builder("delete", "/s/{sid}/i/{id}").secretPathParam("sid", "s3cr3t-session")
                .pathParam("id", longId).query("access_token", "k3y").secretQuery("t", "t0k").query("page", 2)
                .query("api_key", "mine").build();
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.pathTemplate()).isEqualTo("/s/{sid}/i/{id}");
        // A provider's own names (TMDb's api_key) are its spec's, marked when the pipeline prepares the call.
        assertThat(r.redactedPath()).isEqualTo("/s/***/i/" + "x".repeat(64)
                + "…?access_token=***&t=***&page=2&api_key=mine");
        assertThat(r.withSecretQueryNames(java.util.Set.of("api_key")).redactedPath()).endsWith("&api_key=***");
        assertThat(r.withSecretQueryNames(java.util.Set.of("nothing"))).isSameAs(r);
        assertThat(r.toString()).isEqualTo("DELETE " + r.redactedPath());
        assertThat(r.redactedPath()).isSameAs(r.redactedPath()); // computed once
        assertThat(ApiRequest.get("/a").query("v", "y".repeat(64)).build().redactedPath()).isEqualTo("/a?v="
                + "y".repeat(64));
    }

    @Test
    void theSecretsAreEverySecretPartOfTheRequest() {
        ApiRequest r = ApiRequest.post("/p/{sid}").secretPathParam("sid", "pathsecret1").pathParam("x", "public")
                .secretQuery("k", "querysecret2").query("open", "visible").secretHeader("Authorization",
                        "Bearer headersecret3").header("X-Open", "shown").secret("bodysecret4").secret(null).build();
        Origin origin = new Origin(r, java.util.List.of());
        Object secrets = origin.secrets();
        String scrubbed = origin.secrets().scrub("pathsecret1 querysecret2 headersecret3 bodysecret4 public visible "
                + "shown");
        assertThat(scrubbed).doesNotContain("pathsecret1", "querysecret2", "headersecret3", "bodysecret4")
                .contains("public", "visible", "shown");
        assertThat(origin.secrets()).as("built once per call").isSameAs(secrets);
        assertThat(origin.callSecrets().get()).as("the log's are the same object").isSameAs(secrets);
        assertThat(new Origin(ApiRequest.get("/x").build(), java.util.List.of()).secrets().scrub("anything"))
                .isEqualTo("anything");
    }

    @Test
    void replayableByMethodUnlessToldOrGivenAnIdempotencyKey() {
        for (String m : new String[] {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) {
            assertThat(ApiRequest.builder(m, "/").build().replayable()).as(m).isTrue();
        }
        assertThat(ApiRequest.post("/").build().replayable()).isFalse();
        assertThat(ApiRequest.builder("PATCH", "/").build().replayable()).isFalse();
        assertThat(ApiRequest.post("/").replayable(true).build().replayable()).isTrue();
        assertThat(ApiRequest.get("/").replayable(false).build().replayable()).isFalse();
        ApiRequest keyed = ApiRequest.post("/").options(RequestOptions.builder().idempotencyKey("op").build()).build();
        assertThat(keyed.replayable()).isTrue();
        assertThat(ApiRequest.post("/").replayable(false).options(RequestOptions.builder().idempotencyKey("op")
                .build()).build().replayable()).isFalse();
        assertThat(ApiRequest.post("/").build().withOptions(RequestOptions.builder().idempotencyKey("k").build())
                .replayable()).isTrue();
    }

    @Test
    void bodiesAndFlagsAreKept() {
        ApiRequest json = ApiRequest.put("/j").jsonBody(Map.of("a", 1)).sensitive().build();
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(json.bodyType().toString()).startsWith("application/json");
        assertThat(json.sensitive()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", "a b&c");
        ApiRequest form = ApiRequest.post("/f").formBody(fields).build();
        assertThat(new String(form.body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=authorization_code&code=a+b%26c");
        assertThat(form.bodyType().toString()).startsWith("application/x-www-form-urlencoded");
        assertThat(form.sensitive()).isFalse();
        assertThat(ApiRequest.get("/g").build().body()).isNull();
        assertThat(ApiRequest.get("/g").build().options()).isSameAs(RequestOptions.none());
        assertThat(ApiRequest.get("/g").build().errorMapper()).isNull();
    }

    @Test
    void whatCannotBeSentIsRefusedWhereItIsGiven() {
        assertThatThrownBy(() -> ApiRequest.builder(" ", "/")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.builder(null, "/")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.get("relative")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("relative");
        assertThatThrownBy(() -> ApiRequest.get(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> ApiRequest.get("x".repeat(200))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(150));
        assertThatThrownBy(() -> ApiRequest.get("/{id}").pathParam("id", " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.get("/{id}").pathParam("id", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.get("/{id}").pathParam("id", ".")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.get("/{id}").pathParam("id", "..")).isInstanceOf(InvalidInputException.class);
        assertThat(ApiRequest.get("/{id}").pathParam("id", "...").build().url(BASE).encodedPath()).endsWith("/...");
        assertThatThrownBy(() -> ApiRequest.get("/{id}").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{id}");
        assertThatThrownBy(() -> ApiRequest.get("/{id").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ApiRequest.get("/").header("H", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.get("/").secretHeader("H", "a\nb")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> ApiRequest.get("/").secretQuery("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ApiRequest.get("/").build().withOptions(null)).isInstanceOf(InvalidInputException.class);
        ApiRequest.checkHeaderValue("tab and tilde", "a\tb~ !");
        assertThatThrownBy(() -> ApiRequest.checkHeaderValue("del", "\u007f")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiRequest.checkHeaderValue("us", "\u001f")).isInstanceOf(InvalidInputException.class);
    }
}
