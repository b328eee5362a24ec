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
}
