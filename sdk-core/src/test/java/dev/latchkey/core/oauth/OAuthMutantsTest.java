package dev.latchkey.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidStateException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Edges of the state issuer and PKCE that mutation testing showed untested (docs/reliability.md). */
class OAuthMutantsTest {

    @Test
    void aStateKeyNeedsAtLeast32Bytes() {
        assertThatThrownBy(() -> OAuthStates.create(new byte[31], Duration.ofMinutes(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
        OAuthStates ok = OAuthStates.create(new byte[32], Duration.ofMinutes(1), Clock.systemUTC());
        String state = ok.issue();
        ok.verify(state, state);
        assertThat(ok.toString()).contains("key=***").contains("PT1M");
    }

    @Test
    void aRandomKeyIsFreshPerIssuer() {
        OAuthStates a = OAuthStates.withRandomKey();
        OAuthStates b = OAuthStates.withRandomKey();
        String state = a.issue();
        assertThatThrownBy(() -> b.verify(state, state)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("signature");
        a.verify(state, state);
    }

    @Test
    void aVerifierIs43To128Characters() {
        assertThat(Pkce.fromVerifier("a".repeat(43)).verifier()).hasSize(43);
        assertThat(Pkce.fromVerifier("a".repeat(128)).verifier()).hasSize(128);
        assertThatThrownBy(() -> Pkce.fromVerifier("a".repeat(42))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.fromVerifier("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        Pkce p = Pkce.fromVerifier("b".repeat(43));
        assertThat(p.toString()).contains("verifier=***").contains(p.challenge()).doesNotContain(p.verifier());
        assertThat(p.method()).isEqualTo("S256");
    }

    @Test
    void aVerifierTakesUnreservedCharactersOnly() {
        for (char ok : "AZaz09-._~".toCharArray()) {
            assertThat(Pkce.fromVerifier(String.valueOf(ok).repeat(43)).verifier()).as("%s", ok).hasSize(43);
        }
        for (char bad : "@[`{/:!+ ".toCharArray()) {
            assertThatThrownBy(() -> Pkce.fromVerifier("a".repeat(42) + bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
