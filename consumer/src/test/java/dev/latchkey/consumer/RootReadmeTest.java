package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.http.ResponseInfo;
import dev.latchkey.core.http.WithResponse;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.WithFakeServers;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root README's sdk-core snippets, on the module path, against the fakes (injected by {@code @WithFakeServers}). */
@WithFakeServers
class RootReadmeTest {
    @TempDir
    Path home;

    @Test
    void optionsBuiltOnceServeSeveralClients(FakeKemono fake, FakeTmdb fakeTmdb) {
        OkHttpClient myOkHttpClient = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(7)).build();
        String key = FakeTmdb.API_KEY;
        // --- README ---
        ClientOptions options = ClientOptions.builder()
                .httpClient(myOkHttpClient)              // optional: yours is shared, never shut down; its timeouts stand
                .maxRetries(2)                           // GET/HEAD/PUT/DELETE on connect failures, 408, 429, 502-504
                .sessionStore(SessionStore.file(home.resolve(".config/latchkey/sessions.json")))
                .build();
        KemonoClient kemono = KemonoClient.builder().options(options).baseUrl(fake.baseUrl()).build();
        TmdbClient tmdb = TmdbClient.builder().options(options).baseUrl(fakeTmdb.baseUrl()).apiKey(key).build();
        KemonoClient mirror = KemonoClient.builder().options(options)
                .baseUrl(fake.baseUrl())                                        // https only, except loopback hosts
                .options(b -> b.readTimeout(Duration.ofSeconds(5)))
                .build();
        // --- end ---
        // --- README: per call ---
        Optional<Creator> soso = kemono
                .withRequestOptions(RequestOptions.builder().timeout(Duration.ofSeconds(2)).header("X-Trace", "42").build())
                .creator(Service.FANBOX, "49494721");
        WithResponse<Optional<Creator>> raw = kemono.withResponse(c -> c.creator(Service.FANBOX, "49494721"));
        int status = raw.response().map(ResponseInfo::status).orElse(-1);
        // --- end ---
        assertThat(soso).isPresent();
        assertThat(fake.calls().get(0).headers().get("X-Trace")).isEqualTo("42");
        assertThat(status).isEqualTo(200);
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        tmdb.auth().validateApiKey();
        assertThat(mirror.creator(Service.FANBOX, "49494721")).isPresent();
        kemono.close();
        tmdb.close();
        mirror.close();
        myOkHttpClient.dispatcher().executorService().shutdown();
    }
}
