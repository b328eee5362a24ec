package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.latchkey.testkit.Http.Answer;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {
    @RegisterExtension
    static FakeKemono kemono = FakeKemono.create();

    final Http http = new Http(Headers.of("Accept", "text/css"));

    String random() {
        return kemono.baseUrl() + "/v1/posts/random";
    }

    @Test
    void rateLimitedWithRetryAfterSecondsForTheNextNMatching() {
        kemono.faults().next(2).onPath("/api/v1/posts/*").rateLimited(Duration.ofSeconds(3));
        assertThat(http.get(kemono.baseUrl() + "/v1/artists/random").code()).isEqualTo(200); // not matching
        Answer a = http.get(random());
        assertThat(a.code()).isEqualTo(429);
        assertThat(a.header("Retry-After")).isEqualTo("3");
        assertThat(http.get(random()).code()).isEqualTo(429);
        assertThat(http.get(random()).code()).isEqualTo(200);
        assertThat(kemono.faults().pending()).isZero();
    }

    @Test
    void rateLimitedUntilAnHttpDate() {
        Instant until = Instant.parse("2030-01-01T00:00:10Z");
        kemono.faults().next().rateLimitedUntil(until);
        Answer a = http.get(random());
        assertThat(a.code()).isEqualTo(429);
        assertThat(ZonedDateTime.parse(a.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(until);
    }

    @Test
    void serverErrorsByStatusAndMethod() {
        kemono.faults().next().onMethod("POST").serverError(502);
        kemono.faults().next().serverError(503);
        assertThat(http.get(random()).code()).isEqualTo(503);
        assertThat(http.post(kemono.baseUrl() + "/v1/authentication/logout", null).code()).isEqualTo(502);
        for (int s : new int[] {500, 504}) {
            kemono.faults().next().serverError(s);
            assertThat(http.get(random()).code()).isEqualTo(s);
        }
    }

    @Test
    void aResetBreaksTheConnection() {
        kemono.faults().next().reset();
        assertThatThrownBy(() -> http.get(random())).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(random()).code()).isEqualTo(200);
        assertThat(kemono.calls().get(0).status()).isZero();
    }

    @Test
    void aStallDelaysTheRealAnswer() {
        kemono.faults().next().stall(Duration.ofSeconds(10));
        OkHttpClient impatient = http.client().newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();
        assertThatThrownBy(() -> impatient.newCall(new Request.Builder().url(random()).header("Accept", "text/css")
                .build()).execute()).isInstanceOf(java.net.SocketTimeoutException.class);
        kemono.faults().next().stallBody(Duration.ofSeconds(10));
        assertThatThrownBy(() -> {
            try (var r = impatient.newCall(new Request.Builder().url(random()).header("Accept", "text/css").build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(200); // headers arrive, the body does not
                r.body().string();
            }
        }).isInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void truncatedJsonIsTheRealAnswerCutInTheMiddle() {
        kemono.faults().next().truncatedJson();
        Answer a = http.get(kemono.baseUrl() + "/v1/fanbox/user/49494721/profile");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body()).startsWith("{\"id\":\"49494721\"");
        assertThatThrownBy(() -> Http.JSON.readTree(a.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theHtmlChallengeIsDdosGuardsPageOnKemono() {
        kemono.faults().next().htmlChallenge();
        Answer a = http.get(random());
        assertThat(a.code()).isEqualTo(403);
        assertThat(a.header("Server")).isEqualTo("ddos-guard");
        assertThat(a.header("Content-Type")).startsWith("text/html");
        assertThat(a.body()).contains("/ddos-guard/js-challenge/");
    }

    @Test
    void anEmptyBody() {
        kemono.faults().next().emptyBody();
        Answer a = http.get(random());
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body()).isEmpty();
    }

    @Test
    void aReplacedRequestChangesNoState() {
        kemono.faults().next().serverError(503);
        assertThat(http.post(kemono.baseUrl() + "/v1/authentication/login",
                "{\"username\":\"alice\",\"password\":\"" + FakeKemono.DEMO_PASSWORD + "\"}").code()).isEqualTo(503);
        assertThat(kemono.activeSessions()).isZero();
    }

    @Test
    void clearDropsPendingFaultsAndResetClearsEverything() {
        kemono.faults().next(5).serverError(500);
        kemono.faults().clear();
        assertThat(http.get(random()).code()).isEqualTo(200);
        kemono.faults().next(5).serverError(500);
        kemono.reset();
        assertThat(http.get(random()).code()).isEqualTo(200);
        assertThat(kemono.calls()).hasSize(1);
    }

    @Test
    void aStandaloneFakeStartsOnAChosenPortAndStops() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FakeKemono fake = FakeKemono.create().start(port);
        assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/api");
        assertThat(http.get(fake.baseUrl() + "/v1/artists/random").code()).isEqualTo(200);
        fake.close();
        fake.close();
        assertThat(fake.isStarted()).isFalse();
        assertThatThrownBy(fake::baseUrl).isInstanceOf(IllegalStateException.class);
    }
}
