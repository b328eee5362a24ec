package dev.latchkey.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers for messages: excerpts and HTML sniffing. */
public final class Text {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Text() {
    }

    /**
     * @param text the text
     * @param max the most characters to keep
     * @return the text with white space folded, cut to at most {@code max} characters (with an ellipsis)
     */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String folded = visible(foldWhiteSpace(text.strip()));
        return folded.length() <= max ? folded : folded.substring(0, max) + "…";
    }

    /**
     * Makes text from a server safe to print on a terminal or write in a log line: every control character is shown
     * as a Java escape (ESC as backslash, u, 001B) instead of acting. A creator name holding
     * {@code ESC ] 0 ; ... BEL} would otherwise retitle the window, {@code ESC [ 2 J} clear the screen, a line feed
     * forge a log line, and a right-to-left override reverse what a reader sees. Shown so: C0 and C1 controls (line
     * feeds and tabs included), DEL, the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
     * U+2069) and the line and paragraph separators (U+2028, U+2029).
     *
     * @param text the text, or {@code null}
     * @return the text with its controls shown; the text itself when it has none
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            sb.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                    .append(HEX[c & 0xF]);
        }
        return sb == null ? text : sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * @param c a character
     * @return whether the character acts on a terminal or a reader instead of showing (see {@link #visible})
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028'
                || c == '\u2029';
    }

    /**
     * @return the text with each run of white space ({@code \\s}: space, tab, line feed, vertical tab, form feed,
     *     carriage return) replaced by one space; the text itself when there is nothing to fold. By hand, because
     *     {@code replaceAll} compiles its pattern on every call, and an error message folds a dozen texts.
     */
    static String foldWhiteSpace(String text) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && isSpace(text.charAt(end))) {
                end++;
            }
            if (sb == null && (c != ' ' || end > i + 1)) {
                sb = new StringBuilder(n).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(' ');
            }
            i = end - 1;
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * @param text an answer's text
     * @return whether the text starts like an HTML or XML page
     */
    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        String head = stripBom(text).stripLeading();
        // JSON never starts with '<': anything that does is a page (HTML, XML) from a proxy or an anti-bot wall.
        return !head.isEmpty() && head.charAt(0) == '<';
    }

    /**
     * @param text the text
     * @return the text without a leading byte-order mark
     */
    public static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * @param html an HTML page
     * @return the page's {@code <title>}, or {@code null}
     */
    public static String htmlTitle(String html) {
        // A title is short; bound the search so a hostile page cannot make the regular expression run long.
        Matcher m = TITLE.matcher(html.length() > 8192 ? html.substring(0, 8192) : html);
        return m.find() ? m.group(1).strip() : null;
    }
}
