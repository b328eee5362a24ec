package dev.latchkey.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values of one request (credentials, session cookies, tokens, secret path segments), carried as an OkHttp
 * request tag so that every log line and message about the request can be scrubbed of them, whatever form they
 * take in it.
 *
 * <p>Each secret is looked for in every form a server or a library might print it in: raw, URL-encoded, hex (both
 * cases) and Base64 (standard and URL-safe, with and without padding). Beyond whole values, any
 * {@value #PIECE}-character piece of one is masked too (a server that cut a cookie short still echoes most of it),
 * except a run of ASCII letters and spaces shorter than {@value #WORDY_RUN} (a provider's own words), and
 * so is a prefix of at least {@value #MIN_LENGTH} characters left at the end of a text (a cut through a secret). A
 * secret of {@value #FOLDED_LENGTH} characters or more is also masked whole in any case (a text case-folded before it
 * was quoted); a shorter one, or a piece, is not: a password {@code short} must not mask {@code PASSWORD_TOO_SHORT}.
 */
public final class Secrets {
    /** Values shorter than this are not scrubbed: replacing "a" everywhere would make logs unreadable. */
    static final int MIN_LENGTH = 4;
    /** Any run of this many characters of a secret's form is masked wherever it appears. */
    static final int PIECE = 8;
    /** The shortest secret masked whole whatever its case. */
    static final int FOLDED_LENGTH = 12;
    /**
     * A run of a secret's pieces made only of letters and spaces is masked only from this length: shorter, it is as
     * likely a provider's own words ("password", " is incorrect") as an echo, and a message should keep them.
     */
    static final int WORDY_RUN = 16;
    /** What a secret is replaced with. */
    public static final String MASK = "***";
    /** No secrets: scrubbing changes nothing. */
    public static final Secrets NONE = new Secrets(List.of(), List.of());

    /** Raw values (for {@link #with}) and every form of each, longest first. */
    private final List<String> values;
    private final List<String> forms;
    /**
     * The pieces of one byte per character (every form but a raw value with other characters), each packed into a
     * long, sorted: a text is searched with a rolling window instead of a substring per position.
     */
    private final long[] packedPieces;
    /** How many of {@link #packedPieces} are pieces (the array is sized by an upper bound, not copied to fit). */
    private final int pieceCount;
    /** The pieces with a character above U+00FF, which do not pack: searched the slow way, and rarely there. */
    private final Set<String> widePieces;

    /** The long secrets, matched without case. */
    private final List<java.util.regex.Pattern> folded;

    private Secrets(List<String> values, List<String> forms) {
        this.values = values;
        this.forms = forms;
        this.folded = values.stream().filter(v -> v.length() >= FOLDED_LENGTH).map(v -> java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(v), java.util.regex.Pattern.CASE_INSENSITIVE
                        | java.util.regex.Pattern.UNICODE_CASE)).toList();
        // Every piece of every form, packed with the same rolling window that pieceStarts slides over a text: no
        // substring or boxed long per piece (an error path builds this once per failed call).
        int chars = 0;
        for (String f : forms) {
            chars += f.length(); // at least the number of pieces
        }
        long[] packed = new long[chars];
        int count = 0;
        Set<String> wide = new HashSet<>();
        for (String f : forms) {
            long window = 0;
            int narrow = 0; // how many of the last characters fit one byte
            for (int end = 0; end < f.length(); end++) {
                char c = f.charAt(end);
                window = window << 8 | (c & 0xFF);
                narrow = c > 0xFF ? 0 : narrow + 1;
                if (end < PIECE - 1) {
                    continue;
                }
                if (narrow >= PIECE) {
                    packed[count++] = window;
                } else {
                    wide.add(f.substring(end - PIECE + 1, end + 1));
                }
            }
        }
        Arrays.sort(packed, 0, count);
        this.packedPieces = packed;
        this.pieceCount = count;
        this.widePieces = Set.copyOf(wide);
    }

    /**
     * @param more more secrets to mask
     * @return these secrets plus the given values (in all their forms)
     */
    public Secrets with(Iterable<String> more) {
        List<String> all = new ArrayList<>(values);
        for (String v : more) {
            if (v != null && v.length() >= MIN_LENGTH && !all.contains(v)) {
                all.add(v);
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String v : all) {
            forms.addAll(formsOf(v));
        }
        List<String> sorted = new ArrayList<>(forms);
        // Longest first, so a secret that contains another is masked whole.
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Secrets(List.copyOf(all), List.copyOf(sorted));
    }

    /** @return the forms a value may be printed in */
    static List<String> formsOf(String v) {
        List<String> out = new ArrayList<>();
        out.add(v);
        String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
        out.add(encoded);
        out.add(encoded.replace("+", "%20"));
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(bytes);
        out.add(hex);
        out.add(hex.toUpperCase(java.util.Locale.ROOT));
        out.add(Base64.getEncoder().encodeToString(bytes));
        out.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        out.removeIf(f -> f.length() < MIN_LENGTH);
        return out;
    }

    /**
     * @param headerValue a credential header's value: {@code Bearer abc}, {@code session=abc; theme=x}
     * @return the parts a server could echo alone: the token after an auth scheme, each cookie value
     */
    public static List<String> credentialParts(String headerValue) {
        List<String> parts = new ArrayList<>();
        int space = headerValue.indexOf(' ');
        if (space > 0 && headerValue.substring(0, space).indexOf('=') < 0) {
            parts.add(headerValue.substring(space + 1).strip());
        }
        for (String pair : headerValue.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parts.add(pair.substring(eq + 1).strip());
            }
        }
        return parts;
    }

    /** @return whether there are no secrets to scrub */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * @param text the text
     * @return the text with every secret, every piece of one and a secret's prefix at its end replaced by {@code ***}
     */
    public String scrub(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : forms) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        for (java.util.regex.Pattern p : folded) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return maskTail(maskPieces(out));
    }

    /**
     * @param text the text
     * @param max the most characters to keep
     * @return the text scrubbed, white space folded and cut to at most {@code max} characters, in that order: cutting
     *     first could split a secret so that its head no longer matches and survives
     */
    public String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        return scrub(Text.excerpt(scrub(text), max));
    }

    /** @return for each position of the text, whether a piece of a secret starts there */
    private boolean[] pieceStarts(String text) {
        boolean[] starts = new boolean[text.length()];
        long window = 0;
        int narrow = 0; // how many of the last characters fit one byte
        for (int end = 0; end < text.length(); end++) {
            char c = text.charAt(end);
            window = window << 8 | (c & 0xFF);
            narrow = c > 0xFF ? 0 : narrow + 1;
            int start = end - PIECE + 1;
            if (start < 0) {
                continue;
            }
            starts[start] = narrow >= PIECE ? Arrays.binarySearch(packedPieces, 0, pieceCount, window) >= 0
                    : !widePieces.isEmpty() && widePieces.contains(text.substring(start, end + 1));
        }
        return starts;
    }

    /**
     * @return whether the text's span holds ASCII letters and spaces only, as English wording does (a random token's
     *     run of 8 such characters is rare: digits, symbols and other scripts keep a piece masked)
     */
    static boolean wordy(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c != ' ' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Called by {@link #scrub} only when there are secrets, so there are pieces (every form of 8+ chars has one). */
    private String maskPieces(String text) {
        boolean[] starts = pieceStarts(text);
        StringBuilder sb = null;
        int copied = 0;
        int i = 0;
        while (i + PIECE <= text.length()) {
            if (!starts[i]) {
                i++;
                continue;
            }
            // Extend the masked run over every overlapping piece (no piece starts within the last 7 characters).
            int end = i + PIECE;
            int j = i + 1;
            while (j < end) {
                if (starts[j]) {
                    end = j + PIECE;
                }
                j++;
            }
            if (end - i < WORDY_RUN && wordy(text, i, end)) {
                // Words and spaces only, and short: the provider's own wording ("Username or password is
                // incorrect" for the password "wrong password"), not an echo of the secret.
                i = end;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, copied, i).append(MASK);
            copied = end;
            i = end;
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    private String maskTail(String text) {
        for (String f : forms) {
            // A whole form was replaced already; only a proper prefix can be left at the end.
            for (int k = Math.min(f.length(), text.length()); k >= MIN_LENGTH; k--) {
                if (text.regionMatches(text.length() - k, f, 0, k)) {
                    return text.substring(0, text.length() - k) + MASK;
                }
            }
        }
        return text;
    }
}
