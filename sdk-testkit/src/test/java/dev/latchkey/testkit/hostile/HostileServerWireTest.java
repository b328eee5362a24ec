package dev.latchkey.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the hostile server records and what each answer puts on the wire, read with a raw socket: the bytes a client
 * meets, before any client library interprets them (the clients' side is core's HostileServerTest and the contract).
 */
class HostileServerWireTest {
    static final String SECRET = "S3cretCookieValue42";

    @RegisterExtension
    static HostileServer server = HostileServer.create();

    private static String request(String extraHeader, String body) {
        return "POST /v1/items?k=q1 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: session=" + SECRET + "\r\n"
                + (extraHeader == null ? "" : extraHeader + "\r\n") + "Content-Length: " + body.length() + "\r\n\r\n"
                + body;
    }

    /** Sends one request and reads the answer: to its end, or {@code max} bytes, or until the read times out. */
    private static byte[] exchange(HostileAnswer answer, int max) throws IOException {
        server.answer(answer);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(2_000);
            OutputStream out = s.getOutputStream();
            out.write(request(null, "body-1").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; got.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - got.size()))) > 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException stopped) {
                // Silence, or a reset: what arrived so far is the answer.
            }
            return got.toByteArray();
        }
    }

    private static String text(HostileAnswer answer) throws IOException {
        return new String(exchange(answer, 1 << 20), StandardCharsets.UTF_8);
    }

    @Test
    void theRequestIsRecordedWhole() throws IOException {
        text(HostileAnswers.ok("{}"));
        HostileRequest r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.target()).isEqualTo("/v1/items?k=q1");
        assertThat(r.path()).isEqualTo("/v1/items");
        assertThat(r.header("cookie")).isEqualTo("session=" + SECRET);
        assertThat(r.header("X-None")).isNull();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("body-1");
        assertThat(r.everything()).contains(SECRET, "body-1", "q1");
        assertThat(r.echoable()).contains("session=" + SECRET);
        assertThat(r.toString()).contains("POST").doesNotContain(SECRET);
        assertThat(server.requests()).hasSize(1);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.awaitRequests(1, Duration.ofSeconds(1))).isTrue();
        assertThat(server.toString()).isEqualTo("HostileServer{" + server.url() + '}');
        server.reset();
        assertThat(server.requests()).isEmpty();
        assertThat(server.lastRequest()).isNull();
        assertThat(server.connections()).isZero();
        assertThat(text(HostileAnswers.ok("{\"a\":1}"))).startsWith("HTTP/1.1 200 OK").endsWith("{\"a\":1}");
    }

    @Test
    void echoesPutTheRequestsValuesWhereTheirNamesSay() throws IOException {
        assertThat(text(HostileAnswers.statusLineEcho())).startsWith("HTTP/1.1 2x0 ").contains(SECRET);
        assertThat(text(HostileAnswers.reasonPhraseEcho()).lines().findFirst().orElseThrow())
                .startsWith("HTTP/1.1 500 ").contains(SECRET);
        String header = text(HostileAnswers.headerEcho(401));
        assertThat(header).startsWith("HTTP/1.1 401 ");
        for (String name : List.of("X-Request-Id: ", "CF-Ray: ", "X-Echo: ", "Retry-After: ", "Set-Cookie: session=")) {
            assertThat(header.lines().filter(l -> l.startsWith(name)).findFirst()).as(name)
                    .hasValueSatisfying(l -> assertThat(l).contains(SECRET));
        }
        String json = text(HostileAnswers.jsonErrorEcho(418));
        assertThat(json).startsWith("HTTP/1.1 418 ").contains("\"message\":\"").contains("\"errors\":[\"");
        String body = json.substring(json.indexOf("\r\n\r\n") + 4);
        assertThat(json).contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
        assertThat(body.split(SECRET, -1)).hasSize(9); // eight fields, each with the secret
        assertThat(text(HostileAnswers.jsonSuccessEcho())).startsWith("HTTP/1.1 200 OK").contains("\"session_id\":\"",
                "\"artist_id\":\"").contains(SECRET);
        assertThat(text(HostileAnswers.textErrorEcho())).startsWith("HTTP/1.1 400 Bad Request")
                .contains("text/plain").contains(SECRET);
        String big = text(HostileAnswers.overlongHeaderEcho());
        assertThat(big.lines().filter(l -> l.startsWith("X-Big: ")).findFirst().orElseThrow().length())
                .isGreaterThan(300 * 1024);
        assertThat(text(HostileAnswers.chunkSizeEcho())).contains("Transfer-Encoding: chunked\r\n\r\n")
                .contains(SECRET).endsWith("\r\n{}\r\n0\r\n\r\n");
        assertThat(text(HostileAnswers.hexChunkSizeEcho()))
                .contains(HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
        String redirect = text(HostileAnswers.redirectEcho());
        assertThat(redirect).startsWith("HTTP/1.1 302 Found").contains("Location: http://evil.invalid/")
                .contains(SECRET);
    }

    @Test
    void lengthsAndChunksLieAsNamed() throws IOException {
        assertThat(text(HostileAnswers.negativeContentLength())).contains("Content-Length: -5\r\n");
        String tooLong = text(HostileAnswers.contentLengthTooLong());
        assertThat(tooLong).contains("Content-Length: 1000\r\n").endsWith("\r\n\r\n{\"id\":");
        String tooShort = text(HostileAnswers.contentLengthTooShort());
        assertThat(tooShort).contains("Content-Length: 3\r\n").endsWith("{\"id\":1,\"name\":\"x\"}");
        assertThat(text(HostileAnswers.brokenChunk())).contains("5\r\n{\"a\":1}XX\r\n");
        String reset = text(HostileAnswers.resetMidBody());
        assertThat(reset).contains("Content-Length: 100");
        assertThat(reset.substring(reset.indexOf("\r\n\r\n") + 4).length()).isLessThan(100);
        assertThat(text(HostileAnswers.retryAfterOverflow())).startsWith("HTTP/1.1 429")
                .contains("Retry-After: 9223372036854775807\r\n");
        assertThat(text(HostileAnswers.retryAfterUnderflow())).startsWith("HTTP/1.1 429")
                .contains("Retry-After: -18446744073709551611\r\n");
        assertThat(text(HostileAnswers.garbage())).startsWith("\u0000\u0001SSH-2.0");
    }

    @Test
    void pagesNullsAndNestingAreWellFormedHttp() throws IOException {
        byte[] bom = exchange(HostileAnswers.htmlWithByteOrderMark(), 1 << 16);
        String head = new String(bom, StandardCharsets.ISO_8859_1);
        int at = head.indexOf("\r\n\r\n") + 4;
        assertThat(new byte[] {bom[at], bom[at + 1], bom[at + 2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(head).contains("Content-Type: text/html");
        String challenge = text(HostileAnswers.htmlChallenge200());
        assertThat(challenge).contains("<title>DDoS-Guard ").contains(SECRET).doesNotContain("<html><head><title>"
                + "DDoS-Guard <");
        assertThat(text(HostileAnswers.empty200())).endsWith("Content-Length: 0\r\n\r\n");
        assertThat(text(HostileAnswers.jsonNull())).endsWith("\r\n\r\nnull");
        String nested = text(HostileAnswers.deepNesting());
        assertThat(nested).contains("Content-Length: 200000\r\n").endsWith("]".repeat(100_000));
    }

    @Test
    void bombsAndFloodsAreWhatTheySay() throws IOException {
        byte[] bomb = exchange(HostileAnswers.gzipBomb(), 4 << 20);
        String head = new String(bomb, 0, 200, StandardCharsets.ISO_8859_1);
        int at = head.indexOf("\r\n\r\n") + 4;
        assertThat(head).contains("Content-Encoding: gzip");
        long declared = Long.parseLong(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(bomb.length - at).isEqualTo(declared);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bomb, at, bomb.length - at))) {
            byte[] first = in.readNBytes(1024);
            assertThat(new String(first, StandardCharsets.US_ASCII).isBlank()).isTrue();
        }
        String flood = new String(exchange(HostileAnswers.endlessWhitespace(), 200_000), StandardCharsets.ISO_8859_1);
        assertThat(flood).contains("Transfer-Encoding: chunked\r\n\r\n10000\r\n");
        int chunk = flood.indexOf("10000\r\n") + 7;
        assertThat(flood.substring(chunk, chunk + 64 * 1024)).isBlank(); // a 64 KiB chunk of white space
        assertThat(flood.substring(chunk + 64 * 1024)).startsWith("\r\n10000\r\n");
        String huge = new String(exchange(HostileAnswers.hugeBody(), 200_000), StandardCharsets.ISO_8859_1);
        assertThat(huge).contains("Content-Length: " + 200 * 1024 * 1024 + "\r\n\r\n[");
    }

    @Test
    void silenceWaitsForTheClientToLeaveAndCountsIt() throws IOException {
        byte[] nothing = exchange(HostileAnswers.silence(), 10);
        assertThat(nothing).isEmpty();
        assertThat(server.awaitClosedByClient(1, Duration.ofSeconds(10))).isTrue();
        assertThat(server.closedByClient()).isEqualTo(1);
        byte[] first = exchange(HostileAnswers.trickle(), 9);
        assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 ");
    }

    @Test
    void everyAnswerHasItsOwnName() {
        List<HostileAnswer> all = HostileAnswers.all();
        assertThat(all).hasSize(36);
        assertThat(all.stream().map(Object::toString).distinct()).hasSize(36);
        assertThat(all.stream().map(Object::toString)).contains("terminal escapes 500", "terminal escapes 200",
                "malformed issued token");
        assertThat(HostileAnswers.TERMINAL_ESCAPES).contains("\u001B]0;", "\u0007", "\u009B", "\u202E", "\n");
        assertThat(HostileAnswers.oneLine("a\r\nb")).isEqualTo("a  b");
        Function<Integer, String> name = s -> HostileAnswers.jsonErrorEcho(s).toString();
        assertThat(name.apply(503)).isEqualTo("JSON error echo 503");
    }

    @Test
    void anOverlongHeadIsCutOffUnrecorded() throws IOException {
        server.answer(HostileAnswers.ok("{}"));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(2_000);
            String head = "GET / HTTP/1.1\r\nX-Long: " + "a".repeat(HostileServer.MAX_HEAD + 10) + "\r\n\r\n";
            try {
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().read();
            } catch (IOException closed) {
                // The server may close while the head is still being sent.
            }
        }
        assertThat(server.requests()).isEmpty();
    }
}
