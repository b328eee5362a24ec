package dev.latchkey.core.auth;

import dev.latchkey.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The cookies a server sets ({@code Set-Cookie}: a refreshed session, DDoS-Guard's {@code __ddg*}), kept in the session
 * they came with, so that they are sent again and stored wherever the session is (a file, an encrypted file, Redis).
 * OkHttp's parser judges each against the request's URL as a browser does ({@code Domain} must cover the host,
 * {@code Max-Age} and {@code Expires} give the expiry), and one marked {@code Secure} is ignored over plain http, so a cookie for another host is
 * never kept. A cookie already expired ({@code Max-Age=0}, an {@code Expires} in the past) removes its name. A value
 * that is not RFC 6265's (a space, a quote) is left out rather than sent back broken. Values are secrets: the session
 * never shows them.
 */
public final class ServerCookies {
    private ServerCookies() {
    }

    /**
     * @param session the session a request carried
     * @param url the request's URL
     * @param headers the answer's headers
     * @param now the client's clock's time, to judge expiry
     * @return the session with the answer's cookies set and its expired ones removed; the same instance when the
     *     answer set none or changed nothing
     */
    public static Session merged(Session session, HttpUrl url, Headers headers, Instant now) {
        if (headers.get("Set-Cookie") == null) {
            return session;
        }
        List<okhttp3.Cookie> set = okhttp3.Cookie.parseAll(url, headers);
        Session.Builder b = null;
        for (okhttp3.Cookie c : set) {
            boolean expired = c.persistent() && c.expiresAt() <= now.toEpochMilli();
            String before = session.cookie(c.name()).orElse(null);
            if (expired || c.value().isEmpty()) {
                if (before != null) {
                    b = b == null ? session.toBuilder() : b;
                    b.removeCookie(c.name());
                }
                continue;
            }
            // RFC 6265bis 5.6: a Secure cookie set over plain http is ignored.
            if (c.value().equals(before) || !acceptable(c) || c.secure() && !url.isHttps()) {
                continue;
            }
            b = b == null ? session.toBuilder() : b;
            b.cookie(c.name(), c.value());
        }
        return b == null ? session : b.build();
    }

    private static boolean acceptable(okhttp3.Cookie c) {
        try {
            Cookies.checkName(c.name());
            Cookies.checkValue(c.name(), c.value());
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
