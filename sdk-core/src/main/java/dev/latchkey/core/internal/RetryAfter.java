package dev.latchkey.core.internal;

import java.time.Clock;
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
            if (v.chars().allMatch(Character::isDigit) && v.length() > 12) {
                return LONGEST; // more digits than any real wait: do not even parse it
            }
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : capped(Duration.ofSeconds(seconds));
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
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }
}
