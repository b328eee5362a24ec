package dev.latchkey.core.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;

/**
 * The other forms a provider's history shows for a time, read after the ISO fast path and before Jackson's own
 * deserializer: an ISO date-time with a {@code Z} or an offset, one with a space for the {@code T} (Python's
 * {@code str(datetime)}), one without a zone for an {@code Instant} (UTC), an HTTP date ({@code Fri, 02 Apr 2021
 * 23:50:57 GMT}: Flask 2.0's {@code jsonify}, as Kemono2 answered in 2023) and Unix seconds, as text or as a number
 * (a Kemono-based site's favorites). Zone-less times in Latchkey's models are the provider's UTC wall clock, so a
 * time with an offset is moved to UTC, never cut.
 */
final class LenientTimes {
    /** Ten thousand years in seconds: beyond it a number is not a time any provider sends. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(315_537_897_599L);

    private LenientTimes() {
    }

    /**
     * @param text the value as text (a number's text for a JSON number)
     * @param type {@code LocalDate}, {@code LocalDateTime} or {@code Instant}
     * @return the value, or {@code null} if the text is none of the forms
     */
    static Temporal read(String text, Class<?> type) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        Instant instant = instant(t);
        if (instant == null) {
            LocalDateTime local = local(t);
            if (local == null) {
                return null;
            }
            instant = local.toInstant(ZoneOffset.UTC);
        }
        try {
            if (type == Instant.class) {
                return instant;
            }
            LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            return type == LocalDate.class ? utc.toLocalDate() : utc;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** @return a time with its zone (offset, {@code Z}, an HTTP date) or Unix seconds, or {@code null} */
    private static Instant instant(String t) {
        char first = t.charAt(0);
        if (first >= '0' && first <= '9' || first == '-') {
            Instant seconds = seconds(t);
            if (seconds != null) {
                return seconds;
            }
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(spaceToT(t), Instant::from);
        } catch (DateTimeException e) {
            // an HTTP date?
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(t, Instant::from);
        } catch (DateTimeException e) {
            // none of the zoned forms
        }
        return null;
    }

    /** @return a zone-less ISO date-time ({@code T} or a space) or date, or {@code null} */
    private static LocalDateTime local(String t) {
        try {
            return LocalDateTime.parse(spaceToT(t));
        } catch (DateTimeParseException e) {
            // a date alone?
        }
        try {
            return LocalDate.parse(t).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return Unix seconds (a fraction allowed), or {@code null} if the text is not a number in range */
    private static Instant seconds(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0)) {
                return null;
            }
        }
        try {
            BigDecimal s = new BigDecimal(t);
            if (s.abs().compareTo(MAX_SECONDS) > 0) {
                return null;
            }
            long whole = s.longValue();
            int nanos = s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /** {@code 2021-04-02 23:50:57} as {@code 2021-04-02T23:50:57}: only a space between the date and the time. */
    private static String spaceToT(String t) {
        return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    }
}
