package dev.latchkey.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationDeniedExceptionTest {
    @Test
    void saysWhatTheServerSentKeptShortAndPrintable() {
        AuthorizationDeniedException e = new AuthorizationDeniedException("access_denied", "The user said no");
        assertThat(e.error()).isEqualTo("access_denied");
        assertThat(e.getMessage()).isEqualTo("the authorization was refused: access_denied (The user said no)");
        AuthorizationDeniedException hostile = new AuthorizationDeniedException("x\r\nInjected: 1" + "y".repeat(500),
                null);
        assertThat(hostile.getMessage()).doesNotContain("\r", "\n").hasSizeLessThan(200);
        assertThat(new AuthorizationDeniedException(null, null).error()).isEqualTo("unknown");
        assertThat(new AuthorizationDeniedException("\u0000", null).error()).isEqualTo("unknown");
    }
}
