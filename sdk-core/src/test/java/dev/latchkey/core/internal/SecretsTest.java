package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void credentialPartsOfAuthAndCookieHeaders() {
        assertThat(Secrets.credentialParts("Bearer abc.def=="))
                .contains("abc.def==");
        assertThat(Secrets.credentialParts("session=s3cr3t; theme=dark")).contains("s3cr3t", "dark");
    }

    @Test
    void scrubsRawAndUrlEncodedFormsLongestFirst() {
        Secrets s = Secrets.NONE.with(List.of("p@ss word!", "abcd", "abcdef"));
        assertThat(s.scrub("x=p%40ss+word%21 y=p%40ss%20word%21 z=p@ss word! w=abcdef v=abcd"))
                .isEqualTo("x=*** y=*** z=*** w=*** v=***");
        assertThat(Secrets.NONE.with(List.of("abc")).scrub("abc")).isEqualTo("abc"); // too short to scrub safely
    }

    @Test
    void retryAfterParsesSecondsAndDatesAndRejectsJunk() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-24T12:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(RetryAfter.parse("7", clock)).hasSeconds(7);
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:00:30 GMT", clock)).hasSeconds(30);
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", clock)).isZero();
        assertThat(RetryAfter.parse("-1", clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse(null, clock)).isNull();
    }

    @Test
    void scrubsHexBase64PiecesAndAPrefixLeftAtTheEnd() {
        String secret = "c00k1e-7f3a9b2e5d1c8046";
        Secrets s = Secrets.NONE.with(List.of(secret));
        String hex = java.util.HexFormat.of().formatHex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String b64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.scrub("hex " + hex + " HEX " + hex.toUpperCase(java.util.Locale.ROOT) + " b64 " + b64))
                .isEqualTo("hex *** HEX *** b64 ***");
        // A server that cut the cookie short still echoes most of it: any 8-character piece is masked.
        assertThat(s.scrub("value=" + secret.substring(3, 17) + ";")).isEqualTo("value=***;");
        // A cut through a secret leaves its head at the end of the text.
        assertThat(s.scrub("message ends with c00k1e")).isEqualTo("message ends with ***");
        assertThat(s.scrub("nothing to hide here")).isEqualTo("nothing to hide here");
    }

    @Test
    void anExcerptIsScrubbedBeforeItIsCutAndFolded() {
        String secret = "two  spaces-9f1c7e";
        Secrets s = Secrets.NONE.with(List.of(secret));
        assertThat(s.excerpt("pw was " + secret, 200)).isEqualTo("pw was ***");
        String cut = s.excerpt("x".repeat(10) + secret, 14);
        assertThat(cut).doesNotContain("two").startsWith("xxxxxxxxxx");
    }

    @Test
    void aCauseChainIsCopiedWithTheSameTypesAndScrubbedMessages() {
        String secret = "apikey-4e8b1d6f2a9c7035";
        Secrets s = Secrets.NONE.with(List.of(secret));
        java.net.ProtocolException top = new java.net.ProtocolException("Unexpected status line: HTTP/1.1 2x0 " + secret);
        top.initCause(new java.io.EOFException("chunk " + secret));
        top.addSuppressed(new IllegalStateException(secret));
        Throwable copy = ScrubbedThrowables.copy(top, s);
        assertThat(copy).isExactlyInstanceOf(java.net.ProtocolException.class).hasMessageContaining("***")
                .hasMessageNotContaining(secret);
        assertThat(copy.getCause()).isExactlyInstanceOf(java.io.EOFException.class).hasMessage("chunk ***");
        assertThat(copy.getSuppressed()[0]).isExactlyInstanceOf(IllegalStateException.class).hasMessage("***");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
    }

    @Test
    void aLongRunCutFromTheMiddleOfASecretIsMaskedWhole() {
        Secrets secrets = Secrets.NONE.with(java.util.List.of("abcdefghijklmnopqrstuvwxyz0123456789"));
        assertThat(secrets.scrub("xx ghijklmnopqrstuvwx yy")).isEqualTo("xx *** yy");
        assertThat(secrets.scrub("xx mnopqrstuvwxyz0123 yy")).isEqualTo("xx *** yy");
        // 15 letters alone could be a provider's words (issue 29): left as they are.
        assertThat(secrets.scrub("xx ghijklmnopqrstu yy")).isEqualTo("xx ghijklmnopqrstu yy");
        assertThat(secrets.scrub("a fghijklm b uvwxyz01 c")).isEqualTo("a fghijklm b *** c");
        assertThat(secrets.scrub("ghijklm")).as("seven characters are no piece").isEqualTo("ghijklm");
    }

    @Test
    void piecesOfSecretsBeyondAsciiAreMaskedToo() {
        // Latin-1 (one byte each, the high bit set) and wider (Greek, Han): both kinds of piece.
        Secrets secrets = Secrets.NONE.with(java.util.List.of("ÿéàüñöäß-geheim-ÿÿ", "κλειδί-πάσσωορντ-1234",
                "密码密码密码密码密码"));
        assertThat(secrets.scrub("[éàüñöäß-g]")).isEqualTo("[***]");
        assertThat(secrets.scrub("Āÿéàüñöäß-")).as("a wide character right before a narrow piece")
                .isEqualTo("Ā***");
        assertThat(secrets.scrub("<πάσσωορν>")).isEqualTo("<***>");
        assertThat(secrets.scrub("x 码密码密码密码密 y")).isEqualTo("x *** y");
        assertThat(secrets.scrub("ΑΒΓΔΕΖΗΘ nothing here")).isEqualTo("ΑΒΓΔΕΖΗΘ nothing here");
        assertThat(secrets.scrub("Āāăąćĉċč")).as("wide text that is no secret").isEqualTo("Āāăąćĉċč");
    }

    @Test
    void aLongSecretIsMaskedInAnyCaseAShortOneOnlyAsItIs() {
        // Issue 27, item 3: a server's text case-folded before it was quoted still shows a bearer token.
        Secrets twelve = Secrets.NONE.with(java.util.List.of("AbCdEf-12345"));
        assertThat(twelve.scrub("type 'abcdef-12345' and 'ABCDEF-12345'")).isEqualTo("type '***' and '***'");
        // A provider's own code is not a secret: a password "short7!" folds to nothing of PASSWORD_TOO_SHORT.
        Secrets eleven = Secrets.NONE.with(java.util.List.of("Short7!-abc"));
        assertThat(eleven.scrub("PASSWORD_TOO_SHORT7!-ABC")).isEqualTo("PASSWORD_TOO_SHORT7!-ABC");
        assertThat(eleven.scrub("x Short7!-abc")).isEqualTo("x ***");
    }

    @Test
    void aProvidersOwnWordsAreNotMaskedAsPiecesOfAPassword() {
        // Issue 29: the README's wrong password "wrong password" made Kemono's "Username or password is incorrect"
        // read "Username or*** is incorrect". Runs of letters and spaces count from 16 characters.
        Secrets words = Secrets.NONE.with(java.util.List.of("wrong password"));
        assertThat(words.scrub("Username or password is incorrect")).isEqualTo("Username or password is incorrect");
        assertThat(words.scrub("you typed wrong password")).as("the whole value").isEqualTo("you typed ***");
        Secrets phrase = Secrets.NONE.with(java.util.List.of("correct horse battery staple"));
        assertThat(phrase.scrub("echo:horse battery st!")).as("16 letters and spaces").isEqualTo("echo:***!");
        assertThat(phrase.scrub("echo:horse battery s!")).as("15").isEqualTo("echo:horse battery s!");
        // Anything but letters and spaces in the run: an 8-character piece is masked as before.
        Secrets mixed = Secrets.NONE.with(java.util.List.of("abc-password-9"));
        assertThat(mixed.scrub("x c-passwor y")).isEqualTo("x *** y");
        assertThat(mixed.scrub("the password is")).isEqualTo("the password is");
        assertThat(Secrets.NONE.with(java.util.List.of("Pw-7a91c2e0f3")).scrub("[a91c2e0f]")).isEqualTo("[***]");
        assertThat(Secrets.wordy("ab cd", 0, 5)).isTrue();
        assertThat(Secrets.wordy("AZ az", 0, 5)).isTrue();
        assertThat(Secrets.wordy("ab-cd", 0, 5)).isFalse();
        assertThat(Secrets.wordy("ab-cd", 3, 5)).isTrue();
        for (char c : new char[] {'@', '[', '`', '{', '0', '9', 'é', '\u03c0'}) {
            assertThat(Secrets.wordy("a" + c, 0, 2)).as("%s", c).isFalse();
        }
    }
}
