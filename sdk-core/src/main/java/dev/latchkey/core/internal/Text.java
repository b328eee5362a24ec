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
        String folded = foldWhiteSpace(text.strip());
        return folded.length() <= max ? folded : folded.substring(0, max) + "…";
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
