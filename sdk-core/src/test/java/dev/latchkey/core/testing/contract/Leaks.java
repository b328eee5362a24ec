package dev.latchkey.core.testing.contract;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Finds a secret in a text in any form a careless client could print it: raw, URL-encoded, hex, Base64, or any
 * {@value #PIECE}-character piece of the raw value (one of ASCII letters and spaces alone only within a 16-character run of
 * them: shorter, it is the provider's wording as much as the secret); a secret of 12 characters or more in any case. Written apart from core's scrubber, so that the check does not
 * share its blind spots.
 */
public final class Leaks {
    /** The shortest run of a secret's characters that counts as a leak. */
    public static final int PIECE = 8;

    private Leaks() {
    }

    /**
     * @param text what was printed or logged
     * @param secrets the planted secrets
     * @return a description of the first leak (which secret, which form; never the secret itself), or {@code null}
     */
    public static String find(String text, Collection<String> secrets) {
        String lower = text.toLowerCase(Locale.ROOT);
        int n = 0;
        for (String s : secrets) {
            n++;
            for (String[] form : forms(s)) {
                String f = form[1];
                if (f.length() >= 4 && (form[0].startsWith("hex") ? lower.contains(f.toLowerCase(Locale.ROOT))
                        : text.contains(f))) {
                    return "secret #" + n + " (" + s.length() + " chars) appears " + form[0];
                }
            }
            // Whole and case-folded: a client that lower-cases a server's text before quoting it (issue 27, item 3).
            if (s.length() >= 12 && lower.contains(s.toLowerCase(Locale.ROOT))) {
                return "secret #" + n + " (" + s.length() + " chars) appears in another case";
            }
            for (int i = 0; i + PIECE <= s.length(); i++) {
                String piece = s.substring(i, i + PIECE);
                // Letters and spaces alone are words a provider writes too; such a piece counts from 16 characters.
                if (piece.chars().allMatch(Leaks::wordy)) {
                    int end = i + PIECE;
                    while (end < s.length() && text.contains(s.substring(i, end + 1)) && wordy(s.charAt(end))) {
                        end++;
                    }
                    if (end - i < 16 || !text.contains(s.substring(i, end))) {
                        continue;
                    }
                }
                if (text.contains(piece)) {
                    return "an " + PIECE + "-character piece of secret #" + n + " (at " + i + ") appears";
                }
            }
        }
        return null;
    }

    /** @return whether the character is an ASCII letter or a space: English wording */
    private static boolean wordy(int c) {
        return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** @return every form a secret is looked for in (raw, URL-encoded, hex, Base64), without their names */
    public static List<String> formsOf(String s) {
        return forms(s).stream().map(f -> f[1]).toList();
    }

    private static List<String[]> forms(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"raw", s});
        out.add(new String[] {"URL-encoded", URLEncoder.encode(s, StandardCharsets.UTF_8)});
        out.add(new String[] {"URL-encoded (%20)", URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")});
        out.add(new String[] {"hex", HexFormat.of().formatHex(b)});
        out.add(new String[] {"Base64", Base64.getEncoder().withoutPadding().encodeToString(b)});
        out.add(new String[] {"Base64 (URL-safe)", Base64.getUrlEncoder().withoutPadding().encodeToString(b)});
        return out;
    }
}
