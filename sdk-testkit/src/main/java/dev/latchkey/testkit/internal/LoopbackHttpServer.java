package dev.latchkey.testkit.internal;

import dev.latchkey.testkit.FakeResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Headers;

/**
 * The fakes' HTTP/1.1 server on 127.0.0.1: keep-alive, {@code Content-Length} and chunked request bodies, answers
 * with delays or a connection dropped on purpose. The fakes' own, on plain sockets: MockWebServer reaches into OkHttp's
 * internal packages, which a named {@code okhttp3} module does not export to a class-path testkit (a JPMS user's
 * tests under Maven's defaults), so the testkit depends on no internals at all.
 *
 * <p>Stops with {@link #close()} and can start again, on a new port unless one is given.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    /** The largest request head read; a longer one is answered 431. */
    static final int MAX_HEAD = 64 * 1024;
    /** The largest request body read; a longer one is answered 413. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    /** A request as read off the wire. */
    public record Received(String method, String target, Headers headers, byte[] body) {
    }

    private final String name;
    private final Function<Received, FakeResponse> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private ExecutorService threads;

    /**
     * @param name for thread names
     * @param handler answers each request; a {@link RuntimeException} from it is answered 500
     */
    public LoopbackHttpServer(String name, Function<Received, FakeResponse> handler) {
        this.name = name;
        this.handler = handler;
    }

    /**
     * Starts listening.
     *
     * @param port the port, or 0 for a free one
     * @throws IOException if the port cannot be bound
     */
    public synchronized void start(int port) throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        int id = SERVERS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + " #" + id + " connection " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        listener = s;
        threads = pool;
        pool.execute(() -> acceptLoop(s, pool));
    }

    /** @return the port listened on, or -1 if stopped */
    public synchronized int port() {
        return listener == null ? -1 : listener.getLocalPort();
    }

    /** Stops listening and closes every connection; idempotent. */
    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
        threads.shutdownNow();
        listener = null;
        threads = null;
    }

    private void acceptLoop(ServerSocket s, ExecutorService pool) {
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            try {
                pool.execute(() -> serve(socket));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            // Without TCP_NODELAY a small answer waits ~40 ms for the client's delayed ACK (Nagle's algorithm).
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!socket.isClosed()) {
                Received request;
                try {
                    request = read(in);
                } catch (BadRequest e) {
                    writePlain(out, e.status, e.getMessage());
                    return;
                }
                if (request == null) {
                    return; // the client closed the connection
                }
                FakeResponse answer;
                try {
                    answer = handler.apply(request);
                } catch (RuntimeException e) {
                    answer = FakeResponse.builder().code(500).setHeader("Content-Type", "text/plain")
                            .body(name + " failed: " + e).build();
                }
                if (!write(socket, out, request, answer)) {
                    return;
                }
                if (!keepAlive(request)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away, or close() closed the socket: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static boolean keepAlive(Received request) {
        String connection = request.headers().get("Connection");
        return connection == null || !connection.equalsIgnoreCase("close");
    }

    /** @return the request, or {@code null} at a clean end of stream */
    static Received read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "malformed request line");
        }
        Headers.Builder headers = new Headers.Builder();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "malformed header line");
            }
            try {
                headers.add(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "malformed header");
            }
        }
        Headers h = headers.build();
        byte[] body;
        String transferEncoding = h.get("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else {
            body = readFixed(in, h.get("Content-Length"));
        }
        return new Received(requestLine[0], requestLine[1], h, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int newlines = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (++newlines == 2) {
                    String text = head.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                    if (text.isEmpty()) {
                        newlines = 0; // stray CRLF between requests
                        head.reset();
                        continue;
                    }
                    return text;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                throw new BadRequest(431, "request head over " + MAX_HEAD + " bytes");
            }
        }
        if (head.size() == 0) {
            return null;
        }
        throw new IOException("the client closed the connection mid-request");
    }

    private static byte[] readFixed(InputStream in, String contentLength) throws IOException {
        if (contentLength == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "malformed Content-Length");
        }
        if (length < 0) {
            throw new BadRequest(400, "negative Content-Length");
        }
        if (length > MAX_BODY) {
            throw new BadRequest(413, "request body over " + MAX_BODY + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("the client closed the connection mid-body");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "malformed chunk size");
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new BadRequest(413, "request body over " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new IOException("the client closed the connection mid-chunk");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new IOException("the client closed the connection mid-body");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > MAX_HEAD) {
                throw new BadRequest(400, "chunk line too long");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** @return whether the connection may carry another request */
    private static boolean write(Socket socket, OutputStream out, Received request, FakeResponse answer)
            throws IOException, InterruptedException {
        if (answer.headersDelayMillis() > 0) {
            Thread.sleep(answer.headersDelayMillis());
        }
        if (answer.delivery() == FakeResponse.Delivery.CLOSE_BEFORE_ANSWER) {
            socket.close();
            return false;
        }
        byte[] body = answer.body();
        int code = answer.code();
        boolean bodyless = code < 200 || code == 204 || code == 304;
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ')
                .append(reason(code)).append("\r\n");
        Headers headers = answer.headers();
        for (int i = 0; i < headers.size(); i++) {
            head.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        if (!bodyless && headers.get("Content-Length") == null && headers.get("Transfer-Encoding") == null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        boolean sendBody = !bodyless && !request.method().equals("HEAD");
        if (answer.bodyDelayMillis() > 0) {
            out.flush();
            Thread.sleep(answer.bodyDelayMillis());
        }
        if (answer.delivery() == FakeResponse.Delivery.CLOSE_MID_BODY) {
            if (sendBody) {
                out.write(body, 0, body.length / 2);
            }
            out.flush();
            socket.close();
            return false;
        }
        if (sendBody) {
            out.write(body);
        }
        out.flush();
        return true;
    }

    private static void writePlain(OutputStream out, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> code < 400 ? "OK" : "Error";
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** A request the server refuses before the fake sees it. */
    private static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
