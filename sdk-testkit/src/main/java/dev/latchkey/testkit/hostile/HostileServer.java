package dev.latchkey.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers byte by byte what a {@link HostileAnswer} scripts: broken
 * status lines, a request's own secrets echoed into the status line and headers, wrong or negative
 * {@code Content-Length}, broken chunks, gzip bombs, endless white space, silence, one byte at a time. It plays what
 * an attacker or a broken proxy would send, which a well-behaved mock server cannot: use it to prove a client fails
 * with its own typed errors, closes what it opened, and leaks nothing.
 *
 * <pre>{@code
 * @RegisterExtension static HostileServer hostile = HostileServer.create();
 *
 * hostile.answer(HostileAnswers.statusLineEcho());    // every connection from now on gets this
 * assertThrows(MyTypedException.class, () -> client.call());
 * assertThat(hostile.requests()).hasSize(1);
 * }</pre>
 *
 * Every connection reads one request (head, and a body up to its {@code Content-Length}), records it, plays the answer
 * and closes. Threads are daemons; {@link #close()} ends them. A JUnit 5 extension: a static field runs one server
 * for the class, an instance field one per test; either way the answer and the log are reset before each test.
 */
public final class HostileServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** The largest request head read; a client sending more is cut off. */
    static final int MAX_HEAD = 64 * 1024;
    /** The largest request body read and kept. */
    static final int MAX_BODY = 1024 * 1024;

    private final AtomicReference<HostileAnswer> answer = new AtomicReference<>(HostileAnswers.ok("{}"));
    private final List<HostileRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private ServerSocket socket;
    private ExecutorService threads;
    private boolean staticField;

    private HostileServer() {
    }

    /** @return a server, not yet started (the JUnit extension or {@link #start()} starts it) */
    public static HostileServer create() {
        return new HostileServer();
    }

    /**
     * Starts listening on a free loopback port; idempotent.
     *
     * @return this server, started
     */
    public synchronized HostileServer start() {
        if (socket != null) {
            return this;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            socket = s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start HostileServer on 127.0.0.1", e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
        });
        ServerSocket s = socket;
        threads.execute(() -> acceptLoop(s));
        return this;
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT} (no path) */
    public String url() {
        start();
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** @return the port */
    public int port() {
        start();
        return socket.getLocalPort();
    }

    /**
     * Sets what every connection from now on is answered with.
     *
     * @param next starts the second step from the first's value; not called if the result was cancelled meanwhile
     * @return this server
     */
    public HostileServer answer(HostileAnswer next) {
        answer.set(Objects.requireNonNull(next, "answer"));
        return this;
    }

    /** @return the requests received so far, oldest first */
    public List<HostileRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the most recent request, or {@code null} if none came */
    public HostileRequest lastRequest() {
        List<HostileRequest> all = requests();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** @return how many connections were accepted */
    public int connections() {
        return connections.get();
    }

    /**
     * @return how many connections the client closed (or reset) while the answer was still being played or withheld:
     *     the server's view of a cancelled or timed-out call
     */
    public int closedByClient() {
        return closedByClient.get();
    }

    /**
     * Waits until at least {@code n} requests arrived.
     *
     * @param n how many
     * @param timeout how long to wait
     * @return whether they did within the timeout
     */
    public boolean awaitRequests(int n, Duration timeout) {
        return awaitCount(requests::size, n, timeout);
    }

    /**
     * Waits until the client closed at least {@code n} connections.
     *
     * @param n how many
     * @param timeout how long to wait
     * @return whether it did within the timeout
     */
    public boolean awaitClosedByClient(int n, Duration timeout) {
        return awaitCount(closedByClient::get, n, timeout);
    }

    private static boolean awaitCount(java.util.function.IntSupplier count, int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (count.getAsInt() < n) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Forgets requests and counts, and goes back to answering {@code 200 {}}. */
    public void reset() {
        requests.clear();
        connections.set(0);
        closedByClient.set(0);
        answer.set(HostileAnswers.ok("{}"));
    }

    /** Stops listening and ends every connection; idempotent. */
    @Override
    public synchronized void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket = null;
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(client);
            threads.execute(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            // Buffered: the head is read byte by byte, and one system call per byte is slow.
            InputStream in = new java.io.BufferedInputStream(client.getInputStream());
            HostileRequest request = readRequest(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            OutputStream out = new java.io.BufferedOutputStream(client.getOutputStream());
            HostileAnswer script = answer.get();
            try {
                script.play(new HostileAnswer.Exchange(request, in, out, client));
                out.flush();
            } catch (SocketException e) {
                closedByClient.incrementAndGet(); // the client went away mid-answer
                return;
            } catch (IOException e) {
                closedByClient.incrementAndGet();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } catch (IOException ignored) {
            // A client that breaks its own request is not this server's concern.
        } finally {
            open.remove(client);
        }
    }

    private static HostileRequest readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                return null;
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : b == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        String[] first = lines[0].split(" ", 3);
        List<String[]> headers = new ArrayList<>();
        int length = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim();
                String value = lines[i].substring(colon + 1).trim();
                headers.add(new String[] {name, value});
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        length = Math.max(0, Integer.parseInt(value));
                    } catch (NumberFormatException notALength) {
                        length = 0; // a client's broken request is not this server's to fail on
                    }
                }
            }
        }
        byte[] body = in.readNBytes(Math.min(length, MAX_BODY));
        return new HostileRequest(first[0], first.length > 1 ? first[1] : "", headers, body);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        staticField = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!staticField) {
            close();
        }
    }

    @Override
    public String toString() {
        return "HostileServer{" + (socket == null ? "stopped" : url()) + '}';
    }
}
