package dev.latchkey.testkit.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays {@link Cassette}s against a server and compares what it answers with what they recorded: the check a provider's
 * fake must pass against its conformance corpus, and the one a user can run against a server of their own.
 *
 * <p>Placeholders: a request's string {@code "{{name}}"} is replaced by a value kept from an earlier answer
 * ({@link Exchange#capture}) or given by the caller; {@code "{{#name}}"} stands for a number; inside a longer string
 * ({@code "session={{session}}"}) the value's text is inserted. Replayed to a client ({@link ReplayServer}), a
 * placeholder matches any value ({@code {{#...}}} any number).
 */
public final class Conformance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(#?)([A-Za-z0-9_.:-]+)}}");
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    /** The answer headers a recording keeps: those a client reads. */
    static final List<String> RECORDED_HEADERS = List.of("Content-Type", "Location", "Set-Cookie", "Retry-After",
            "Allow", "Cache-Control", "WWW-Authenticate");
    private static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");

    private Conformance() {
    }

    /** The values placeholders stand for: those kept from earlier answers, then the caller's. */
    public static final class Context {
        private final Map<String, JsonNode> kept = new HashMap<>();
        private final Function<String, Optional<JsonNode>> given;

        /** @param given values by name that no answer gave (a fake's current security code), read when used */
        public Context(Function<String, Optional<JsonNode>> given) {
            this.given = given;
        }

        /** @return a context with no values of the caller's */
        public static Context empty() {
            return new Context(n -> Optional.empty());
        }

        JsonNode get(String name) {
            JsonNode v = kept.get(name);
            return v != null ? v : given.apply(name).orElseThrow(() -> new IllegalArgumentException(
                    "no value for the placeholder {{" + name + "}}"));
        }

        void keep(String name, JsonNode value) {
            kept.put(name, value);
        }
    }

    /**
     * Sends a cassette's requests in order and compares each answer with its recording.
     *
     * @param cassette the exchanges
     * @param origin the server's origin ({@code http://127.0.0.1:8080}); the recorded paths follow it
     * @param context the placeholders' values
     * @param http the client to send with (redirects not followed)
     * @return every difference, {@code name: what}; empty when the server answered as recorded
     */
    public static List<String> play(Cassette cassette, String origin, Context context, OkHttpClient http) {
        List<String> problems = new ArrayList<>();
        for (Exchange x : cassette.exchanges()) {
            Answer a = send(x, origin, context, http);
            if (x.response() == null) {
                problems.add(x.name() + ": no recorded answer");
                continue;
            }
            for (String p : compare(x, a.status, a.headers, a.body)) {
                problems.add(x.name() + ": " + p);
            }
            keep(x, a, context);
        }
        return problems;
    }

    /**
     * Fills a draft: sends every request and records the answer of each exchange that has none. Exchanges that have
     * one are compared and left as they are: a recording never overwrites what a source established.
     *
     * @param cassette the draft
     * @param origin the server's origin
     * @param context the placeholders' values
     * @param http the client to send with (redirects not followed)
     * @return the cassette with every answer
     */
    public static Cassette record(Cassette cassette, String origin, Context context, OkHttpClient http) {
        List<Exchange> out = new ArrayList<>();
        for (Exchange x : cassette.exchanges()) {
            Answer a = send(x, origin, context, http);
            Exchange.Response r = x.response();
            if (r == null) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                for (String name : RECORDED_HEADERS) {
                    String value = a.headers.get(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                JsonNode body = parse(a.body);
                r = new Exchange.Response(a.status, headers, body, body == null ? a.body : null);
            }
            out.add(new Exchange(x.name(), x.source(), x.request(), r, x.volatileFields(), x.capture(), x.shape(),
                    x.client()));
            keep(x, a, context);
        }
        return cassette.withExchanges(out);
    }

    private record Answer(int status, Headers headers, String body) {
    }

    private static Answer send(Exchange x, String origin, Context context, OkHttpClient http) {
        Exchange.Request rq = x.request();
        Request.Builder b = new Request.Builder().url(HttpUrl.get(origin + fill(rq.path(), context)));
        rq.headers().forEach((k, v) -> b.header(k, fill(v, context)));
        RequestBody body = null;
        if (rq.body() != null) {
            JsonNode filled = resolve(rq.body(), context);
            if (rq.form()) {
                StringBuilder form = new StringBuilder();
                filled.fields().forEachRemaining(e -> form.append(form.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
                body = RequestBody.create(form.toString(), FORM_TYPE);
            } else if (filled.isTextual() && rq.body() instanceof TextNode) {
                body = RequestBody.create(filled.asText(), null);
            } else {
                body = RequestBody.create(filled.toString(), JSON_TYPE);
            }
        }
        if (body == null && (rq.method().equals("POST") || rq.method().equals("PUT"))) {
            body = RequestBody.create(new byte[0], null);
        }
        b.method(rq.method(), body);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.headers(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(x.name() + ": " + e.getMessage(), e);
        }
    }

    private static void keep(Exchange x, Answer a, Context context) {
        x.capture().forEach((name, from) -> {
            JsonNode v = captured(from, a);
            if (v == null) {
                throw new IllegalStateException(x.name() + ": the answer has nothing at " + from + " to keep as "
                        + name);
            }
            context.keep(name, v);
        });
    }

    private static JsonNode captured(String from, Answer a) {
        if (from.startsWith("cookie:")) {
            String name = from.substring(7) + "=";
            for (String c : a.headers.values("Set-Cookie")) {
                if (c.startsWith(name)) {
                    int end = c.indexOf(';');
                    return TextNode.valueOf(c.substring(name.length(), end < 0 ? c.length() : end));
                }
            }
            return null;
        }
        if (from.startsWith("location:")) {
            String location = a.headers.get("Location");
            HttpUrl url = location == null ? null : HttpUrl.parse(location.startsWith("/")
                    ? "http://origin" + location : location);
            String v = url == null ? null : url.queryParameter(from.substring(9));
            return v == null ? null : TextNode.valueOf(v);
        }
        JsonNode body = parse(a.body);
        if (body == null || !from.startsWith("body")) {
            return null;
        }
        JsonNode n = body;
        for (String step : from.substring(4).split("\\.")) {
            if (!step.isEmpty()) {
                n = step(n, step);
            }
            if (n == null || n.isMissingNode()) {
                return null;
            }
        }
        return n;
    }

    private static JsonNode step(JsonNode n, String step) {
        Matcher m = Pattern.compile("([^\\[]*)((?:\\[\\d+])*)").matcher(step);
        if (!m.matches()) {
            return null;
        }
        JsonNode cur = m.group(1).isEmpty() ? n : n.get(m.group(1));
        Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
        while (cur != null && idx.find()) {
            cur = cur.get(Integer.parseInt(idx.group(1)));
        }
        return cur;
    }

    // --- placeholders ------------------------------------------------------------------------------------------

    /**
     * @param template a recorded value holding placeholders
     * @param context their values
     * @return the value with every placeholder replaced
     */
    public static JsonNode resolve(JsonNode template, Context context) {
        if (template == null) {
            return null;
        }
        if (template.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(template.asText());
            if (whole.matches()) {
                return context.get(whole.group(2));
            }
            return TextNode.valueOf(fill(template.asText(), context));
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), context)));
            return out;
        }
        if (template.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            template.forEach(v -> out.add(resolve(v, context)));
            return out;
        }
        return template;
    }

    private static String fill(String text, Context context) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(context.get(m.group(2)).asText()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // --- comparing -----------------------------------------------------------------------------------------------

    /**
     * @param x the recorded exchange
     * @param status the status answered
     * @param headers the headers answered
     * @param body the body answered
     * @return what differs from the recording (volatile fields and, in shape mode, values aside)
     */
    public static List<String> compare(Exchange x, int status, Headers headers, String body) {
        List<String> problems = new ArrayList<>();
        Exchange.Response r = x.response();
        List<Pattern> volatiles = x.volatileFields().stream().map(Conformance::pattern).toList();
        if (r.status() != status) {
            problems.add("status " + status + ", recorded " + r.status());
        }
        r.headers().forEach((name, value) -> {
            String actual = headers.get(name);
            if (actual == null) {
                problems.add("no " + name + " header, recorded " + value);
            } else if (!volatileAt(volatiles, "headers." + name) && !actual.equals(value)) {
                problems.add(name + ": " + actual + ", recorded " + value);
            }
        });
        if (r.text() != null) {
            if (!volatileAt(volatiles, "text") && !r.text().equals(body)) {
                problems.add("body " + excerpt(body) + ", recorded " + excerpt(r.text()));
            }
            return problems;
        }
        JsonNode actual = parse(body);
        if (actual == null) {
            problems.add("body is not JSON: " + excerpt(body));
            return problems;
        }
        compare("body", r.body(), actual, volatiles, x.shape(), problems);
        return problems;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<Pattern> volatiles,
            boolean shape, List<String> problems) {
        boolean isVolatile = volatileAt(volatiles, path);
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String p = path + "." + k;
                if (!expected.has(k)) {
                    problems.add(p + " answered, not recorded");
                } else if (!actual.has(k)) {
                    problems.add(p + " recorded, not answered");
                } else {
                    compare(p, expected.get(k), actual.get(k), volatiles, shape, problems);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (shape) {
                if (expected.size() > 0) {
                    for (int i = 0; i < actual.size(); i++) {
                        compare(path + "[" + i + "]", expected.get(0), actual.get(i), volatiles, true, problems);
                    }
                }
                return;
            }
            if (expected.size() != actual.size() && !isVolatile) {
                problems.add(path + " has " + actual.size() + " items, recorded " + expected.size());
                return;
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), volatiles, shape, problems);
            }
            return;
        }
        if (isVolatile || shape) {
            if (!expected.isNull() && !actual.isNull() && kind(expected) != kind(actual)) {
                problems.add(path + " is " + kind(actual) + ", recorded " + kind(expected));
            }
            return;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0 : expected.equals(actual);
        if (!same) {
            problems.add(path + " = " + excerpt(actual.toString()) + ", recorded " + excerpt(expected.toString()));
        }
    }

    private static String kind(JsonNode n) {
        return n.isNumber() ? "a number" : n.isTextual() ? "text" : n.isBoolean() ? "a boolean" : n.isArray()
                ? "an array" : n.isObject() ? "an object" : "null";
    }

    /** {@code body.items[*].id}, {@code body.*.token}: a path pattern, {@code *} for any key or index. */
    private static Pattern pattern(String p) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*') {
                boolean index = i > 0 && p.charAt(i - 1) == '[';
                re.append(index ? "\\d+" : "[^.\\[]+");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static boolean volatileAt(List<Pattern> volatiles, String path) {
        for (Pattern p : volatiles) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    // --- the replay side ---------------------------------------------------------------------------------------

    /**
     * @param expected the recorded request
     * @param method the method a client sent
     * @param target the path and query it sent
     * @param body the body it sent
     * @return what differs; a placeholder matches any value, {@code {{#...}}} any number
     */
    public static List<String> requestDifferences(Exchange.Request expected, String method, String target,
            String body) {
        List<String> problems = new ArrayList<>();
        if (!expected.method().equals(method)) {
            problems.add("method " + method + ", recorded " + expected.method());
        }
        if (!pathMatches(expected.path(), target)) {
            problems.add("path " + target + ", recorded " + expected.path());
        }
        if (expected.body() != null && !expected.form() && !(expected.body() instanceof TextNode)) {
            JsonNode actual = parse(body);
            if (actual == null) {
                problems.add("body is not JSON: " + excerpt(body));
            } else {
                matchTemplate("body", expected.body(), actual, problems);
            }
        }
        return problems;
    }

    private static boolean pathMatches(String template, String target) {
        HttpUrl t = HttpUrl.get("http://x" + template.replaceAll("\\{\\{#?[A-Za-z0-9_.:-]+}}", "PLACEHOLDER"));
        HttpUrl a = HttpUrl.get("http://x" + target);
        if (!t.encodedPath().equals(a.encodedPath()) && !Pattern.compile(Pattern.quote(t.encodedPath())
                .replace("PLACEHOLDER", "\\E[^/]+\\Q")).matcher(a.encodedPath()).matches()) {
            return false;
        }
        for (String name : t.queryParameterNames()) {
            String want = t.queryParameter(name);
            String got = a.queryParameter(name);
            if (got == null || !"PLACEHOLDER".equals(want) && !want.equals(got)) {
                return false;
            }
        }
        return true;
    }

    private static void matchTemplate(String path, JsonNode template, JsonNode actual, List<String> problems) {
        if (template.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(template.asText());
            if (m.matches()) {
                if (!m.group(1).isEmpty() && !actual.isNumber()) {
                    problems.add(path + " is " + kind(actual) + ", recorded a number");
                }
                return;
            }
        }
        if (template.isObject() && actual.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!actual.has(e.getKey())) {
                    problems.add(path + "." + e.getKey() + " recorded, not sent");
                } else {
                    matchTemplate(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), problems);
                }
            }
            actual.fieldNames().forEachRemaining(k -> {
                if (!template.has(k)) {
                    problems.add(path + "." + k + " sent, not recorded");
                }
            });
            return;
        }
        boolean same = template.isNumber() && actual.isNumber()
                ? template.decimalValue().compareTo(actual.decimalValue()) == 0 : template.equals(actual);
        if (!same) {
            problems.add(path + " = " + excerpt(actual.toString()) + ", recorded " + excerpt(template.toString()));
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
