package dev.latchkey.core.internal;

import dev.latchkey.core.auth.Cookie;
import dev.latchkey.core.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The Netscape cookie file, as curl, wget, yt-dlp, gallery-dl and the browsers' "cookies.txt" extensions write it:
 * one cookie a line, seven tab-separated fields (domain, include-subdomains flag, path, secure flag, expiry in Unix
 * seconds with 0 for a session cookie, name, value); {@code #} starts a comment, except {@code #HttpOnly_} before a
 * domain, which marks an HttpOnly cookie. A mistake is reported by line number and what is wrong, never by value: the
 * file is full of secrets.
 */
public final class NetscapeCookieFile {
    private static final String HTTP_ONLY = "#HttpOnly_";

    private NetscapeCookieFile() {
    }

    /**
     * @param text the file's text
     * @param source what to call it in messages (its path)
     * @return every cookie in it, in order (expired ones too: {@code Cookies.forHost} drops them)
     * @throws InvalidInputException naming every bad line by number
     */
    public static List<Cookie> parse(String text, String source) {
        List<Cookie> cookies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean httpOnly = line.startsWith(HTTP_ONLY);
            if (httpOnly) {
                line = line.substring(HTTP_ONLY.length());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String problem = parseLine(line, httpOnly, cookies);
            if (problem != null) {
                problems.add("line " + (i + 1) + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(source + " is not a Netscape cookie file as expected: "
                    + String.join("; ", problems));
        }
        return cookies;
    }

    /** @return what is wrong with the line, or {@code null} when it was read (or skipped: an empty value) */
    private static String parseLine(String line, boolean httpOnly, List<Cookie> into) {
        String[] f = line.split("\t", -1);
        if (f.length == 6) {
            return null; // a cookie with no value, as some exports write it: nothing to send
        }
        if (f.length != 7) {
            return "expected 7 tab-separated fields, found " + f.length;
        }
        Boolean subdomains = flag(f[1]);
        Boolean secure = flag(f[3]);
        if (subdomains == null || secure == null) {
            return "the 2nd and 4th fields are TRUE or FALSE";
        }
        long expiry;
        try {
            expiry = Long.parseLong(f[4].strip());
        } catch (NumberFormatException e) {
            return "the expiry (5th field) is not a number of seconds";
        }
        if (f[6].isEmpty()) {
            return null;
        }
        try {
            into.add(new Cookie(f[5], f[6], f[0], subdomains, f[2], secure,
                    expiry <= 0 ? null : Instant.ofEpochSecond(expiry), httpOnly));
        } catch (InvalidInputException e) {
            // The check names the cookie and the position of a bad character, never the value.
            return e.getMessage();
        }
        return null;
    }

    private static Boolean flag(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        return v.equals("TRUE") ? Boolean.TRUE : v.equals("FALSE") ? Boolean.FALSE : null;
    }

    /**
     * @param cookies cookies
     * @return them as a Netscape cookie file, which curl, yt-dlp, gallery-dl and browsers' extensions read
     */
    public static String write(Collection<Cookie> cookies) {
        StringBuilder sb = new StringBuilder("# Netscape HTTP Cookie File\n"
                + "# Written by Latchkey. It holds session cookies: keep it private (chmod 600).\n\n");
        for (Cookie c : cookies) {
            if (c.httpOnly()) {
                sb.append(HTTP_ONLY);
            }
            sb.append(c.includeSubdomains() ? "." : "").append(c.domain()).append('\t')
                    .append(c.includeSubdomains() ? "TRUE" : "FALSE").append('\t').append(c.path()).append('\t')
                    .append(c.secure() ? "TRUE" : "FALSE").append('\t')
                    .append(c.expiresAt() == null ? 0 : c.expiresAt().getEpochSecond()).append('\t')
                    .append(c.name()).append('\t').append(c.value()).append('\n');
        }
        return sb.toString();
    }
}
