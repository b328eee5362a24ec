package dev.latchkey.core.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.LatchkeyException;
import java.io.IOException;
import java.io.OutputStream;
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
 * 7.3). It binds the loopback address only, and accepts one request: a {@code GET} of its path, addressed to itself
 * ({@code Host} 127.0.0.1, localhost or [::1] with its port: a web page that rebinds a name of its own to 127.0.0.1
 * is refused), carrying the state given to {@link #expectState}. It answers that one with a short page and closes.
 * Any other request to its path gets 400 and the receiver keeps waiting, so a web page that guesses the port cannot
 * end the login; other paths get 404.
 *
 * <pre>{@code
 * try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/callback")) {
 *     Authorization start = client.startAuthorization();          // with receiver.redirectUri() as redirect URI
 *     receiver.expectState(start.state());                        // before the browser is opened
 *     browser.open(start.url());
 *     EternaltwinAccount me = client.fromCallback(receiver.await(Duration.ofMinutes(5)), start.state());
 * }
 * }</pre>
 */
public final class LoopbackRedirectReceiver implements AutoCloseable {
    private static final byte[] DONE_PAGE = ("<!doctype html><meta charset=utf-8><title>Latchkey</title>"
            + "<p>Authorization received. You can close this window.").getBytes(StandardCharsets.UTF_8);

    private static final byte[] REFUSED_PAGE = ("<!doctype html><meta charset=utf-8><title>Latchkey</title>"
            + "<p>This is not the login this program is waiting for.").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final String path;
    private final CompletableFuture<AuthorizationCallback> callback = new CompletableFuture<>();
    private volatile String expectedState;

    private LoopbackRedirectReceiver(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /**
     * @param port the port, or 0 for any free one
     * @param path the callback path, for example {@code /callback}
     * @return a started receiver
     * @throws InvalidInputException if the port is not 0 to 65535 or the path does not start with {@code /}
     * @throws LatchkeyException if the port cannot be listened on (another program holds it: the message says so)
     */
    public static LoopbackRedirectReceiver start(int port, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new InvalidInputException("the callback path must start with '/': " + path);
        }
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("the port must be from 0 (any free one) to 65535, not " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new LatchkeyException("cannot listen on 127.0.0.1:" + port + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): another program may hold the "
                    + "port; choose another one, or 0 for any free one", e);
        }
        LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver(server, path);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /**
     * Says which redirect to accept: the one carrying this state (the state {@code startAuthorization} gave). Call it
     * before the browser is opened; until then every redirect is refused.
     *
     * @param state the state the authorization URL carries
     * @return this receiver
     */
    public LoopbackRedirectReceiver expectState(String state) {
        this.expectedState = InvalidInputException.require(state, "state");
        return this;
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
        InvalidInputException.require(timeout, "timeout");
        try {
            long millis;
            try {
                millis = Math.max(0, timeout.toMillis());
            } catch (ArithmeticException forever) {
                millis = Long.MAX_VALUE; // longer than a long holds in milliseconds: as good as for ever
            }
            return callback.get(millis, TimeUnit.MILLISECONDS);
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
            if (!addressedToMe(exchange.getRequestHeaders().getFirst("Host")) || !expected(received)) {
                // Not the browser coming back from this login: refused, and the receiver keeps waiting.
                send(exchange, 400, REFUSED_PAGE);
                return;
            }
            send(exchange, 200, DONE_PAGE);
        }
        // Only once the page is sent: whoever awaits the callback closes this server, which would cut the answer
        // short and leave the browser with a broken connection instead of the page.
        callback.complete(received);
    }

    private static void send(HttpExchange exchange, int status, byte[] page) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** A browser sends the redirect URI's host: a page that rebinds its own name to 127.0.0.1 sends that name. */
    private boolean addressedToMe(String host) {
        int port = server.getAddress().getPort();
        return host != null && (host.equalsIgnoreCase("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:"
                + port) || host.equalsIgnoreCase("[::1]:" + port));
    }

    private boolean expected(AuthorizationCallback received) {
        String want = expectedState;
        String got = received.state().orElse(null);
        return want != null && got != null && java.security.MessageDigest.isEqual(
                want.getBytes(StandardCharsets.UTF_8), got.getBytes(StandardCharsets.UTF_8));
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
