package dev.latchkey.bench;

import dev.latchkey.testkit.FakeResponse;
import dev.latchkey.testkit.internal.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canned server's process: loads the answers {@link CannedServer} wrote, serves them on a free loopback port
 * (the testkit's HTTP/1.1 server: keep-alive, TCP_NODELAY), prints {@code port N}, and exits when its standard input
 * ends, so it never outlives the benchmark that started it.
 */
public final class CannedServerMain {
    private CannedServerMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, FakeResponse> byKey = new HashMap<>();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            CannedAnswers.readFrom(in).all().forEach((key, a) -> {
                FakeResponse.Builder b = FakeResponse.builder().code(a.status()).body(a.body());
                for (Map.Entry<String, List<String>> h : a.headers().entrySet()) {
                    h.getValue().forEach(v -> b.addHeader(h.getKey(), v));
                }
                byKey.put(key, b.build());
            });
        }
        FakeResponse missing = FakeResponse.builder().code(404).setHeader("Content-Type", "text/plain")
                .body("no canned answer").build();
        LoopbackHttpServer server = new LoopbackHttpServer("canned", r -> {
            int q = r.target().indexOf('?');
            String path = q < 0 ? r.target() : r.target().substring(0, q);
            return byKey.getOrDefault(CannedAnswers.key(path, r.body()), missing);
        });
        server.start(0);
        System.out.println("port " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the benchmark to close our standard input (or die)
        }
        server.close();
        System.exit(0);
    }
}
