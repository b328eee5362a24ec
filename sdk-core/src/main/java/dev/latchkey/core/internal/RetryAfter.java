package dev.latchkey.core.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses {@code Retry-After}: delta-seconds, or an HTTP date measured against the injected clock. */
public final class RetryAfter {
    /**
     * Longer waits are read as this: far beyond any {@code maxRetryAfter}, so still refused at once, and small enough
     * that no arithmetic on it overflows (a server may send {@code 9223372036854775807}).
     */
    static final Duration LONGEST = Duration.ofDays(3650);
    private static final BigInteger LONGEST_SECONDS = BigInteger.valueOf(LONGEST.getSeconds());

    private RetryAfter() {
    }

    /**
     * @param value the header value, or {@code null}
     * @param clock the client's clock
     * @return how long to wait from now (never negative), or {@code null} if absent or unreadable
     */
    public static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            // Any number of digits: a value past a long's range is still "wait longer than we will".
            // At most 30 digits are read: more cannot make the wait shorter, and parsing them costs.
            BigInteger seconds = new BigInteger(v.substring(0, Math.min(v.length(), 30)));
            // The sign first: longValue() of a huge negative number keeps its low 64 bits, a huge positive wait.
            return seconds.signum() < 0 ? null : Duration.ofSeconds(seconds.min(LONGEST_SECONDS).longValue());
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : capped(d);
            } catch (DateTimeParseException | ArithmeticException notADate) {
                return null;
            }
        }
    }

    private static Duration capped(Duration d) {
        return Collections.min(List.of(d, LONGEST));
    }
}
