package dev.latchkey.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * MockWebServer3 instances fit for suites and demos. Out of the box, MockWebServer3 answers each request about 40 ms
 * late (Nagle's algorithm on accepted sockets meeting the client's delayed ACK); these servers set TCP_NODELAY on
 * every accepted socket.
 */
public final class LoopbackServers {
    private LoopbackServers() {
    }

    /** @return a new, unstarted MockWebServer whose accepted sockets use TCP_NODELAY */
    public static MockWebServer newServer() {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayFactory());
        return server;
    }

    /** @return the loopback address 127.0.0.1 */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static final class NoDelayFactory extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new NoDelaySocket();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new NoDelaySocket(port, 50, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return new NoDelaySocket(port, backlog, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return new NoDelaySocket(port, backlog, address);
        }
    }

    private static final class NoDelaySocket extends ServerSocket {
        NoDelaySocket() throws IOException {
            super();
        }

        NoDelaySocket(int port, int backlog, InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = super.accept();
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
