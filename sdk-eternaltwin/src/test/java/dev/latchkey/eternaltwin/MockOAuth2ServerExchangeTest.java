package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.Session;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.TransportException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.Pkce;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code exchange against a real OAuth 2 server that none of us wrote (NAV's mock-oauth2-server, which enforces
 * PKCE): an outside check that the fake does not share the client's misreadings of RFC 6749 and 7636.
 * Its issuer {@code oauth} puts its endpoints at {@code /oauth/authorize} and {@code /oauth/token}, where Eternaltwin
 * has them.
 */
class MockOAuth2ServerExchangeTest {
    static final String CALLBACK = "http://127.0.0.1:50321/oauth/callback";
    static MockOAuth2Server server;
    static final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();

    @BeforeAll
    static void start() {
        server = new MockOAuth2Server();
        server.start(0);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
        browser.dispatcher().executorService().shutdown();
    }

    static EternaltwinClient client() {
        return EternaltwinClient.builder().baseUrl(server.baseUrl().toString()).clientId("latchkey_demo@clients")
                .clientSecret("dev_secret").redirectUri(CALLBACK).build();
    }

    /** The browser: the authorization request, answered at once with a redirect to the callback. */
    static AuthorizationCallback authorize(Authorization start) throws Exception {
        // The server speaks OpenID Connect: it wants the openid scope beside Eternaltwin's base.
        HttpUrl url = HttpUrl.get(start.url()).newBuilder().setQueryParameter("scope", "openid base").build();
        try (Response r = browser.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.code()).as("authorize answers a redirect").isEqualTo(302);
            String location = r.header("Location");
            assertThat(location).startsWith(CALLBACK + "?");
            return EternaltwinClientTest.callback(location);
        }
    }

    /** @return the token requests the server received since the last look (it throws once its queue is empty) */
    static java.util.List<RecordedRequest> tokenRequests() {
        java.util.List<RecordedRequest> seen = new java.util.ArrayList<>();
        while (true) {
            RecordedRequest r;
            try {
                r = server.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException drained) {
                return seen;
            }
            if (r.getRequestUrl().encodedPath().equals("/oauth/token")) {
                seen.add(r);
            }
        }
    }

    @Test
    void theCodeIsRedeemedWithBasicAuthAndTheVerifierInOneRequest() throws Exception {
        try (EternaltwinClient etwin = client()) {
            Authorization start = etwin.startAuthorization();
            AuthorizationCallback back = authorize(start);
            String code = back.code().orElseThrow();
            Pkce pkce = etwin.acceptState(code, back.state().orElseThrow(), start.state());
            tokenRequests(); // what other tests sent
            Session token = etwin.redeem(code, pkce);
            assertThat(token.token("access_token")).get().asString().isNotBlank();
            java.util.List<RecordedRequest> requests = tokenRequests();
            assertThat(requests).hasSize(1);
            RecordedRequest sent = requests.get(0);
            assertThat(sent.getHeader("Authorization")).startsWith("Basic ");
            assertThat(sent.getBody().readUtf8()).contains("grant_type=authorization_code")
                    .contains("code_verifier=" + pkce.verifier());
        }
    }

    @Test
    void anExchangeWhoseAnswerIsLostIsNotSentAgain() throws Exception {
        // mock-oauth2-server 3.0.1 redeems a code twice (its cache drops the authorization request, not the code), so
        // single use is proven against FakeEternaltwin. Proven here: the server redeemed the code, the answer was
        // lost on the way back (a reset), and the client does not send the code again.
        java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean(true);
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Response answer = chain.proceed(chain.request());
            if (chain.request().url().encodedPath().equals("/oauth/token") && cut.getAndSet(false)) {
                answer.close();
                throw new java.net.SocketException("Connection reset");
            }
            return answer;
        }).build();
        try (EternaltwinClient etwin = EternaltwinClient.builder().baseUrl(server.baseUrl().toString())
                .httpClient(http).clientId("latchkey_demo@clients").clientSecret("dev_secret").redirectUri(CALLBACK)
                .build()) {
            Authorization start = etwin.startAuthorization();
            AuthorizationCallback back = authorize(start);
            String code = back.code().orElseThrow();
            Pkce pkce = etwin.acceptState(code, back.state().orElseThrow(), start.state());
            tokenRequests();
            assertThatThrownBy(() -> etwin.redeem(code, pkce)).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESET));
            assertThat(tokenRequests()).as("the exchange is not retried").hasSize(1);
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void aCodeRedeemedWithAnotherStatesVerifierIsRefused() throws Exception {
        try (EternaltwinClient etwin = client()) {
            Authorization a = etwin.startAuthorization();
            Authorization b = etwin.startAuthorization();
            AuthorizationCallback back = authorize(a);
            String code = back.code().orElseThrow();
            Pkce wrong = etwin.acceptState(code, b.state(), b.state());
            assertThatThrownBy(() -> etwin.redeem(code, wrong)).isInstanceOfSatisfying(InvalidCodeException.class,
                    e -> assertThat(e.providerCode()).contains("invalid_grant"));
        }
    }
}
