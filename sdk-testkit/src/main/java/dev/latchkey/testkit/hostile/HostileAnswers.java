package dev.latchkey.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The catalogue of hostile answers: what an attacker or a broken proxy sends. Answers whose name says "echo" put the
 * request's own header values, query values and body (its cookies, keys, tokens and passwords) where a careless
 * client would copy them into an exception or a log: the status line, headers, a chunk size, JSON fields.
 * {@link #all()} lists every one, for contract suites that drive a client through each.
 */
public final class HostileAnswers {
    private HostileAnswers() {
    }

    /** @return every hostile answer of the catalogue (not {@link #ok}), each named */
    public static List<HostileAnswer> all() {
        return List.of(statusLineEcho(), reasonPhraseEcho(), headerEcho(500), headerEcho(200), jsonErrorEcho(400),
                jsonErrorEcho(401), jsonErrorEcho(404), jsonErrorEcho(429), jsonErrorEcho(503), jsonSuccessEcho(),
                textErrorEcho(), overlongHeaderEcho(), chunkSizeEcho(), hexChunkSizeEcho(), negativeContentLength(),
                contentLengthTooLong(), contentLengthTooShort(), brokenChunk(), resetMidBody(), gzipBomb(),
                endlessWhitespace(), hugeBody(), htmlWithByteOrderMark(), htmlChallenge200(), empty200(), jsonNull(),
                deepNesting(), garbage(), redirectEcho(), retryAfterOverflow(), retryAfterUnderflow(), silence(),
                trickle(), terminalEscapes(500), terminalEscapes(200), malformedIssuedToken());
    }

    /**
     * Text that acts on a terminal or a log instead of showing: it retitles the window ({@code ESC ] 0 ; ... BEL}),
     * clears the screen ({@code ESC [ 2 J}), starts a C1 control sequence, reverses the text that follows (U+202E)
     * and forges a line.
     */
    public static final String TERMINAL_ESCAPES = "Mallory\u001B]0;pwned\u0007\u001B[2J\u009B31m\u202Eevil\n"
            + "INFO forged line\u2028";

    /**
     * A token a token endpoint has just issued, in no request, so no scrubber knows it: {@link #malformedIssuedToken}
     * sends it unquoted.
     */
    public static final String ISSUED_TOKEN = "Lk1ssuedT0kenQ7x9Vb2mZr4Yp8Wc";

    /**
     * @param status the HTTP status
     * @return the status with a JSON body whose common fields (error texts, names, titles, types) and a request-id
     *     header hold {@link #TERMINAL_ESCAPES} (issue 27, item 1)
     */
    public static HostileAnswer terminalEscapes(int status) {
        return HostileAnswer.named("terminal escapes " + status, ex -> {
            String e = json(TERMINAL_ESCAPES);
            String body = "{\"message\":" + e + ",\"status_message\":" + e + ",\"error\":" + e
                    + ",\"error_description\":" + e + ",\"detail\":" + e + ",\"code\":" + e + ",\"username\":" + e
                    + ",\"name\":" + e + ",\"display_name\":" + e + ",\"title\":" + e + ",\"type\":" + e
                    + ",\"role\":" + e + ",\"results\":[],\"page\":1}";
            ex.write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nX-Request-Id: req\u001B[2J"
                    + "\u009B\r\nContent-Length: " + utf8(body).length + "\r\n\r\n");
            ex.send(utf8(body));
        });
    }

    /**
     * @return {@code 200} whose JSON holds {@link #ISSUED_TOKEN} unquoted where a login or a token exchange puts its
     *     token: a parser's message quotes the input it choked on ({@code Unrecognized token '...'}), so a client
     *     that puts it in the message of a sensitive call's failure shows a fresh token (issue 27, item 4)
     */
    public static HostileAnswer malformedIssuedToken() {
        return HostileAnswer.named("malformed issued token", ex -> answer(ex, "200 OK", "application/json",
                "{\"access_token\":" + ISSUED_TOKEN + ",\"token\":" + ISSUED_TOKEN + ",\"data\":{\"token\":"
                        + ISSUED_TOKEN + "}}"));
    }

    /**
     * @param json the JSON body to send
     * @return {@code 200} with the JSON body, well formed
     */
    public static HostileAnswer ok(String json) {
        return HostileAnswer.named("ok", ex -> answer(ex, "200 OK", "application/json", json));
    }

    /** @return a status line that cannot be parsed, holding the request's values */
    public static HostileAnswer statusLineEcho() {
        return HostileAnswer.named("status line echo", ex -> {
            ex.write("HTTP/1.1 2x0 " + oneLine(ex.request().everything()) + "\r\nContent-Length: 0\r\n\r\n");
        });
    }

    /** @return a valid 500 whose reason phrase holds the request's values */
    public static HostileAnswer reasonPhraseEcho() {
        return HostileAnswer.named("reason phrase echo", ex -> answer(ex, "500 " + oneLine(ex.request().everything()),
                "text/plain", ""));
    }

    /**
     * @param status the HTTP status of the answer
     * @return the status, with the request's values in a request-id header and others, and a JSON body
     */
    public static HostileAnswer headerEcho(int status) {
        return HostileAnswer.named("header echo " + status, ex -> {
            String v = oneLine(ex.request().everything());
            ex.write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nX-Request-Id: " + v
                    + "\r\nCF-Ray: " + v + "\r\nX-Echo: " + v + "\r\nRetry-After: " + v + "\r\nSet-Cookie: session=" + v
                    + "\r\nContent-Length: 2\r\n\r\n{}");
        });
    }

    /**
     * @param status the HTTP status of the answer
     * @return the status with a JSON error envelope whose every field holds the request's values
     */
    public static HostileAnswer jsonErrorEcho(int status) {
        return HostileAnswer.named("JSON error echo " + status, ex -> {
            String e = json(ex.request().everything());
            String body = "{\"message\":" + e + ",\"status_message\":" + e + ",\"error\":" + e + ",\"code\":" + e
                    + ",\"status_code\":" + e + ",\"error_description\":" + e + ",\"detail\":" + e + ",\"errors\":[" + e
                    + "]}";
            ex.write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nX-Request-Id: "
                    + oneLine(ex.request().everything()) + "\r\nContent-Length: " + utf8(body).length + "\r\n\r\n" + body);
        });
    }

    /** @return {@code 200} with JSON whose common fields hold the request's values, as wrong types and right ones */
    public static HostileAnswer jsonSuccessEcho() {
        return HostileAnswer.named("JSON success echo", ex -> {
            String e = json(ex.request().everything());
            String body = "{\"id\":" + e + ",\"username\":" + e + ",\"name\":" + e + ",\"session_id\":" + e
                    + ",\"guest_session_id\":" + e + ",\"request_token\":" + e + ",\"access_token\":" + e
                    + ",\"expires_at\":" + e + ",\"success\":" + e + ",\"results\":" + e + ",\"page\":" + e
                    + ",\"created_at\":" + e + ",\"role\":" + e + ",\"props\":" + e + ",\"post\":" + e
                    + ",\"service\":" + e + ",\"artist_id\":" + e + ",\"post_id\":" + e + ",\"type\":" + e + "}";
            answer(ex, "200 OK", "application/json", body);
        });
    }

    /** @return a 400 whose plain-text body holds the request's values */
    public static HostileAnswer textErrorEcho() {
        return HostileAnswer.named("text error echo", ex -> answer(ex, "400 Bad Request", "text/plain",
                ex.request().everything()));
    }

    /** @return a header longer than clients accept, made of the request's values */
    public static HostileAnswer overlongHeaderEcho() {
        return HostileAnswer.named("over-long header echo", ex -> {
            String v = oneLine(ex.request().everything());
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 300 * 1024) {
                sb.append(v).append(' ');
            }
            ex.write("HTTP/1.1 200 OK\r\nX-Big: " + sb + "\r\nContent-Length: 2\r\n\r\n{}");
        });
    }

    /** @return a chunked answer whose chunk-size line holds the request's values */
    public static HostileAnswer chunkSizeEcho() {
        return HostileAnswer.named("chunk size echo", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + oneLine(ex.request().everything())
                + "\r\n{}\r\n0\r\n\r\n"));
    }

    /** @return a chunked answer whose chunk size is the request's values in hex */
    public static HostileAnswer hexChunkSizeEcho() {
        return HostileAnswer.named("hex chunk size echo", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + HexFormat.of().formatHex(utf8(ex.request().everything())) + "\r\n{}\r\n0\r\n\r\n"));
    }

    /** @return {@code Content-Length: -5} */
    public static HostileAnswer negativeContentLength() {
        return HostileAnswer.named("negative Content-Length", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nContent-Length: -5\r\n\r\n{}"));
    }

    /** @return a declared length longer than what is sent before the connection closes */
    public static HostileAnswer contentLengthTooLong() {
        return HostileAnswer.named("Content-Length too long", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":"));
    }

    /** @return a declared length shorter than the body */
    public static HostileAnswer contentLengthTooShort() {
        return HostileAnswer.named("Content-Length too short", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nContent-Length: 3\r\n\r\n{\"id\":1,\"name\":\"x\"}"));
    }

    /** @return a chunk whose trailing CRLF is missing */
    public static HostileAnswer brokenChunk() {
        return HostileAnswer.named("broken chunk", ex -> ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":1}XX\r\n0\r\n\r\n"));
    }

    /** @return half a body, then a TCP reset */
    public static HostileAnswer resetMidBody() {
        return HostileAnswer.named("reset mid-body", ex -> {
            ex.send(utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{\"id\":"));
            ex.reset();
        });
    }

    /** @return a 1 MB gzip body that inflates to 1 GB of white space */
    public static HostileAnswer gzipBomb() {
        // Made here, not when a client asks: compressing 1 GB takes seconds, longer than a client's read timeout.
        byte[] bomb = GzipBomb.BYTES;
        return HostileAnswer.named("gzip bomb", ex -> {
            ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
                    + bomb.length + "\r\n\r\n");
            ex.send(bomb);
        });
    }

    /** @return white space streamed without end (up to 1 GB, or until the client leaves) */
    public static HostileAnswer endlessWhitespace() {
        return HostileAnswer.named("endless white space", ex -> {
            ex.send(utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = utf8(Integer.toHexString(chunk.length) + "\r\n");
            for (int i = 0; i < 16 * 1024; i++) {
                ex.out().write(size);
                ex.out().write(chunk);
                ex.out().write('\r');
                ex.out().write('\n');
            }
            ex.send(utf8("0\r\n\r\n"));
        });
    }

    /** @return a valid JSON array of 200 MB, announced by its length */
    public static HostileAnswer hugeBody() {
        return HostileAnswer.named("huge body", ex -> {
            int n = 200 * 1024 * 1024;
            ex.send(utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + n + "\r\n\r\n"));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            ex.out().write(chunk);
            chunk[0] = ' ';
            for (int sent = chunk.length; sent < n - 1; sent += chunk.length) {
                ex.out().write(chunk, 0, Math.min(chunk.length, n - 1 - sent));
            }
            ex.send(utf8("]"));
        });
    }

    /** @return an HTML challenge page, served with 200 and a byte-order mark first */
    public static HostileAnswer htmlWithByteOrderMark() {
        return HostileAnswer.named("HTML with byte-order mark", ex -> answer(ex, "200 OK", "text/html",
                "\uFEFF<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"));
    }

    /** @return an anti-bot challenge page served with 200, with the request's values in it */
    public static HostileAnswer htmlChallenge200() {
        return HostileAnswer.named("HTML challenge 200", ex -> answer(ex, "200 OK", "text/html",
                "<!DOCTYPE html><html><head><title>DDoS-Guard " + html(ex.request().everything())
                        + "</title></head><body>" + html(ex.request().everything()) + "</body></html>"));
    }

    /** @return {@code 200} with an empty body */
    public static HostileAnswer empty200() {
        return HostileAnswer.named("empty 200", ex -> answer(ex, "200 OK", "application/json", ""));
    }

    /** @return {@code 200} with the JSON literal {@code null} */
    public static HostileAnswer jsonNull() {
        return HostileAnswer.named("JSON null", ex -> answer(ex, "200 OK", "application/json", "null"));
    }

    /** @return arrays nested 100,000 deep */
    public static HostileAnswer deepNesting() {
        return HostileAnswer.named("deep nesting", ex -> answer(ex, "200 OK", "application/json",
                "[".repeat(100_000) + "]".repeat(100_000)));
    }

    /** @return bytes that are not HTTP at all */
    public static HostileAnswer garbage() {
        return HostileAnswer.named("garbage", ex -> ex.write("\u0000\u0001SSH-2.0-OpenSSH\r\n\r\n"));
    }

    /** @return a redirect to another host, with the request's values in the location */
    public static HostileAnswer redirectEcho() {
        return HostileAnswer.named("redirect echo", ex -> ex.write("HTTP/1.1 302 Found\r\nLocation: http://evil.invalid/"
                + java.net.URLEncoder.encode(ex.request().everything(), StandardCharsets.UTF_8)
                + "\r\nContent-Length: 0\r\n\r\n"));
    }

    /** @return {@code 429} with a {@code Retry-After} that overflows a long in milliseconds */
    public static HostileAnswer retryAfterOverflow() {
        return HostileAnswer.named("Retry-After overflow", ex -> ex.write("HTTP/1.1 429 Too Many Requests\r\n"
                + "Retry-After: 9223372036854775807\r\nContent-Length: 0\r\n\r\n"));
    }

    /**
     * @return {@code 429} with {@code Retry-After: -18446744073709551611}: a negative wait, and one whose low 64 bits
     *     read {@code 5}, so a parser that narrows before it checks the sign waits 5 s (or, with other digits, ages)
     */
    public static HostileAnswer retryAfterUnderflow() {
        return HostileAnswer.named("Retry-After underflow", ex -> ex.write("HTTP/1.1 429 Too Many Requests\r\n"
                + "Retry-After: -18446744073709551611\r\nContent-Length: 0\r\n\r\n"));
    }

    /** @return nothing at all, until the client gives up (at most a minute) */
    public static HostileAnswer silence() {
        return HostileAnswer.named("silence", ex -> ex.awaitClientClose(Duration.ofMinutes(1)));
    }

    /** @return a valid answer sent one byte every 50 ms */
    public static HostileAnswer trickle() {
        return HostileAnswer.named("one byte at a time", ex -> {
            byte[] all = utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n"
                    + " ".repeat(1998) + "{}");
            for (byte b : all) {
                ex.send(new byte[] {b});
                Thread.sleep(50);
            }
        });
    }

    // -----------------------------------------------------------------------------------------------------------

    private static void answer(HostileAnswer.Exchange ex, String status, String type, String body) throws IOException {
        byte[] b = utf8(body);
        ex.write("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n");
        ex.send(b);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the text with CR and LF replaced, so it stays on one header or status line */
    static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The bomb is made once: 1 GB of spaces deflates to about 1 MB. */
    private static final class GzipBomb {
        static final byte[] BYTES = make();

        private static byte[] make() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
                byte[] chunk = new byte[1024 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 1024; i++) {
                    gz.write(chunk);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }
}
