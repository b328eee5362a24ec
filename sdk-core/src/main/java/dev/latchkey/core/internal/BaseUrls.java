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
        return checked(url, false);
    }

    /**
     * @param url the base URL as given
     * @param privateNetwork also allow plain http to an address of a private network or a link-local one (an IP
     *     literal: 10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10), for apps on a LAN
     * @return it, parsed and without a trailing slash
     * @throws InvalidInputException as {@link #checked(String)}
     */
    public static HttpUrl checked(String url, boolean privateNetwork) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("base URL is blank");
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new InvalidInputException("base URL is not an http(s) URL: " + withoutUserInfo(url));
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host()) && !(privateNetwork && isPrivate(parsed.host()))) {
            throw new InvalidInputException("base URL must use https (plain http is allowed only for loopback "
                    + "hosts such as 127.0.0.1, ::1 and localhost" + (privateNetwork
                            ? ", and private-network or link-local IP addresses such as 192.168.1.20"
                            : "; private-network addresses need the client's explicit opt-in") + "): "
                    + parsed.redact());
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

    /**
     * @param host a host name or literal address
     * @return whether the host is an IP literal of a private network (RFC 1918, IPv6 unique local fc00::/7) or a
     *     link-local address (169.254/16, fe80::/10); a name is never resolved (its address could change after the
     *     check)
     */
    public static boolean isPrivate(String host) {
        if (host.contains(":")) {
            // OkHttp's host is then a canonical IPv6 literal, brackets removed: its first group decides.
            String first = host.substring(0, host.indexOf(':'));
            int g = first.isEmpty() ? 0 : Integer.parseInt(first, 16);
            return (g & 0xfe00) == 0xfc00 || (g & 0xffc0) == 0xfe80;
        }
        int[] o = ipv4(host);
        return o != null && (o[0] == 10 || o[0] == 172 && o[1] >= 16 && o[1] <= 31 || o[0] == 192 && o[1] == 168
                || o[0] == 169 && o[1] == 254);
    }

    /** @return the four numbers of a dotted IPv4 literal, or {@code null} for anything else */
    private static int[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] o = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            o[i] = Integer.parseInt(p);
            if (o[i] > 255) {
                return null;
            }
        }
        return o;
    }

    /**
     * @param host a host name or literal address
     * @return whether the host is loopback by its literal form (no DNS lookup)
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        int[] o = ipv4(h);
        return o != null && o[0] == 127;
    }
}
