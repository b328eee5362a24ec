package dev.latchkey.core.internal;

import dev.latchkey.core.error.InvalidInputException;
import java.util.Locale;
import okhttp3.HttpUrl;

/** The base URL policy: https, except on loopback hosts, where plain http serves local fakes and tests. */
public final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * @param url the base URL as given
     * @return it, parsed and without a trailing slash
     * @throws InvalidInputException if it is not a URL, or is plain http on a host that is not loopback; the message
     *     never repeats a user name or password the text carried
     */
    public static HttpUrl checked(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("base URL is blank");
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new InvalidInputException("base URL is not an http(s) URL: " + withoutUserInfo(url));
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new InvalidInputException("base URL must use https (plain http is allowed only for loopback "
                    + "hosts such as 127.0.0.1, ::1 and localhost): " + parsed.redact());
        }
        if (parsed.username().length() > 0 || parsed.password().length() > 0) {
            throw new InvalidInputException("base URL must not carry credentials: " + parsed.redact());
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            throw new InvalidInputException("base URL must not have a query or fragment: " + parsed.redact());
        }
        String path = parsed.encodedPath();
        if (path.length() > 1 && path.endsWith("/")) {
            return parsed.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build();
        }
        return parsed;
    }

    /**
     * @return the text with anything that may be a user name or password (between the scheme and an {@code @}) masked,
     *     cut to a readable length; for a text that is not a URL, which {@link HttpUrl#redact()} cannot take
     */
    static String withoutUserInfo(String url) {
        String s = url.strip();
        int start = s.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = s.lastIndexOf('@');
        if (at >= start) {
            s = s.substring(0, start) + Secrets.MASK + s.substring(at);
        }
        return '"' + Text.excerpt(s, 100) + '"';
    }

    /** @return whether the host is loopback by its literal form (no DNS lookup) */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
