package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.AuthorizationDeniedException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.eternaltwin.model.User;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the stateful fake: the whole login, the users API, and every way a login is refused. */
class EternaltwinClientTest {
    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    static final byte[] STATE_KEY = "a-state-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static FakeEternaltwin fake = FakeEternaltwin.builder().clock(CLOCK).asGitlabMaster2026().build();

    final SessionStore store = SessionStore.inMemory();
    EternaltwinClient etwin;

    @BeforeEach
    void client() {
        etwin = client(FakeEternaltwin.DEMO_CLIENT_SECRET);
    }

    @AfterEach
    void close() {
        etwin.close();
    }

    EternaltwinClient client(String secret) {
        return EternaltwinClient.builder().baseUrl(fake.baseUrl()).sessionStore(store)
                .options(o -> o.clock(CLOCK)).clientId(FakeEternaltwin.DEMO_CLIENT).clientSecret(secret)
                .redirectUri(FakeEternaltwin.DEMO_CALLBACK).stateKey(STATE_KEY).build();
    }

    /** The browser's round trip: the user approves, and the callback's parameters come back. */
    static AuthorizationCallback approve(Authorization start, String user) {
        return callback(fake.authorize(start.url().toString(), user));
    }

    static AuthorizationCallback callback(String url) {
        HttpUrl u = HttpUrl.get(url);
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : u.queryParameterNames()) {
            params.put(name, u.queryParameter(name));
        }
        return new AuthorizationCallback(params);
    }

    List<String> paths() {
        return fake.calls().stream().map(RecordedCall::path).toList();
    }

    @Test
    void theWholeLoginAuthorizeExchangeSelfAndTheTokenIsStored() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        EternaltwinAccount alice = etwin.fromAuthorizationCode(back.code().orElseThrow(), back.state().orElseThrow(),
                start.state());
        assertThat(alice.id()).isEqualTo(fake.userId(FakeEternaltwin.DEMO_USER));
        assertThat(alice.displayName()).isEqualTo("Alice");
        assertThat(paths()).containsExactly("/oauth/token", "/api/v1/auth/self");
        assertThat(store.load(alice.storeKey())).contains(alice.session());
        assertThat(alice.session().token("access_token")).isPresent();
        assertThat(alice.self().id()).isEqualTo(alice.id());
        // Resumed without a call, from the store.
        EternaltwinAccount again = etwin.resume(alice.id()).orElseThrow();
        assertThat(again.displayName()).isEqualTo("Alice");
        assertThat(again.self().displayName()).isEqualTo("Alice");
        again.forget();
        assertThat(etwin.resume(alice.id())).isEmpty();
    }

    @Test
    void theTokenExchangeIsBasicAuthOfTheRawIdAndSecretWithTheVerifierAndNoSecretInTheUrl() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, "bob");
        etwin.fromCallback(back, start.state());
        RecordedCall token = fake.calls().get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Authorization")).contains("Basic " + java.util.Base64.getEncoder().encodeToString(
                "latchkey_demo@clients:dev_secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(token.header("Content-Type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
        assertThat(token.body()).contains("grant_type=authorization_code").contains("code_verifier=")
                .contains("redirect_uri=" + "http%3A%2F%2F127.0.0.1%3A50321%2Foauth%2Fcallback");
        assertThat(token.target()).isEqualTo("/oauth/token");
        assertThat(fake.calls().get(1).header("Authorization").orElseThrow()).startsWith("Bearer ");
    }

    @Test
    void theAuthorizationUrlCarriesTheSixParametersAndAnS256Challenge() throws Exception {
        Authorization start = etwin.startAuthorization(Duration.ofMinutes(5), "my-nonce");
        HttpUrl url = HttpUrl.get(start.url());
        assertThat(url.encodedPath()).isEqualTo("/oauth/authorize");
        assertThat(url.queryParameterNames()).containsExactly("response_type", "access_type", "client_id", "scope",
                "state", "redirect_uri", "code_challenge", "code_challenge_method");
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("access_type")).isEqualTo("offline");
        assertThat(url.queryParameter("client_id")).isEqualTo(FakeEternaltwin.DEMO_CLIENT);
        assertThat(url.queryParameter("scope")).isEqualTo("base");
        assertThat(url.queryParameter("state")).isEqualTo(start.state());
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(FakeEternaltwin.DEMO_CALLBACK);
        assertThat(url.queryParameter("code_challenge")).hasSize(43);
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(start.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
        // eternaltwin-py's claims: a, as, iat, rfp, exp, nonce; HS256.
        SignedJWT jwt = SignedJWT.parse(start.state());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("a", "as", "iat", "rfp", "exp", "nonce");
        assertThat(claims.getClaim("a")).isEqualTo("authorize");
        assertThat(claims.getClaim("as")).isEqualTo(fake.baseUrl() + "/");
        assertThat(claims.getClaim("nonce")).isEqualTo("my-nonce");
        assertThat((String) claims.getClaim("rfp")).hasSize(43); // 256 random bits
        assertThat(start.toString()).doesNotContain(start.state());
        // No call is made to start a login.
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aRandomNonceHas256BitsAndEveryStateIsNew() throws Exception {
        String a = etwin.startAuthorization().state();
        String b = etwin.startAuthorization().state();
        assertThat(a).isNotEqualTo(b);
        assertThat((String) SignedJWT.parse(a).getJWTClaimsSet().getClaim("nonce")).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void aPathPrefixOfTheOriginIsKept() {
        try (EternaltwinClient prefixed = EternaltwinClient.builder().baseUrl("https://example.org/etwin")
                .clientId("latchkey_demo@clients").clientSecret("s3cret").redirectUri("https://app.example/cb")
                .build()) {
            assertThat(HttpUrl.get(prefixed.startAuthorization().url()).encodedPath())
                    .isEqualTo("/etwin/oauth/authorize");
        }
    }

    @Test
    void aTamperedMissingOrForeignStateIsRefusedBeforeAnyCall() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        String code = back.code().orElseThrow();
        String tampered = start.state().substring(0, start.state().length() - 2) + "xy";
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, tampered, tampered))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, start.state(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expectedState is required");
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, start.state(), " "))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("no expected");
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, start.state(), etwin.startAuthorization().state()))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, "not-a-jwt", "not-a-jwt"))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("malformed");
        // Signed with the same key for another origin: the 'as' claim tells.
        try (EternaltwinClient other = EternaltwinClient.builder().baseUrl("https://eternaltwin.org")
                .clientId(FakeEternaltwin.DEMO_CLIENT).clientSecret("x").redirectUri(FakeEternaltwin.DEMO_CALLBACK)
                .stateKey(STATE_KEY).options(o -> o.clock(CLOCK)).build()) {
            String foreign = other.startAuthorization().state();
            assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, foreign, foreign))
                    .isInstanceOf(InvalidStateException.class).hasMessageContaining("'as'");
        }
        assertThat(fake.calls()).isEmpty();
        // The state was never consumed by those failures: the real one still works.
        assertThat(etwin.fromAuthorizationCode(code, start.state(), start.state()).displayName()).isEqualTo("Alice");
    }

    @Test
    void aStateIsAcceptedOnceAndNotAfterItExpires() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        etwin.fromCallback(back, start.state());
        assertThatThrownBy(() -> etwin.fromCallback(back, start.state())).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("already used");
        Authorization late = etwin.startAuthorization(Duration.ofMinutes(1), null);
        AuthorizationCallback lateBack = approve(late, FakeEternaltwin.DEMO_USER);
        CLOCK.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> etwin.fromCallback(lateBack, late.state())).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aLoginStartedOnOneWorkerFinishesOnAnotherWithTheSameKey() {
        try (EternaltwinClient worker2 = client(FakeEternaltwin.DEMO_CLIENT_SECRET)) {
            Authorization start = etwin.startAuthorization();
            AuthorizationCallback back = approve(start, "bob");
            assertThat(worker2.fromCallback(back, start.state()).displayName()).isEqualTo("Bob");
        }
    }

    @Test
    void aReusedCodeIsAcceptedByTheServerSoTheSingleUseStateIsWhatStopsAReplay() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        String code = back.code().orElseThrow();
        etwin.fromAuthorizationCode(code, start.state(), start.state());
        // The same redirect again: refused by the client, before any call (the server would issue a second token).
        fake.clearCalls();
        assertThatThrownBy(() -> etwin.fromAuthorizationCode(code, start.state(), start.state()))
                .isInstanceOf(InvalidStateException.class);
        assertThat(fake.calls()).isEmpty();
        // With a fresh state, Eternaltwin redeems the used code once more (crates/services/src/auth.rs:355-391).
        Authorization second = etwin.startAuthorization();
        assertThat(etwin.fromAuthorizationCode(code, second.state(), second.state()).id())
                .isEqualTo(fake.userId(FakeEternaltwin.DEMO_USER));
    }

    @Test
    void anExpiredCodeIsRefusedAsInvalidCode() {
        Authorization start = etwin.startAuthorization(Duration.ofMinutes(30), null);
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        CLOCK.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> etwin.fromCallback(back, start.state()))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.providerCode()).contains("CodeExpiredError"));
    }

    @Test
    void aCodeOfAnotherLoginIsRedeemedBecauseEternaltwinIgnoresPkce() {
        // Code injection: a code from one authorization request, sent back with another (valid) state. The client
        // sends the PKCE verifier of the second; Eternaltwin does not read it (README, "Against the real server").
        Authorization a = etwin.startAuthorization();
        Authorization b = etwin.startAuthorization();
        String codeOfA = approve(a, FakeEternaltwin.DEMO_USER).code().orElseThrow();
        assertThat(etwin.fromAuthorizationCode(codeOfA, b.state(), b.state()).id())
                .isEqualTo(fake.userId(FakeEternaltwin.DEMO_USER));
        assertThat(fake.calls()).filteredOn(c -> c.path().equals("/oauth/token")).last()
                .satisfies(c -> assertThat(c.body()).contains("code_verifier"));
    }

    @Test
    void aWrongClientSecretIsABare500WhoseMessageNamesTheUsualCause() {
        try (EternaltwinClient wrong = client("not-the-secret")) {
            Authorization start = wrong.startAuthorization();
            AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
            fake.clearCalls();
            assertThatThrownBy(() -> wrong.fromCallback(back, start.state()))
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.getMessage()).contains("wrong client id or client secret (the usual cause")
                                .doesNotContain("not-the-secret");
                    });
            assertThat(fake.calls()).as("a code exchange is never sent twice").hasSize(1);
        }
    }

    @Test
    void aDeniedAuthorizationIsReportedOnlyWithAValidState() {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback denied = callback(fake.deny(start.url().toString()));
        assertThatThrownBy(() -> etwin.fromCallback(denied, etwin.startAuthorization().state()))
                .isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> etwin.fromCallback(denied, start.state()))
                .isInstanceOfSatisfying(AuthorizationDeniedException.class,
                        e -> assertThat(e.error()).isEqualTo("access_denied"));
        // A hostile server echoing the state in its description: it stays out of the message.
        Authorization echoed = etwin.startAuthorization();
        assertThatThrownBy(() -> etwin.fromCallback(new AuthorizationCallback(Map.of("state", echoed.state(), "error",
                "server_error", "error_description", "bad state " + echoed.state())), echoed.state()))
                .isInstanceOf(AuthorizationDeniedException.class).hasMessageNotContaining(echoed.state())
                .hasMessageContaining("bad state ***");
        assertThatThrownBy(() -> etwin.fromCallback(new AuthorizationCallback(Map.of("state", start.state())),
                start.state())).isInstanceOf(InvalidInputException.class).hasMessageContaining("neither");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void fromTokenChecksTheTokenAndAnUnknownOneSaysToLogInAgain() {
        Authorization start = etwin.startAuthorization();
        EternaltwinAccount alice = etwin.fromCallback(approve(start, FakeEternaltwin.DEMO_USER), start.state());
        String token = alice.session().token("access_token").orElseThrow();
        assertThat(etwin.fromToken(token).id()).isEqualTo(alice.id());
        fake.revokeToken(token);
        assertThatThrownBy(alice::self).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("GET /api/v1/auth/self").contains("a token it does not know")
                    .contains("log in again").doesNotContain(token);
        });
        assertThatThrownBy(() -> etwin.fromToken("0d8d5067-5954-4930-94be-c1d09bf71903"))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.getMessage()).contains("log in again"));
        assertThatThrownBy(() -> etwin.fromToken(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> etwin.fromToken("a\r\nX-Evil: 1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void usersByIdSearchAndCount() {
        String demurgos = fake.userId("demurgos");
        User d = etwin.user(demurgos).orElseThrow();
        assertThat(d.displayName()).isEqualTo("Demurgos");
        assertThat(d.administrator()).contains(true);
        assertThat(etwin.user(demurgos.toUpperCase(java.util.Locale.ROOT))).contains(d);
        assertThat(etwin.user("00000000-0000-4000-8000-000000000000")).isEmpty();
        fake.clearCalls();
        assertThatThrownBy(() -> etwin.user("../auth/self")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UUID");
        assertThat(fake.calls()).isEmpty();
        assertThat(etwin.count("user")).isEqualTo(2);
        assertThat(etwin.count()).isEqualTo(5);
        assertThat(etwin.count("nobody-has-this-name")).isZero();
        var page = etwin.search("user", 1, 0);
        assertThat(page.items()).extracting(User::displayName).containsExactly("user1");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.autoPager().stream().map(User::displayName).toList()).containsExactly("user1", "user2");
        assertThat(etwin.search(null).items()).hasSize(5);
        assertThat(etwin.search("user", 20, 1).items()).extracting(User::displayName).containsExactly("user2");
        assertThatThrownBy(() -> etwin.search("user", 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> etwin.search("user", 5, -1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theAsyncTwinsDoTheSame() throws Exception {
        Authorization start = etwin.startAuthorization();
        AuthorizationCallback back = approve(start, FakeEternaltwin.DEMO_USER);
        EternaltwinAccount alice = etwin.async().fromAuthorizationCode(back.code().orElseThrow(),
                back.state().orElseThrow(), start.state()).get(10, TimeUnit.SECONDS);
        assertThat(alice.displayName()).isEqualTo("Alice");
        assertThat(alice.async().self().get(10, TimeUnit.SECONDS).id()).isEqualTo(alice.id());
        assertThat(etwin.async().count("user").get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(etwin.async().search("user", 1, 0).get(10, TimeUnit.SECONDS).autoPagerAsync().collect(10)
                .get(10, TimeUnit.SECONDS)).extracting(User::displayName).containsExactly("user1", "user2");
        assertThat(etwin.async().user(alice.id()).get(10, TimeUnit.SECONDS)).isPresent();
        // A refused state fails the future; it never throws.
        var refused = etwin.async().fromAuthorizationCode("code", "bad", "bad");
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidStateException.class);
        Authorization again = etwin.startAuthorization();
        var reused = etwin.async().fromCallback(back, again.state());
        assertThatThrownBy(() -> reused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidStateException.class);
    }

    @Test
    void theBuilderRefusesIncompleteOrMalformedOAuthSettings() {
        String url = fake.baseUrl();
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("app@clients").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("clientSecret, redirectUri missing");
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("App@clients").clientSecret("s")
                .redirectUri("https://a.example/cb").build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("<name>@clients");
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("app@clients").clientSecret("s")
                .redirectUri("https://a.example/cb#frag").build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("app@clients").clientSecret("s")
                .redirectUri("/cb").build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("app@clients").clientSecret("s")
                .redirectUri("https://a.example/cb").stateKey(new byte[16]).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> EternaltwinClient.builder().baseUrl(url).clientId("app@clients").clientSecret(" ")
                .redirectUri("https://a.example/cb").build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blank");
        try (EternaltwinClient readOnly = EternaltwinClient.builder().baseUrl(url).build()) {
            assertThat(readOnly.clientId()).isEmpty();
            assertThatThrownBy(readOnly::startAuthorization).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no OAuth settings");
            assertThat(readOnly.count()).isEqualTo(5);
        }
        assertThatThrownBy(() -> etwin.startAuthorization(Duration.ZERO, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> etwin.startAuthorization(Duration.ofDays(2), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> etwin.startAuthorization(Duration.ofMinutes(1), " "))
                .isInstanceOf(InvalidInputException.class);
        assertThat(etwin.toString()).contains(FakeEternaltwin.DEMO_CLIENT).doesNotContain("dev_secret");
    }

    @Test
    void aLoginStartedByEternaltwinPyFinishesHere() throws Exception {
        // eternaltwin-py's state (research 3.1: rfp = iat, a 128-hex nonce, HS256 with the shared key) and its six
        // parameters, without PKCE: a login it started, finished by this client with the same key and origin.
        long iat = CLOCK.instant().getEpochSecond();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("a", "authorize").claim("as", fake.baseUrl() + "/")
                .claim("iat", iat).claim("rfp", iat).claim("exp", iat + 600).claim("nonce", "9f".repeat(64)).build();
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(STATE_KEY));
        String pyState = jwt.serialize();
        String pyUrl = HttpUrl.get(fake.baseUrl() + "/oauth/authorize").newBuilder()
                .addQueryParameter("response_type", "code").addQueryParameter("access_type", "offline")
                .addQueryParameter("client_id", FakeEternaltwin.DEMO_CLIENT).addQueryParameter("scope", "base")
                .addQueryParameter("state", pyState).addQueryParameter("redirect_uri", FakeEternaltwin.DEMO_CALLBACK)
                .build().toString();
        AuthorizationCallback back = callback(fake.authorize(pyUrl, "bob"));
        assertThat(etwin.fromCallback(back, pyState).displayName()).isEqualTo("Bob");
        // And it is single-use here, where eternaltwin-py would take it again until it expires.
        assertThatThrownBy(() -> etwin.fromCallback(back, pyState)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("already used");
    }

    EternaltwinAccount alice() {
        Authorization start = etwin.startAuthorization();
        return etwin.fromCallback(approve(start, FakeEternaltwin.DEMO_USER), start.state());
    }

    @Test
    void everyAccountCallSyncAndAsyncWithPerCallOptionsAndTheRawAnswer() throws Exception {
        EternaltwinAccount alice = alice();
        assertThat(alice.user().displayName()).isEqualTo("Alice");
        assertThat(alice.user().deletedAt()).isEmpty();
        assertThat(alice.expiresAt()).hasValueSatisfying(t -> assertThat(t).isAfter(CLOCK.instant()));
        String token = alice.session().token("access_token").orElseThrow();
        assertThat(alice.toString()).contains(alice.id(), "Alice").doesNotContain(token);

        @SuppressWarnings("unchecked")
        Map<String, Object> self = alice.request("GET", "/api/v1/auth/self", Map.class);
        assertThat(self).isNotEmpty();
        assertThat(alice.async().request("GET", "/api/v1/auth/self", Map.class).get(5, TimeUnit.SECONDS))
                .isEqualTo(self);

        dev.latchkey.core.RequestOptions traced = dev.latchkey.core.RequestOptions.builder().header("X-Trace", "e-1")
                .build();
        assertThat(alice.withRequestOptions(traced).self().id()).isEqualTo(alice.id());
        assertThat(fake.lastCall().header("X-Trace")).contains("e-1");
        var sync = alice.withResponse(EternaltwinAccount::self);
        assertThat(sync.value().id()).isEqualTo(alice.id());
        assertThat(sync.response().orElseThrow().status()).isEqualTo(200);
        var async = alice.async().withResponse(a -> a.self()).get(5, TimeUnit.SECONDS);
        assertThat(async.response().orElseThrow().status()).isEqualTo(200);
        assertThat(async.value().displayName()).isEqualTo("Alice");
    }

    @Test
    void everyClientCallAsyncAndTheRawAnswer() throws Exception {
        EternaltwinAccount alice = alice();
        String token = alice.session().token("access_token").orElseThrow();
        EternaltwinClientAsync async = etwin.async();
        assertThat(async.fromToken(token).get(5, TimeUnit.SECONDS).id()).isEqualTo(alice.id());
        long count = etwin.count();
        assertThat(count).isPositive();
        assertThat(async.count().get(5, TimeUnit.SECONDS)).isEqualTo(count);
        assertThat(async.search("user").get(5, TimeUnit.SECONDS).items()).isNotEmpty();
        assertThat(async.request("GET", "/api/v1/users", Map.of("q", "user"), null, Map.class)
                .get(5, TimeUnit.SECONDS)).isNotNull();
        var counted = etwin.withResponse(c -> c.count("user"));
        assertThat(counted.value()).isEqualTo(etwin.count("user"));
        assertThat(counted.response().orElseThrow().status()).isEqualTo(200);
        assertThat(async.withResponse(a -> a.count()).get(5, TimeUnit.SECONDS).value()).isEqualTo(count);
        assertThat(etwin.withRequestOptions(dev.latchkey.core.RequestOptions.builder().header("X-Trace", "c-1")
                .build()).count()).isEqualTo(count);
        assertThat(fake.lastCall().header("X-Trace")).contains("c-1");
        assertThat(etwin.baseUrl().toString()).startsWith(fake.baseUrl());
        assertThat(etwin.storeKey(alice.id())).contains(alice.id()).isNotEqualTo(etwin.storeKey("someone-else"));
        Authorization start = etwin.startAuthorization();
        assertThat(start.toString()).contains("state=***").doesNotContain(start.state());
    }
}
