package dev.latchkey.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.core.error.InvalidStateException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider's own state layout on core's checks (issue 13): eternaltwin-py's state (claims {@code a}, {@code as},
 * {@code iat}, {@code rfp}, {@code exp}, {@code nonce}; research section 3.1), pinned with a vector laid out and signed
 * as PyJWT does ({@code json.dumps} with compact separators, header keys sorted, HS256).
 */
class StateLayoutTest {
    static final byte[] KEY = "latchkey-eternaltwin-state-key-32bytes!!".getBytes(StandardCharsets.UTF_8);
    static final Instant IAT = Instant.ofEpochSecond(1_764_583_200L);
    static final Map<String, Object> ETERNALTWIN = Map.of("a", "authorize", "as", "http://localhost:50320/");
    /** As eternaltwin-py 1.0.0 issues it for {@code http://localhost:50320/}, 600 s, nonce "9f" x 64. */
    static final String PY_STATE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoiYXV0aG9yaXplIiwiYXMiOiJodHRwOi8vbG9jYWxob3N0OjUwMzIwLyI"
            + "sImlhdCI6MTc2NDU4MzIwMCwicmZwIjoxNzY0NTgzMjAwLCJleHAiOjE3NjQ1ODM4MDAsIm5vbmNlIjoiOWY5ZjlmOWY5ZjlmOWY"
            + "5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5Zjl"
            + "mOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWY5ZjlmOWYifQ.M_nJaa4EdGJY5Xh-Y-L4GOVh_bSnGbpid0RJZ5Hg6rI";

    private static OAuthStates states(Instant now) {
        return OAuthStates.create(KEY, Duration.ofSeconds(600), Clock.fixed(now, ZoneOffset.UTC)).withClaims(ETERNALTWIN);
    }

    @Test
    void aStateLaidOutByEternaltwinPyValidatesOnceWithinItsLifetime() {
        OAuthStates states = states(IAT.plusSeconds(10));
        states.verify(PY_STATE, PY_STATE);
        assertThatThrownBy(() -> states.verify(PY_STATE, PY_STATE)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> states(IAT.plusSeconds(600)).verify(PY_STATE, PY_STATE))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("expired");
    }

    @Test
    void theFixedClaimsMustMatch() {
        OAuthStates otherServer = OAuthStates.create(KEY, Duration.ofSeconds(600),
                Clock.fixed(IAT.plusSeconds(10), ZoneOffset.UTC)).withClaims(Map.of("a", "authorize", "as",
                        "https://eternaltwin.org/"));
        assertThatThrownBy(() -> otherServer.verify(PY_STATE, PY_STATE)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("'as'").hasMessageNotContaining("localhost");
        // A plain state (no fixed claims) is refused where the layout is required.
        String plain = OAuthStates.create(KEY, Duration.ofSeconds(600), Clock.fixed(IAT, ZoneOffset.UTC)).issue();
        assertThatThrownBy(() -> states(IAT.plusSeconds(1)).verify(plain, plain))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void ourStatesCarryTheSameClaimsAsEternaltwinPys() throws Exception {
        OAuthStates states = states(IAT);
        String nonce = "ab".repeat(64);
        String ours = states.issue(Map.of("rfp", IAT.getEpochSecond(), "nonce", nonce));
        var claims = SignedJWT.parse(ours).getJWTClaimsSet();
        var theirs = SignedJWT.parse(PY_STATE).getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).isEqualTo(theirs.getClaims().keySet());
        assertThat(claims.getClaim("a")).isEqualTo("authorize");
        assertThat(claims.getClaim("as")).isEqualTo("http://localhost:50320/");
        assertThat(claims.getClaim("nonce")).isEqualTo(nonce);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(IAT.plusSeconds(600));
        assertThat(SignedJWT.parse(ours).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        states.verify(ours, ours);
    }

    @Test
    void numericFixedClaimsCompareByValue() {
        Clock clock = Clock.fixed(IAT, ZoneOffset.UTC);
        OAuthStates v1 = OAuthStates.create(KEY, Duration.ofSeconds(600), clock).withClaims(Map.of("v", 1));
        String state = v1.issue(); // JSON gives the 1 back as a Long: still the same claim
        v1.verify(state, state);
        OAuthStates v2 = OAuthStates.create(KEY, Duration.ofSeconds(600), clock).withClaims(Map.of("v", 2));
        String other = v1.issue();
        assertThatThrownBy(() -> v2.verify(other, other)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("'v'");
        OAuthStates text = OAuthStates.create(KEY, Duration.ofSeconds(600), clock).withClaims(Map.of("v", "1"));
        String third = v1.issue();
        assertThatThrownBy(() -> text.verify(third, third)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void aStateMayCarryItsOwnLifetime() throws Exception {
        OAuthStates states = states(IAT);
        String shortLived = states.issue(Map.of("nonce", "n-1"), Duration.ofSeconds(30));
        assertThat(SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(IAT.plusSeconds(30));
        assertThatThrownBy(() -> states(IAT.plusSeconds(30)).verify(shortLived, shortLived))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("expired");
        states(IAT.plusSeconds(29)).verify(shortLived, shortLived);
        assertThatThrownBy(() -> states.issue(Map.of(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePkcePairOfAStateIsDerivedWithTheKeyAlone() {
        OAuthStates states = states(IAT);
        String state = states.issue(Map.of("nonce", "n-2"));
        Pkce pkce = states.pkce(state);
        // Another worker with the same key derives the same pair; another key, another pair.
        assertThat(states(IAT.plusSeconds(5)).pkce(state).verifier()).isEqualTo(pkce.verifier());
        assertThat(OAuthStates.create("another-key-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(600), Clock.fixed(IAT, ZoneOffset.UTC)).pkce(state).verifier())
                .isNotEqualTo(pkce.verifier());
        assertThat(states.pkce(state + "x").verifier()).isNotEqualTo(pkce.verifier());
        assertThat(pkce.verifier()).hasSize(43).doesNotContain(state);
        assertThat(pkce.challenge()).isEqualTo(Pkce.fromVerifier(pkce.verifier()).challenge());
    }
}
