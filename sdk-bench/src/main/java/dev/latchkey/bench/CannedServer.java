package dev.latchkey.bench;

import dev.latchkey.core.testing.LoopbackServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A loopback server answering fixed bytes by path, so every contender parses exactly the same answer and the server's
 * own cost is the same for all. TCP_NODELAY on (see {@link LoopbackServers}); MockWebServer's request queue drained.
 */
final class CannedServer implements AutoCloseable {
    private final MockWebServer server = LoopbackServers.newServer();
    private final Map<String, MockResponse> answers = new ConcurrentHashMap<>();

    CannedServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                    // MockWebServer keeps every request: drop them, or a long run fills the heap
                }
                MockResponse r = answers.get(request.getUrl().encodedPath());
                return r != null ? r : new MockResponse.Builder().code(404).body("no canned answer").build();
            }
        });
        try {
            server.start(LoopbackServers.loopback(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CannedServer answer(String path, int status, byte[] body) {
        answers.put(path, new MockResponse.Builder().code(status).setHeader("Content-Type",
                "application/json;charset=utf-8").body(new Buffer().write(body)).build());
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
