package dev.latchkey.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.testkit.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class OAuthTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void pkceMatchesTheRfc7636AppendixBVector() {
        Pkce p = Pkce.fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(p.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(p.method()).isEqualTo("S256");
        assertThat(p.toString()).doesNotContain("dBjftJeZ4CVP");
    }

    @Test
    void generatedVerifiersAreValidAndDistinct() {
        Pkce a = Pkce.generate();
        Pkce b = Pkce.generate();
        assertThat(a.verifier()).hasSize(43).isNotEqualTo(b.verifier());
        assertThat(Pkce.fromVerifier(a.verifier()).challenge()).isEqualTo(a.challenge());
        assertThatThrownBy(() -> Pkce.fromVerifier("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.fromVerifier("a".repeat(42) + "!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateIsAcceptedOnceThenRefused() {
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), new ManualClock());
        String state = states.issue();
        states.verify(state, state);
        assertThatThrownBy(() -> states.verify(state, state)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void aMismatchedStateIsRefused() {
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), new ManualClock());
        String mine = states.issue();
        String other = states.issue();
        assertThatThrownBy(() -> states.verify(mine, other)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("does not match").hasMessageNotContaining(mine).hasMessageNotContaining(other);
        states.verify(other, other); // the mismatch did not burn the other state
    }

    @Test
    void theExpectedStateIsRequired() {
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), new ManualClock());
        String s = states.issue();
        assertThatThrownBy(() -> states.verify(null, s)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("no expected OAuth state");
        assertThatThrownBy(() -> states.verify(s, null)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void anExpiredStateIsRefused() {
        ManualClock clock = new ManualClock();
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), clock);
        String s = states.issue();
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> states.verify(s, s)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTamperedStateIsRefused() {
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), new ManualClock());
        String s = states.issue();
        String[] parts = s.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String longer = payload.replaceFirst("\"exp\":(\\d+)", "\"exp\":9$1");
        String forged = parts[0] + '.' + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(longer.getBytes(StandardCharsets.UTF_8)) + '.' + parts[2];
        assertThatThrownBy(() -> states.verify(forged, forged)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("signature is invalid");
        OAuthStates otherKey = OAuthStates.create(Arrays.copyOf("another key, also 32 bytes or more!!".getBytes(
                StandardCharsets.UTF_8), 40), Duration.ofMinutes(10), new ManualClock());
        String foreign = otherKey.issue();
        assertThatThrownBy(() -> states.verify(foreign, foreign)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("signature is invalid");
    }

    @Test
    void onlyHs256IsAccepted() throws Exception {
        ManualClock clock = new ManualClock();
        OAuthStates states = OAuthStates.create(KEY, Duration.ofMinutes(10), clock);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID("x").expirationTime(
                Date.from(clock.instant().plusSeconds(60))).build();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        hs512.sign(new MACSigner(KEY));
        String other = hs512.serialize();
        assertThatThrownBy(() -> states.verify(other, other)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("only HS256");
        String none = new PlainJWT(claims).serialize();
        assertThatThrownBy(() -> states.verify(none, none)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void loopbackReceiverTakesOneCallbackAndCloses() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/callback").expectState("st-1")) {
            URI uri = receiver.redirectUri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            try (Response r = http.newCall(new Request.Builder().url(uri + "/../favicon.ico").build()).execute()) {
                assertThat(r.code()).isEqualTo(404);
            }
            try (Response r = http.newCall(new Request.Builder().url(uri + "?code=c%2Fode-1&state=st-1").build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("You can close this window");
            }
            AuthorizationCallback cb = receiver.await(Duration.ofSeconds(5));
            assertThat(cb.code()).contains("c/ode-1");
            assertThat(cb.state()).contains("st-1");
            assertThat(cb.toString()).doesNotContain("c/ode-1", "st-1");
            assertThatThrownBy(() -> http.newCall(new Request.Builder().url(uri + "?code=again").build()).execute())
                    .isInstanceOf(java.io.IOException.class); // closed: nobody listens any more
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void loopbackReceiverTimesOutClearly() {
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/cb")) {
            assertThatThrownBy(() -> receiver.await(Duration.ofMillis(50)))
                    .isInstanceOf(dev.latchkey.core.error.LatchkeyException.class)
                    .hasMessageContaining("no OAuth redirect arrived");
        }
    }

    @Test
    void onlyTheBrowserComingBackFromThisLoginEndsTheWait() throws Exception {
        // Issue 27, item 12: the receiver completed on the first request to its path, with any Host and no state, so
        // a web page could abort a login. Others get 400, and the receiver keeps waiting.
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/cb")) {
            String base = receiver.redirectUri().toString();
            int port = receiver.redirectUri().getPort();
            java.util.function.BiFunction<String, String, Integer> get = (query, host) -> {
                Request.Builder rb = new Request.Builder().url(base + query);
                if (host != null) {
                    rb.header("Host", host);
                }
                try (Response r = http.newCall(rb.build()).execute()) {
                    return r.code();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            assertThat(get.apply("?code=c&state=s-1", null)).as("no state expected yet").isEqualTo(400);
            receiver.expectState("s-1");
            assertThat(get.apply("?error=access_denied", null)).as("no state").isEqualTo(400);
            assertThat(get.apply("?code=c&state=s-2", null)).as("another login's state").isEqualTo(400);
            assertThat(get.apply("?code=c&state=s-1", "evil.example:" + port)).as("a rebound name").isEqualTo(400);
            assertThat(get.apply("?code=c&state=s-1", "127.0.0.1:" + (port + 1))).as("another port").isEqualTo(400);
            assertThat(receiver.callback()).isNotDone();
            assertThat(get.apply("?code=c-1&state=s-1", "localhost:" + port)).isEqualTo(200);
            assertThat(receiver.await(Duration.ofSeconds(5)).code()).contains("c-1");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void theReceiversMisusesAreTyped() throws Exception {
        // Issue 27, item 9: a bad port or path was an IllegalArgumentException, a port in use an UncheckedIOException
        // (and the CLI dropped "Address already in use"), a wait of Long.MAX_VALUE seconds an ArithmeticException.
        assertThatThrownBy(() -> LoopbackRedirectReceiver.start(0, "callback"))
                .isInstanceOf(dev.latchkey.core.error.InvalidInputException.class).hasMessageContaining("'/'");
        assertThatThrownBy(() -> LoopbackRedirectReceiver.start(70000, "/cb"))
                .isInstanceOf(dev.latchkey.core.error.InvalidInputException.class).hasMessageContaining("65535");
        try (LoopbackRedirectReceiver first = LoopbackRedirectReceiver.start(0, "/cb")) {
            int port = first.redirectUri().getPort();
            assertThatThrownBy(() -> LoopbackRedirectReceiver.start(port, "/cb"))
                    .isInstanceOf(dev.latchkey.core.error.LatchkeyException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("in use").hasMessageContaining("choose another one");
            assertThatThrownBy(() -> first.expectState(null)).isInstanceOf(
                    dev.latchkey.core.error.InvalidInputException.class);
        }
        try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/cb").expectState("s")) {
            java.util.concurrent.CompletableFuture<AuthorizationCallback> forever = java.util.concurrent
                    .CompletableFuture.supplyAsync(() -> receiver.await(Duration.ofSeconds(Long.MAX_VALUE)));
            OkHttpClient http = new OkHttpClient();
            try (Response r = http.newCall(new Request.Builder().url(receiver.redirectUri() + "?code=c&state=s")
                    .build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            assertThat(forever.get(5, java.util.concurrent.TimeUnit.SECONDS).code()).contains("c");
        }
    }

    @Test
    void theBrowserGetsItsPageEvenWhenTheWaitingThreadClosesAtOnce() throws Exception {
        // The awaiting side closes the receiver as soon as the callback arrives (a CLI login does): the page must be
        // sent before, or the browser sees a broken connection. Repeated, since it was a race.
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        try {
            for (int i = 0; i < 20; i++) {
                LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/cb").expectState("s" + i);
                java.util.concurrent.CompletableFuture<AuthorizationCallback> waiting =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> receiver.await(Duration.ofSeconds(5)));
                try (Response r = http.newCall(new Request.Builder().url(receiver.redirectUri() + "?code=c" + i
                        + "&state=s" + i).build()).execute()) {
                    assertThat(r.code()).isEqualTo(200);
                    assertThat(r.body().string()).contains("You can close this window");
                }
                assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS).code()).contains("c" + i);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void aRefusalsTextsAreMaskedOfTheStateAndCodeByPieces() {
        // Issue 27, item 5: only whole values were masked, so a description quoting the state minus its last
        // character showed about 150 characters of it.
        String state = "eyJhbGciOiJIUzI1NiJ9.eyJub25jZSI6IjEyMyIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXN0YXRl";
        String code = "c0de-7f3a9b2e5d1c8046";
        AuthorizationCallback cb = new AuthorizationCallback(java.util.Map.of("state", state, "code", code, "error",
                "access_denied " + code.substring(2), "error_description", "state " + state.substring(0,
                        state.length() - 1) + " was refused"));
        dev.latchkey.core.error.AuthorizationDeniedException e = cb.refusal().orElseThrow();
        assertThat(e.getMessage()).contains("state *** was refused").doesNotContain(state.substring(10, 18))
                .doesNotContain(code.substring(4, 12));
        assertThat(e.error()).isEqualTo("access_denied ***");
        assertThat(new AuthorizationCallback(java.util.Map.of("code", code, "state", state)).refusal()).isEmpty();
        // A refusal without a description, and a redirect with no state or code, still reads.
        assertThat(new AuthorizationCallback(java.util.Map.of("error", "server_error")).refusal().orElseThrow()
                .getMessage()).isEqualTo("the authorization was refused: server_error");
    }

    @Test
    void aStateIsAcceptedOnceAcrossEverySharerOfAStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // Issue 27, item 11: two clients sharing one state key (a fleet's workers) both accepted the same state.
        ManualClock clock = new ManualClock(java.time.Instant.parse("2026-12-07T10:00:00Z"));
        OAuthStates alone = OAuthStates.create(KEY, Duration.ofMinutes(10), clock);
        OAuthStates other = OAuthStates.create(KEY, Duration.ofMinutes(10), clock);
        String s1 = alone.issue();
        alone.verify(s1, s1);
        other.verify(s1, s1); // without a shared record, each object remembers only its own
        for (dev.latchkey.core.auth.SessionStore store : java.util.List.of(dev.latchkey.core.auth.SessionStore
                .inMemory(), dev.latchkey.core.auth.SessionStore.file(dir.resolve("sessions.json")))) {
            OAuthStates a = OAuthStates.create(KEY, Duration.ofMinutes(10), clock).withClaims(java.util.Map.of("a",
                    "authorize")).usedIn(store);
            OAuthStates b = OAuthStates.create(KEY, Duration.ofMinutes(10), clock).usedIn(store).withClaims(
                    java.util.Map.of("a", "authorize"));
            String state = a.issue();
            a.verify(state, state);
            assertThatThrownBy(() -> b.verify(state, state)).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("already used");
            assertThatThrownBy(() -> a.verify(state, state)).isInstanceOf(InvalidStateException.class);
            String next = b.issue();
            b.verify(next, next);
            assertThatThrownBy(() -> a.verify(next, next)).isInstanceOf(InvalidStateException.class);
            // The mark holds a hash of the id, never the state, and expires with the state.
            String jti;
            try {
                jti = com.nimbusds.jwt.SignedJWT.parse(state).getJWTClaimsSet().getJWTID();
            } catch (java.text.ParseException e) {
                throw new AssertionError(e);
            }
            String key = "latchkey:oauth-state-used:" + java.util.HexFormat.of().formatHex(sha256(jti));
            assertThat(store.load(key)).hasValueSatisfying(mark -> {
                assertThat(mark.expiresAt()).contains(clock.instant().plus(Duration.ofMinutes(10)));
                assertThat(mark.createdAt()).isEqualTo(clock.instant());
                assertThat(mark.toString()).doesNotContain(state).doesNotContain(jti);
            });
        }
        assertThatThrownBy(() -> alone.usedIn(null)).isInstanceOf(NullPointerException.class);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
