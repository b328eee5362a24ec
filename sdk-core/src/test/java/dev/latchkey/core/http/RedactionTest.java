package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** A whole exchange at TRACE: no secret may reach a log line, an exception message or a toString(). */
class RedactionTest {
    static final String PASSWORD = "hunter2-Secret!";
    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    static final String SESSION_COOKIE = "eyJzZXNzaW9uIjoiYWxpY2UifQ.ZZ9xYw.sig";
    static final String GUEST_ID = "1ce82ec1223641636ad4a60b07de3581";
    static final String TOKEN = "tok_live_9f8e7d6c5b4a";

    @Test
    void noSecretReachesLogsMessagesOrToString() throws Exception {
        List<String> seen = new ArrayList<>();
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none())); LogCapture logs = new LogCapture()) {
            Credentials credentials = Credentials.of("alice", PASSWORD);
            f.enqueue(new MockResponse.Builder().code(200)
                    .addHeader("Set-Cookie", "session=" + SESSION_COOKIE + "; Path=/; HttpOnly")
                    .body("{\"id\":1,\"username\":\"alice\",\"token\":\"" + TOKEN + "\"}").build());
            ApiRequest login = ApiRequest.post("/login").secretQuery("api_key", API_KEY)
                    .jsonBody(Map.of("username", credentials.username(), "password", credentials.password().reveal()))
                    .secret(credentials.password().reveal()).sensitive().build();
            String cookie = f.pipeline.execute(login, r -> r.cookie("session").orElseThrow());
            assertThat(cookie).isEqualTo(SESSION_COOKIE);

            Session session = Session.builder("test").cookie("session", cookie).token(Session.ACCESS_TOKEN, TOKEN)
                    .attribute("username", "alice").build();

            f.enqueue(200, "{\"results\":[]}");
            f.pipeline.execute(ApiRequest.get("/guest/{id}/rated").secretPathParam("id", GUEST_ID)
                    .query("api_key", API_KEY).secretHeader("Cookie", "session=" + cookie)
                    .secretHeader("Authorization", "Bearer " + TOKEN).build(), ResponseParser.tree());

            // A server that echoes the secrets back in its error message.
            f.enqueue(new MockResponse.Builder().code(401).setHeader("X-Request-Id", "req-" + TOKEN)
                    .body("{\"message\":\"invalid token " + TOKEN + " for guest " + GUEST_ID + "\"}").build());
            UnauthorizedException e = org.junit.jupiter.api.Assertions.assertThrows(UnauthorizedException.class,
                    () -> f.pipeline.execute(ApiRequest.get("/guest/{id}/rated").secretPathParam("id", GUEST_ID)
                            .query("session_id", SESSION_COOKIE).secretHeader("Authorization", "Bearer " + TOKEN)
                            .build(), ResponseParser.discard()));

            seen.add(logs.text());
            seen.add(e.getMessage());
            seen.add(e.toString());
            seen.add(session.toString());
            seen.add(credentials.toString());
            seen.add(login.toString());
            seen.add(f.pipeline.options().toString());
            assertThat(logs.text()).contains("--> POST").contains("<-- 200").contains("***")
                    .contains("/guest/***/rated");
            assertThat(e.requestId()).contains("req-***");
            assertThat(e.getMessage()).contains("invalid token *** for guest ***")
                    .contains("GET /guest/***/rated?session_id=***");
        }
        for (String text : seen) {
            assertThat(text).doesNotContain(PASSWORD, API_KEY, SESSION_COOKIE, GUEST_ID, TOKEN);
        }
    }

    @Test
    void sensitiveBodiesAreNotLoggedEvenAtTrace() throws Exception {
        try (Fixture f = new Fixture(b -> b.retryPolicy(RetryPolicy.none())); LogCapture logs = new LogCapture()) {
            f.enqueue(200, "{\"session_id\":\"abcd\"}").enqueue(200, "{\"public\":\"visible-body\"}");
            f.pipeline.execute(ApiRequest.post("/session").jsonBody(Map.of("request_token", "rt")).sensitive().build(),
                    ResponseParser.tree());
            f.pipeline.execute(ApiRequest.get("/public").build(), ResponseParser.tree());
            assertThat(logs.text()).doesNotContain("request_token\"", "session_id\"").contains("visible-body");
        }
    }

    @Test
    void nothingIsLoggedWhenDebugIsOff() {
        try (Fixture f = new Fixture()) {
            f.enqueue(200, "{}");
            ch.qos.logback.classic.Logger http = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                    .getLogger("dev.latchkey");
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                    new ch.qos.logback.core.read.ListAppender<>();
            appender.start();
            http.addAppender(appender);
            try {
                f.pipeline.execute(ApiRequest.get("/x").build(), ResponseParser.discard());
            } finally {
                http.detachAppender(appender);
            }
            assertThat(appender.list).isEmpty();
        }
    }

    @Test
    void coreKnowsNoProvidersSecretNamesEachProviderDeclaresItsOwn() {
        // Issue 28: TMDb's names were core's list; now core has the generic credential names only.
        assertThat(ApiRequest.SECRET_QUERY_NAMES).doesNotContain("api_key", "session_id", "guest_session_id",
                "request_token").contains("access_token", "code", "state", "password");
        ProviderSpec spec = ProviderSpec.of("x", "https://x.invalid").withSecretQueryNames("api_key");
        assertThat(spec.secretQueryNames()).containsExactly("api_key");
        assertThat(spec.allSecretQueryNames()).contains("api_key", "access_token");
        assertThat(ProviderSpec.of("x", "https://x.invalid").allSecretQueryNames())
                .isEqualTo(ApiRequest.SECRET_QUERY_NAMES);
    }

    @Test
    void requestToStringRedactsSecretQueryValuesByName() {
        ApiRequest r = ApiRequest.get("/a").query("access_token", API_KEY).query("page", 3).build();
        assertThat(r.toString()).isEqualTo("GET /a?access_token=***&page=3");
        assertThatThrownBy(() -> ApiRequest.get("/a/{id}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
        assertThatThrownBy(() -> ApiRequest.get("/a/{id}").pathParam("id", " ").build())
                .isInstanceOf(dev.latchkey.core.error.InvalidInputException.class).hasMessage("id is blank");
    }
}
