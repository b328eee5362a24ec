package dev.latchkey.core.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie as a browser keeps it: a name and value for a domain (and, with {@link #includeSubdomains}, the hosts
 * below it), a path, whether it goes over https only, and when it expires ({@code null}: when the browsing session
 * ends). The value is a secret: {@link #toString()} never shows it. Read a browser's export with
 * {@link Cookies#fromNetscape(java.nio.file.Path)}.
 *
 * @param name the name (an RFC 6265 token)
 * @param value the value (RFC 6265 cookie-octets)
 * @param domain the domain, lower case, without a leading dot ({@code kemono.cr})
 * @param includeSubdomains whether hosts below the domain get it too ({@code api.kemono.cr})
 * @param path the path it is sent for ({@code /})
 * @param secure whether it is sent over https only
 * @param expiresAt when it expires, or {@code null} for a session cookie
 * @param httpOnly whether the browser hid it from scripts (kept for the round trip; no effect here)
 */
public record Cookie(String name, String value, String domain, boolean includeSubdomains, String path, boolean secure,
        Instant expiresAt, boolean httpOnly) {
    /**
     * Checks the name and value, and normalizes the domain.
     *
     * @param name the name
     * @param value the value
     * @param domain the domain
     * @param includeSubdomains whether hosts below it get it
     * @param path the path
     * @param secure https only
     * @param expiresAt the expiry, or {@code null}
     * @param httpOnly hidden from scripts
     */
    public Cookie {
        Cookies.checkName(name);
        Cookies.checkValue(name, value);
        Objects.requireNonNull(domain, "domain");
        domain = domain.startsWith(".") ? domain.substring(1) : domain;
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            throw new dev.latchkey.core.error.InvalidInputException("cookie " + name + " has no domain");
        }
        path = path == null || path.isEmpty() ? "/" : path;
    }

    /**
     * @param name the name
     * @param value the value
     * @param domain the domain it is sent to, and the hosts below it
     * @return a session cookie for the domain and every host below it, on every path
     */
    public static Cookie of(String name, String value, String domain) {
        return new Cookie(name, value, domain, true, "/", false, null, false);
    }

    /** @return when it expires, or empty for a session cookie */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * @param host a request's host
     * @return whether the cookie goes to it: the domain itself, or a host below it when {@link #includeSubdomains}
     */
    public boolean matchesHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(domain) || includeSubdomains && h.endsWith("." + domain);
    }

    /**
     * @param now the time to judge by
     * @return whether it has expired ({@code false} for a session cookie)
     */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Everything but the value, a secret. */
    @Override
    public String toString() {
        return "Cookie[" + name + "=***, domain=" + (includeSubdomains ? "." : "") + domain + ", path=" + path
                + (secure ? ", secure" : "") + ", expires=" + (expiresAt == null ? "session" : expiresAt)
                + (httpOnly ? ", httpOnly" : "") + ']';
    }
}
