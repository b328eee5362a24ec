package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the secret scrubber, the cause copier and Retry-After that mutation testing showed untested: each
 * assertion here kills a mutant that survived the behaviour tests (docs/reliability.md).
 */
class SecurityMutantsTest {
    @Test
    void piecesAtTheVeryEndOrOfExactlyEightCharactersAreMasked() {
        // Made here, not in a static field: mutation testing maps coverage to the test that builds it.
        Secrets S16 = Secrets.NONE.with(List.of("0123456789ABCDEF"));
        assertThat(S16.scrub("89ABCDEF")).isEqualTo("***");            // the last piece, a text of exactly 8
        assertThat(S16.scrub("xx89ABCDEF")).isEqualTo("xx***");        // the last piece, at the text's end
        assertThat(S16.scrub("[89ABCDEF]")).isEqualTo("[***]");
        assertThat(S16.scrub("0123456789")).isEqualTo("***");          // overlapping pieces up to the end
        assertThat(S16.scrub("0123456701234567")).isEqualTo("******"); // adjacent pieces stay two masks
        assertThat(S16.scrub("x1234567")).isEqualTo("x1234567");        // 7 of them is no piece
    }

    @Test
    void aSecretOfExactlyFourCharactersIsScrubbedAndShorterOnesAreNot() {
        assertThat(Secrets.NONE.with(List.of("abcd")).scrub("v=abcd;")).isEqualTo("v=***;");
        assertThat(Secrets.NONE.with(List.of("abc")).scrub("v=abc;")).isEqualTo("v=abc;");
        assertThat(Secrets.NONE.with(List.of("abc")).isEmpty()).isTrue();
        assertThat(Secrets.NONE.with(List.of("abcd")).isEmpty()).isFalse();
    }

    @Test
    void aPrefixOfExactlyFourCharactersAtTheEndIsMasked() {
        Secrets s = Secrets.NONE.with(List.of("abcdefghij"));
        assertThat(s.scrub("ends with abcd")).isEqualTo("ends with ***");
        assertThat(s.scrub("ends with abc")).isEqualTo("ends with abc");
    }

    @Test
    void credentialPartsNeedAName() {
        assertThat(Secrets.credentialParts(" tok")).isEmpty();
        assertThat(Secrets.credentialParts("=x y")).isEmpty();
        assertThat(Secrets.credentialParts("=abcd")).isEmpty();
        assertThat(Secrets.credentialParts("a=b y")).containsExactly("b y");
        assertThat(Secrets.credentialParts("Bearer tok")).containsExactly("tok");
    }

    static final class Deep extends IOException {
        private static final long serialVersionUID = 1L;

        Deep(String message) {
            super(message);
        }
    }

    @Test
    void aCauseChainIsCopiedEightDeepAndNoDeeper() {
        Throwable t = new Deep("level 10");
        for (int i = 9; i >= 0; i--) {
            t = new IllegalStateException("level " + i, t);
        }
        Throwable copy = ScrubbedThrowables.copy(t, Secrets.NONE);
        int depth = 0;
        for (Throwable c = copy; c != null; c = c.getCause()) {
            depth++;
        }
        assertThat(depth).isEqualTo(9);
        assertThat(ScrubbedThrowables.copy(null, Secrets.NONE)).isNull();
    }

    @Test
    void suppressedExceptionsAreCopiedEightDeepToo() {
        Throwable top = new IllegalStateException("top");
        Throwable at = top;
        for (int i = 0; i < 10; i++) {
            Throwable s = new IllegalStateException("s" + i);
            at.addSuppressed(s);
            at = s;
        }
        Throwable copy = ScrubbedThrowables.copy(top, Secrets.NONE);
        int depth = 0;
        for (Throwable c = copy; c.getSuppressed().length > 0; c = c.getSuppressed()[0]) {
            depth++;
        }
        assertThat(depth).isEqualTo(8);
    }

    /** No constructor taking a message: the copy is the nearest JDK type, naming the original. */
    static final class Coded extends IOException {
        private static final long serialVersionUID = 1L;

        Coded(int code) {
            super("code " + code);
        }
    }

    static final class CodedRuntime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CodedRuntime(int code) {
            super("code " + code);
        }
    }

    static final class CodedError extends Error {
        private static final long serialVersionUID = 1L;

        CodedError(int code) {
            super("code " + code);
        }
    }

    static final class CodedChecked extends Exception {
        private static final long serialVersionUID = 1L;

        CodedChecked(int code) {
            super("code " + code);
        }
    }

    /** A message constructor that adds to the message: the copy cannot be trusted, so a stand-in is made. */
    public static final class Decorating extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Decorating(String message) {
            super("decorated: " + message);
        }
    }

    @Test
    void aTypeThatCannotBeRebuiltFromAMessageBecomesTheNearestJdkType() {
        Secrets s = Secrets.NONE.with(List.of("secret-value-1"));
        assertThat(ScrubbedThrowables.copy(new Coded(7), s)).isExactlyInstanceOf(IOException.class)
                .hasMessage(Coded.class.getName() + ": code 7");
        assertThat(ScrubbedThrowables.copy(new CodedRuntime(7), s)).isExactlyInstanceOf(RuntimeException.class)
                .hasMessageContaining("CodedRuntime");
        assertThat(ScrubbedThrowables.copy(new CodedError(7), s)).isExactlyInstanceOf(Error.class)
                .hasMessageContaining("CodedError");
        assertThat(ScrubbedThrowables.copy(new CodedChecked(7), s)).isExactlyInstanceOf(Exception.class)
                .hasMessageContaining("CodedChecked");
        Throwable d = ScrubbedThrowables.copy(new Decorating("secret-value-1"), s);
        assertThat(d).isExactlyInstanceOf(RuntimeException.class).hasMessage(Decorating.class.getName()
                + ": decorated: ***");
        assertThat(ScrubbedThrowables.copy(new IllegalStateException((String) null), s)).hasMessage(null)
                .isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void retryAfterReadsAnyNumberOfDigitsAndZero() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("0", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("315360000", clock)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("315359999", clock)).isEqualTo(Duration.ofSeconds(315359999));
        assertThat(RetryAfter.parse("9".repeat(500), clock)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("-5", clock)).isNull();
        // Negative past a long's range: its low 64 bits read 5 s (found by the Eternaltwin fuzzer), or ages.
        assertThat(RetryAfter.parse("-18446744073709551611", clock)).isNull();
        assertThat(RetryAfter.parse("-7777777777777777777777777777777777777", clock)).isNull();
        assertThat(RetryAfter.parse("Sat, 24 Nov 2046 12:00:00 GMT", clock)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("Thu, 24 Nov 2033 12:00:00 GMT", clock)).isEqualTo(Duration.ofDays(2557));
    }

    @Test
    void loopbackIsDecidedByTheLiteralHost() {
        for (String h : List.of("127.0.0.1", "127.0.0.100", "127.255.255.255", "localhost", "api.localhost", "::1",
                "[::1]", "0:0:0:0:0:0:0:1", "LOCALHOST")) {
            assertThat(BaseUrls.isLoopback(h)).as(h).isTrue();
        }
        for (String h : List.of("127.0.0.1000", "127.0.0.256", "127.0.0", "127.0.0.1.1", "128.0.0.1", "127..0.1",
                "127.0.0.x", "10.0.0.1", "example.com", "127.0.0.01a")) {
            assertThat(BaseUrls.isLoopback(h)).as(h).isFalse();
        }
    }

    @Test
    void aTrailingSlashIsDroppedButTheRootStays() {
        assertThat(BaseUrls.checked("https://h/api/").encodedPath()).isEqualTo("/api");
        assertThat(BaseUrls.checked("https://h/api").encodedPath()).isEqualTo("/api");
        assertThat(BaseUrls.checked("https://h/").encodedPath()).isEqualTo("/");
        assertThat(BaseUrls.checked("https://h").encodedPath()).isEqualTo("/");
    }

    @Test
    void aUserNameOrAPasswordAloneIsRefused() {
        for (String url : List.of("https://user@h/", "https://:pw-1@h/", "https://u:p@h/")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BaseUrls.checked(url)).as(url)
                    .hasMessageContaining("credentials");
        }
    }

    @Test
    void anUnparsableUrlIsShownWithWhatMayBeUserInfoMasked() {
        assertThat(BaseUrls.withoutUserInfo("https://@host x")).isEqualTo("\"https://***@host x\"");
        assertThat(BaseUrls.withoutUserInfo("://user:pw@x y")).isEqualTo("\"://***@x y\"");
        assertThat(BaseUrls.withoutUserInfo("user:pw@x y")).isEqualTo("\"***@x y\"");
        assertThat(BaseUrls.withoutUserInfo("no user here")).isEqualTo("\"no user here\"");
        assertThat(BaseUrls.withoutUserInfo("  ftp://a:b@c  ")).isEqualTo("\"ftp://***@c\"");
    }

    @Test
    void anExceptionMetTwiceInTheChainIsCopiedOnce() {
        IllegalStateException cause = new IllegalStateException("shared");
        RuntimeException top = new RuntimeException("top", cause);
        top.addSuppressed(cause);
        Throwable copy = ScrubbedThrowables.copy(top, Secrets.NONE);
        assertThat(copy.getSuppressed()).hasSize(1);
        assertThat(copy.getSuppressed()[0]).isSameAs(copy.getCause()).hasMessage("shared");
    }
}
