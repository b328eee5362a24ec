package dev.latchkey.core.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.core.error.LatchkeyException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives one OAuth redirect on {@code http://127.0.0.1:PORT/PATH}, for native apps and the CLI (RFC 8252 section
 * 7.3). It binds the loopback address only, accepts the first request to its path, answers it with a short page, and
 * closes. Other paths get 404.
 */
public final class LoopbackRedirectReceiver implements AutoCloseable {
    private static final byte[] DONE_PAGE = ("<!doctype html><meta charset=utf-8><title>Latchkey</title>"
            + "<p>Authorization received. You can close this window.").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final String path;
    private final CompletableFuture<AuthorizationCallback> callback = new CompletableFuture<>();

    private LoopbackRedirectReceiver(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /**
     * @param port the port, or 0 for any free one
     * @param path the callback path, for example {@code /callback}
     * @return a started receiver
     */
    public static LoopbackRedirectReceiver start(int port, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("callback path must start with '/': " + path);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver(server, path);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** @return the redirect URI to register and send, for example {@code http://127.0.0.1:53682/callback} */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /**
     * @param timeout how long to wait for the browser to come back
     * @return the redirect's parameters
     * @throws LatchkeyException if none arrives in time, or the thread is interrupted
     */
    public AuthorizationCallback await(Duration timeout) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LatchkeyException("no OAuth redirect arrived at " + redirectUri() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatchkeyException("interrupted while waiting for the OAuth redirect", e);
        } catch (ExecutionException e) {
            throw new LatchkeyException("OAuth redirect receiver failed", e.getCause());
        } finally {
            close();
        }
    }

    /** @return the redirect's parameters, when it arrives */
    public CompletableFuture<AuthorizationCallback> callback() {
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        AuthorizationCallback received;
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (!"GET".equals(exchange.getRequestMethod()) || !path.equals(uri.getPath()) || callback.isDone()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            received = new AuthorizationCallback(parseQuery(uri.getRawQuery()));
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, DONE_PAGE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(DONE_PAGE);
            }
        }
        // Only once the page is sent: whoever awaits the callback closes this server, which would cut the answer
        // short and leave the browser with a broken connection instead of the page.
        callback.complete(received);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Stops listening; idempotent. */
    @Override
    public void close() {
        server.stop(0);
    }
}
