package dev.latchkey.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.page.Page;
import dev.latchkey.testkit.exchange.Cassette;
import dev.latchkey.testkit.exchange.Exchange;
import dev.latchkey.testkit.exchange.ReplayServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The client side of a provider's conformance corpus (sdk-testkit's {@link Cassette#corpus}): every exchange with a
 * {@code client} section is replayed to the provider's client by a {@link ReplayServer}, which answers exactly the
 * recorded answer and checks that the client sent the recorded request (method, path, JSON body; a {@code {{#...}}}
 * placeholder must be a number). The call's outcome must be the one the section expects:
 * <ul>
 *   <li>{@code "value"}: the result as JSON (records under their JSON names, {@code Optional} as its value, an
 *     account through the provider's {@code view}) holds every expected field with the expected value;</li>
 *   <li>{@code "empty": true}: an empty {@code Optional}; {@code "size": n}: a list's or page's number of items;</li>
 *   <li>{@code "exception"}: the exception's simple type name, with {@code "code"} (provider code), {@code "status"}
 *     and {@code "message"} (a part of it) when given.</li>
 * </ul>
 * {@code "replays": n} serves this exchange and the next {@code n - 1} of its cassette, for calls that make several
 * requests; each must be asked for, unless {@code "sent": false} says the client refuses before sending (then none
 * may be).
 */
public final class ClientConformance {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ClientConformance() {
    }

    /** A provider's client calls by name: the client built on the replay server's base URL, and the call. */
    public interface Calls {
        /**
         * @param baseUrl the replay server's base URL
         * @param call the call's name in the corpus
         * @param args its arguments
         * @return the call's result
         * @throws Exception whatever the call throws
         */
        Object call(String baseUrl, String call, JsonNode args) throws Exception;

        /**
         * @param result a call's result
         * @return it as something JSON can show (an account as its facts), or itself
         */
        default Object view(Object result) {
            return result;
        }
    }

    /**
     * @param provider the corpus's provider
     * @param pathPrefix what the client's base URL adds to the origin ({@code /api} for Kemono), or {@code ""}
     * @param calls the provider's calls
     * @return one test per exchange with a client section
     */
    public static Stream<DynamicNode> tests(String provider, String pathPrefix, Calls calls) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Cassette c : Cassette.corpus(provider)) {
            List<Exchange> xs = c.exchanges();
            for (int i = 0; i < xs.size(); i++) {
                Exchange x = xs.get(i);
                if (x.client() == null) {
                    continue;
                }
                int replays = x.client().path("replays").asInt(1);
                List<Exchange> served = xs.subList(i, Math.min(xs.size(), i + replays));
                tests.add(DynamicTest.dynamicTest(c.name() + ": " + x.name(), () -> run(x, served, pathPrefix,
                        calls)));
            }
        }
        if (tests.isEmpty()) {
            throw new AssertionError("no exchange of the " + provider + " corpus names a client call");
        }
        return tests.stream();
    }

    private static void run(Exchange x, List<Exchange> served, String pathPrefix, Calls calls) throws Exception {
        JsonNode spec = x.client();
        Object result = null;
        Throwable thrown = null;
        try (ReplayServer server = ReplayServer.of(served)) {
            try {
                result = calls.call(server.baseUrl() + pathPrefix, spec.path("call").asText(), spec.path("args"));
            } catch (Exception | AssertionError e) {
                thrown = e;
            }
            if (!server.problems().isEmpty()) {
                throw new AssertionError("the client did not send the recorded request: " + server.problems(),
                        thrown);
            }
            boolean sent = spec.path("sent").asBoolean(true);
            if (sent && server.unanswered() > 0) {
                throw new AssertionError(x.name() + ": the client sent no request for " + server.unanswered()
                        + " recorded exchange(s)", thrown);
            }
            if (!sent && server.unanswered() != served.size()) {
                throw new AssertionError(x.name() + ": the client should refuse before sending, and sent", thrown);
            }
        }
        if (spec.has("exception")) {
            Throwable t = thrown instanceof java.util.concurrent.ExecutionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            if (t == null) {
                throw new AssertionError(x.name() + ": expected " + spec.get("exception").asText() + ", got "
                        + JSON.writeValueAsString(calls.view(result)));
            }
            if (!t.getClass().getSimpleName().equals(spec.get("exception").asText())) {
                throw new AssertionError(x.name() + ": expected " + spec.get("exception").asText() + ", got " + t, t);
            }
            if (spec.has("code") && !(t instanceof ApiException a && a.providerCode().map(spec.get("code").asText()
                    ::equals).orElse(false))) {
                throw new AssertionError(x.name() + ": expected the provider code " + spec.get("code").asText()
                        + ": " + t.getMessage(), t);
            }
            if (spec.has("status") && !(t instanceof ApiException a && a.status() == spec.get("status").asInt())) {
                throw new AssertionError(x.name() + ": expected the status " + spec.get("status") + ": " + t, t);
            }
            if (spec.has("message") && !String.valueOf(t.getMessage()).contains(spec.get("message").asText())) {
                throw new AssertionError(x.name() + ": the message lacks \"" + spec.get("message").asText() + "\": "
                        + t.getMessage(), t);
            }
            return;
        }
        if (thrown != null) {
            throw new AssertionError(x.name() + ": the client threw reading the recorded answer", thrown);
        }
        Object shown = result instanceof Optional<?> o ? o.map(calls::view).orElse(null) : calls.view(result);
        if (spec.has("empty")) {
            if (!(result instanceof Optional<?> o) || o.isPresent() != !spec.get("empty").asBoolean()) {
                throw new AssertionError(x.name() + ": expected " + (spec.get("empty").asBoolean() ? "empty" : "a value")
                        + ", got " + result);
            }
        }
        if (spec.has("size")) {
            int size = result instanceof Page<?> p ? p.items().size() : result instanceof Collection<?> col
                    ? col.size() : -1;
            if (size != spec.get("size").asInt()) {
                throw new AssertionError(x.name() + ": expected " + spec.get("size") + " items, got " + size);
            }
        }
        if (spec.has("value")) {
            JsonNode actual = JSON.valueToTree(result instanceof Page<?> p ? p.items() : shown);
            List<String> problems = new ArrayList<>();
            match("value", spec.get("value"), actual, problems);
            if (!problems.isEmpty()) {
                throw new AssertionError(x.name() + ": " + problems + " in " + actual);
            }
        }
    }

    private static void match(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                problems.add(path + " is not an object");
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = actual.get(e.getKey());
                match(path + "." + e.getKey(), e.getValue(), a == null ? com.fasterxml.jackson.databind.node
                        .NullNode.getInstance() : a, problems);
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() < expected.size()) {
                problems.add(path + " has fewer items than expected");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                match(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
            }
        } else {
            boolean same = expected.isNumber() && actual.isNumber()
                    ? expected.decimalValue().compareTo(actual.decimalValue()) == 0 : expected.equals(actual);
            if (!same) {
                problems.add(path + " = " + actual + ", expected " + expected);
            }
        }
    }
}
