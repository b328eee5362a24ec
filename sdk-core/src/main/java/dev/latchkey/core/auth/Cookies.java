package dev.latchkey.core.auth;

import dev.latchkey.core.error.InvalidInputException;

/**
 * Checks of cookie names and values given to Latchkey (a browser export, a stored session, a server's answer), so that
 * one value can never smuggle a second cookie ({@code "v; admin=1"}) or a header break into a request. The messages
 * name what is wrong, never the value.
 */
public final class Cookies {
    private Cookies() {
    }

    /**
     * @param name the cookie's name
     * @return it
     * @throws InvalidInputException if it is blank or not an RFC 6265 token
     */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("cookie name is blank");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new InvalidInputException("cookie name has a character RFC 6265 does not allow (at index " + i
                        + ")");
            }
        }
        return name;
    }

    /**
     * @param name the cookie's name, for the message
     * @param value the cookie's value
     * @return it
     * @throws InvalidInputException if it is empty, or holds anything but RFC 6265 cookie-octets (optionally in
     *     double quotes): no space, comma, semicolon, backslash, control or non-ASCII character
     */
    public static String checkValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("cookie " + name + " is empty");
        }
        int from = 0;
        int to = value.length();
        if (to >= 2 && value.charAt(0) == '"' && value.charAt(to - 1) == '"') {
            from = 1;
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!isCookieOctet(value.charAt(i))) {
                throw new InvalidInputException("cookie " + name + " has a character RFC 6265 does not allow in a "
                        + "value (at index " + i + ": a space, '\"', ',', ';', '\\\\', a control or non-ASCII character)");
            }
        }
        return value;
    }

    /**
     * Reads a Netscape cookie file ({@code cookies.txt}), as curl, yt-dlp, gallery-dl and browsers' "cookies.txt"
     * extensions write it: comments, {@code #HttpOnly_} lines, the include-subdomains flag, path, secure flag, expiry
     * ({@code 0}: a session cookie), tabs. A cookie with no value is skipped.
     *
     * @param file the file
     * @return every cookie in it, expired ones included ({@link #forHost} drops them)
     * @throws InvalidInputException naming every bad line by number and what is wrong (never a value)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static java.util.List<Cookie> fromNetscape(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the cookie file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        return dev.latchkey.core.internal.NetscapeCookieFile.parse(text, file.toString());
    }

    /**
     * @param text a Netscape cookie file's text
     * @return every cookie in it; see {@link #fromNetscape(java.nio.file.Path)}
     */
    public static java.util.List<Cookie> fromNetscape(String text) {
        return dev.latchkey.core.internal.NetscapeCookieFile.parse(text, "the cookie file");
    }

    /**
     * @param cookies cookies
     * @return them as a Netscape cookie file, for curl, yt-dlp, gallery-dl or a browser extension to read
     */
    public static String toNetscape(java.util.Collection<Cookie> cookies) {
        return dev.latchkey.core.internal.NetscapeCookieFile.write(cookies);
    }

    /**
     * @param cookies cookies, from a browser's export for example
     * @param host the host a client talks to
     * @param now the time, to drop expired cookies
     * @return the cookies that go to that host (its own and its parent domains'), unexpired, by name: of two with
     *     one name, the one for the more specific domain, as a browser sends it first
     */
    public static java.util.Map<String, String> forHost(java.util.Collection<Cookie> cookies, String host,
            java.time.Instant now) {
        java.util.Map<String, Cookie> chosen = new java.util.LinkedHashMap<>();
        for (Cookie c : cookies) {
            if (c.matchesHost(host) && !c.isExpired(now)) {
                Cookie before = chosen.get(c.name());
                if (before == null || c.domain().length() >= before.domain().length()) {
                    chosen.put(c.name(), c);
                }
            }
        }
        java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
        chosen.forEach((name, c) -> sent.put(name, c.value()));
        return sent;
    }

    /** RFC 6265 section 4.1.1: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E. */
    static boolean isCookieOctet(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A || c >= 0x3C && c <= 0x5B
                || c >= 0x5D && c <= 0x7E;
    }
}
