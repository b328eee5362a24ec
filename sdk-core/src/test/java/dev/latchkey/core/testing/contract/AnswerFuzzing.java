package dev.latchkey.core.testing.contract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.testing.contract.ProviderContract.ContractCall;
import dev.latchkey.core.testing.contract.ProviderContract.Subject;
import dev.latchkey.testkit.hostile.HostileServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Raw HTTP answers built from fuzzer input, played to a provider's public calls through the real pipeline and error
 * mappers. The only allowed outcomes are a value or a {@link LatchkeyException} whose printed stack trace holds no
 * planted secret; anything else (an NPE, a raw Jackson or IO exception, a hang, a leak) is a finding.
 *
 * <p>An answer is either <em>structured</em> (a status, headers from a pool of the ones that matter, a body) or
 * <em>raw</em> bytes. Wherever the input holds {@value #ECHO}, the server puts the request's own header values, query
 * values and body, so the fuzzer can place the client's secrets anywhere in the answer.
 */
public final class AnswerFuzzing {
    /** Replaced by everything the request carried (its secrets included). */
    public static final String ECHO = "{S}";

    /** Tokens worth splicing into answers: give them to Jazzer as a dictionary. */
    public static final String[] DICTIONARY = {ECHO, "HTTP/1.1 ", "HTTP/1.0 ", "200 OK", "\r\n", "\r\n\r\n",
        "Content-Length: ", "Transfer-Encoding: chunked", "Content-Encoding: gzip", "Content-Type: application/json",
        "Content-Type: text/html", "Retry-After: ", "X-Request-Id: ", "Set-Cookie: session=", "Location: ",
        "{\"", "\":", "null", "true", "[{", "}]", "<html>", "<title>", "\uFEFF", "\"error\"", "\"message\"",
        "\"status_code\"", "\"results\"", "\"page\"", "\"total_pages\"", "\"id\"", "\"username\"", "\"session_id\"",
        "\"expires_at\"", "\"success\"", "\"request_token\"", "9223372036854775807", "-1", "0\r\n\r\n"};

    private static final String[] HEADERS = {"Content-Type: application/json", "Content-Type: text/html",
        "Transfer-Encoding: chunked", "Content-Encoding: gzip", "Retry-After: ", "X-Request-Id: ",
        "Set-Cookie: session=", "Location: /account/login", "Server: ddos-guard", "Connection: close"};

    private final HostileServer server = HostileServer.create().start();
    private final Subject subject;
    private final List<ContractCall> calls;
    private final List<String> secrets;
    private final AtomicLong runs = new AtomicLong();
    /** Open response bodies: every input must end with none (OkHttp's "connection leaked" warning, made a finding). */
    private final dev.latchkey.core.testing.OpenResponseCounter counter =
            new dev.latchkey.core.testing.OpenResponseCounter();

    /** Makes a provider's subject, as its contract test does. */
    @FunctionalInterface
    public interface SubjectFactory {
        Subject create(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options);
    }

    /** @param factory the provider's subject, on the contract's options (short deadlines, small caps) */
    public AnswerFuzzing(SubjectFactory factory) {
        // Jazzer's SSRF detector flags every connection; this harness connects to its own loopback server only.
        try {
            com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                    (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        } catch (IllegalStateException notUnderJazzer) {
            // Run as a plain loop: there is no detector to tell.
        }
        this.subject = factory.create(server.url(), ProviderContract.noReuse().addNetworkInterceptor(counter).build(),
                ProviderContract.contractOptions());
        this.calls = subject.calls();
        this.secrets = subject.secrets();
    }

    /** @return how many inputs ran */
    public long runs() {
        return runs.get();
    }

    /**
     * Plays one input.
     *
     * @throws AssertionError for any outcome but a value or a clean {@link LatchkeyException}
     */
    public void run(FuzzedDataProvider data) throws Exception {
        runs.incrementAndGet();
        ContractCall call = calls.get(data.consumeInt(0, calls.size() - 1));
        byte[] answer = withoutPlantedSecrets(data.consumeBoolean() ? structured(data) : data.consumeRemainingAsBytes());
        server.answer(ex -> ex.send(echo(answer, ex.request().everything())));
        subject.restoreSession();
        Throwable failure = ProviderContract.outcome(call);
        ProviderContract.awaitClosed(counter);
        if (counter.open() > 0) {
            int open = counter.open();
            counter.reset();
            throw new AssertionError(call.name() + " left " + open + " response bodies open (" + (failure == null
                    ? "it returned a value" : "it failed with " + failure) + ")");
        }
        if (failure == null) {
            return;
        }
        if (!(failure instanceof LatchkeyException)) {
            throw new AssertionError(call.name() + " ended in " + failure.getClass().getName(), failure);
        }
        String leak = Leaks.find(dev.latchkey.core.testing.Traces.printed(failure), secrets);
        if (leak != null) {
            throw new AssertionError(call.name() + ": the printed stack trace leaks: " + leak);
        }
    }

    private static byte[] structured(FuzzedDataProvider data) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(data.consumeInt(100, 599)).append(' ')
                .append(data.consumeString(40).replace('\r', ' ').replace('\n', ' ')).append("\r\n");
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            String h = HEADERS[data.consumeInt(0, HEADERS.length - 1)];
            head.append(h);
            if (h.endsWith(": ") || h.endsWith("=")) {
                head.append(data.consumeString(40).replace('\r', ' ').replace('\n', ' '));
            }
            head.append("\r\n");
        }
        boolean length = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        if (length) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * The fuzzer learns the secrets from the comparisons it watches and would write them into answers itself. A secret
     * the server holds from nowhere is not the client's leak, and one the request did not carry cannot be scrubbed:
     * so secrets reach an answer only through {@value #ECHO}, and any 8-character run of any form of one (raw,
     * URL-encoded, hex, Base64), or a whole form shorter than that, that the input holds is blanked.
     */
    private byte[] withoutPlantedSecrets(byte[] answer) {
        StringBuilder text = new StringBuilder(new String(answer, StandardCharsets.ISO_8859_1));
        for (String secret : secrets) {
            for (String form : Leaks.formsOf(secret)) {
                // Case-insensitive, as the leak check reads hex; any 8-character run of a form is blanked.
                String f = form.toLowerCase(java.util.Locale.ROOT);
                for (int i = 0; i + Leaks.PIECE <= f.length(); i++) {
                    blank(text, f.substring(i, i + Leaks.PIECE));
                }
                // A form shorter than a piece (a 6-digit code) is looked for whole, so it is blanked whole.
                if (f.length() < Leaks.PIECE) {
                    blank(text, f);
                }
            }
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Replaces every occurrence of the lower-case text, in any case, with as many {@code x}. */
    private static void blank(StringBuilder text, String lowerCase) {
        String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
        for (int at = lower.indexOf(lowerCase); at >= 0; at = lower.indexOf(lowerCase, at + 1)) {
            text.replace(at, at + lowerCase.length(), "x".repeat(lowerCase.length()));
            lower = text.toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static byte[] echo(byte[] answer, String everything) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        if (!text.contains(ECHO)) {
            return answer;
        }
        String echoed = new String(everything.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return text.replace(ECHO, echoed).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Ends the subject and the server. */
    public void close() {
        subject.close();
        server.close();
    }
}
