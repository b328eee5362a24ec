package dev.latchkey.testkit.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a {@link HostileServer} sends on one connection, written byte by byte. The catalogue is
 * {@link HostileAnswers}; a test may script its own.
 */
@FunctionalInterface
public interface HostileAnswer {

    /**
     * Plays the answer. Throwing {@link IOException} while writing or waiting means the client went away.
     *
     * @param exchange the request read, and the connection
     * @throws IOException if the connection fails
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    void play(Exchange exchange) throws IOException, InterruptedException;

    /**
     * @param name what the answer is, for test names
     * @param answer the answer
     * @return the answer, with that name as its {@code toString()}
     */
    static HostileAnswer named(String name, HostileAnswer answer) {
        return new HostileAnswer() {
            @Override
            public void play(Exchange exchange) throws IOException, InterruptedException {
                answer.play(exchange);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * One connection, as a script sees it.
     *
     * @param request what the client sent
     * @param in the rest of the client's stream (read it to notice the client closing)
     * @param out the answer's bytes
     * @param socket the connection
     */
    record Exchange(HostileRequest request, InputStream in, OutputStream out, Socket socket) {

        /**
         * Writes text as UTF-8.
         *
         * @param text the text to send, as UTF-8
         * @throws IOException if the connection fails
         */
        public void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Writes bytes and flushes, so the client sees them now.
         *
         * @param bytes the bytes to send
         * @throws IOException if the connection fails
         */
        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Says nothing until the client closes the connection, or the time is up.
         *
         * @param max the most characters to keep
         * @throws IOException when the client closed or reset the connection (the server counts it)
         */
        public void awaitClientClose(Duration max) throws IOException {
            socket.setSoTimeout((int) Math.max(1, max.toMillis()));
            try {
                while (in.read() >= 0) {
                    // A client has nothing more to say on this connection: discard and keep waiting.
                }
            } catch (java.net.SocketTimeoutException timeUp) {
                return;
            }
            throw new IOException("client closed the connection");
        }

        /**
         * Ends the connection with a TCP reset instead of an orderly close.
         *
         * @throws IOException if the connection fails
         */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }
}
