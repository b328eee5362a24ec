package dev.latchkey.core.internal;

import dev.latchkey.core.error.InvalidInputException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import okhttp3.Authenticator;
import okhttp3.Credentials;

/**
 * A client's proxy, from {@code http://[user:password@]host:port} or {@code socks5://host:port}: the
 * {@link Proxy} OkHttp connects through, and for an HTTP proxy with credentials the authenticator that answers its 407
 * once. The credentials are secrets: {@link #toString()} never shows them, and {@link #secrets()} gives them to the
 * scrubber. A SOCKS proxy with credentials is refused: the JDK's SOCKS client reads them from one process-wide
 * {@code java.net.Authenticator}, which a library must not set.
 */
public final class ProxySetting {
    private final Proxy proxy;
    private final String scheme;
    private final String user;
    private final String password;

    private ProxySetting(Proxy proxy, String scheme, String user, String password) {
        this.proxy = proxy;
        this.scheme = scheme;
        this.user = user;
        this.password = password;
    }

    /**
     * @param url {@code http://[user:password@]host:port} or {@code socks5://host:port}
     * @return the setting
     * @throws InvalidInputException naming what is wrong, never the credentials
     */
    public static ProxySetting parse(String url) {
        InvalidInputException.require(url, "proxy");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("the proxy is not a URL (http://host:port or socks5://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("socks5")) {
            throw new InvalidInputException("a proxy is http://host:port or socks5://host:port, not " + scheme + "://");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new InvalidInputException("the proxy needs a host and a port: " + scheme + "://HOST:PORT");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            if (scheme.equals("socks5")) {
                throw new InvalidInputException("a SOCKS proxy with credentials is not supported (the JDK reads them "
                        + "from a process-wide Authenticator); use an http:// proxy, or one without credentials");
            }
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        Proxy.Type type = scheme.equals("http") ? Proxy.Type.HTTP : Proxy.Type.SOCKS;
        return new ProxySetting(new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort())),
                scheme, user, password);
    }

    /** @return the proxy to connect through */
    public Proxy proxy() {
        return proxy;
    }

    /** @return answers an HTTP proxy's 407 with the credentials, once; none when there are no credentials */
    public Authenticator authenticator() {
        if (user == null) {
            return Authenticator.NONE;
        }
        String header = Credentials.basic(user, password, StandardCharsets.UTF_8);
        return (route, response) -> response.request().header("Proxy-Authorization") != null ? null
                : response.request().newBuilder().header("Proxy-Authorization", header).build();
    }

    /** @return the credentials, every form a message could quote, for the scrubber */
    public List<String> secrets() {
        if (user == null) {
            return List.of();
        }
        String basic = Credentials.basic(user, password, StandardCharsets.UTF_8);
        return password.isEmpty() ? List.of(basic) : List.of(password, user + ":" + password, basic);
    }

    /** The proxy without its credentials. */
    @Override
    public String toString() {
        InetSocketAddress a = (InetSocketAddress) proxy.address();
        return scheme + "://" + (user == null ? "" : "***@") + a.getHostString() + ":" + a.getPort();
    }
}
