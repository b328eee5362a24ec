package dev.latchkey.testkit.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sequence of exchanges with one server, in order, sharing its state: a login, then the calls its session makes.
 * Read from and written to a small JSON format ({@code "format": "latchkey-exchanges/1"}), described in the testkit
 * README ("Conformance corpus"). The testkit ships a corpus of them per provider, built from each provider's own
 * source ({@link #corpus}); the same format holds exchanges a user recorded.
 *
 * @param provider the provider ({@code kemono}, {@code tmdb}, {@code eternaltwin}, {@code karaokemugen}), or any name
 * @param name what the cassette covers
 * @param given settings of Latchkey's fake that the exchanges assume (its builder options and switches, by name);
 *     empty for a recording of a real server
 * @param exchanges the exchanges, in order
 */
public record Cassette(String provider, String name, Map<String, JsonNode> given, List<Exchange> exchanges) {
    /** The format's name and version, the {@code format} field of every file. */
    public static final String FORMAT = "latchkey-exchanges/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Creates a {@code Cassette}, checking and normalizing its components.
     *
     * @param provider the provider
     * @param name what the cassette covers
     * @param given the fake's settings
     * @param exchanges the exchanges, in order
     */
    public Cassette {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        given = given == null ? Map.of() : Map.copyOf(given);
        exchanges = List.copyOf(exchanges);
    }

    /**
     * @param provider {@code kemono}, {@code tmdb}, {@code eternaltwin} or {@code karaokemugen}
     * @return the testkit's conformance corpus for the provider, every cassette in its index's order
     */
    public static List<Cassette> corpus(String provider) {
        String dir = "/dev/latchkey/testkit/conformance/" + provider + "/";
        List<Cassette> out = new ArrayList<>();
        try (InputStream index = Cassette.class.getResourceAsStream(dir + "index.txt")) {
            if (index == null) {
                throw new IllegalArgumentException("no conformance corpus for " + provider);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                try (InputStream in = Cassette.class.getResourceAsStream(dir + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the index names " + dir + file + ", which is missing");
                    }
                    out.add(read(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * @param in a cassette in the format
     * @return the cassette
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not in the format
     */
    public static Cassette read(InputStream in) throws IOException {
        return fromJson(JSON.readTree(in));
    }

    /**
     * @param file a cassette in the format
     * @return the cassette
     * @throws IOException if it cannot be read
     */
    public static Cassette read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * @param file where to write this cassette, in the format (indented, fields in a fixed order)
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(toJson()) + "\n");
    }

    /** @return how many exchanges the cassette holds */
    public int size() {
        return exchanges.size();
    }

    /**
     * @param replaced the exchanges to hold instead
     * @return this cassette with another list of exchanges (a draft's, recorded)
     */
    public Cassette withExchanges(List<Exchange> replaced) {
        return new Cassette(provider, name, given, replaced);
    }

    // --- the format --------------------------------------------------------------------------------------------

    static Cassette fromJson(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a " + FORMAT + " file (format: " + root.path("format") + ")");
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        root.path("given").fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue()));
        List<Exchange> exchanges = new ArrayList<>();
        for (JsonNode x : root.path("exchanges")) {
            exchanges.add(exchange(x));
        }
        return new Cassette(root.path("provider").asText(), root.path("name").asText(), given, exchanges);
    }

    private static Exchange exchange(JsonNode x) {
        JsonNode rq = x.path("request");
        boolean form = rq.has("form");
        Exchange.Request request = new Exchange.Request(rq.path("method").asText(), rq.path("path").asText(),
                strings(rq.path("headers")), form ? rq.get("form") : rq.has("text") ? rq.get("text")
                        : rq.get("body"), form);
        Exchange.Response response = null;
        JsonNode rs = x.get("response");
        if (rs != null && !rs.isNull()) {
            response = new Exchange.Response(rs.path("status").asInt(), strings(rs.path("headers")),
                    rs.has("text") ? null : rs.get("body"), rs.has("text") ? rs.get("text").asText() : null);
        }
        List<String> volatiles = new ArrayList<>();
        x.path("volatile").forEach(v -> volatiles.add(v.asText()));
        return new Exchange(x.path("name").asText(), x.path("source").asText(""), request, response, volatiles,
                strings(x.path("capture")), x.path("shape").asBoolean(false), x.get("client"));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("format", FORMAT).put("provider", provider).put("name", name);
        if (!given.isEmpty()) {
            ObjectNode g = root.putObject("given");
            given.forEach(g::set);
        }
        ArrayNode list = root.putArray("exchanges");
        for (Exchange x : exchanges) {
            ObjectNode o = list.addObject().put("name", x.name()).put("source", x.source());
            ObjectNode rq = o.putObject("request").put("method", x.request().method()).put("path", x.request().path());
            if (!x.request().headers().isEmpty()) {
                ObjectNode h = rq.putObject("headers");
                x.request().headers().forEach(h::put);
            }
            if (x.request().body() != null) {
                rq.set(x.request().form() ? "form" : x.request().body() instanceof TextNode ? "text" : "body",
                        x.request().body());
            }
            if (x.response() == null) {
                o.putNull("response");
            } else {
                ObjectNode rs = o.putObject("response").put("status", x.response().status());
                if (!x.response().headers().isEmpty()) {
                    ObjectNode h = rs.putObject("headers");
                    x.response().headers().forEach(h::put);
                }
                if (x.response().text() != null) {
                    rs.put("text", x.response().text());
                } else {
                    rs.set("body", x.response().body());
                }
            }
            if (!x.volatileFields().isEmpty()) {
                ArrayNode v = o.putArray("volatile");
                x.volatileFields().forEach(v::add);
            }
            if (!x.capture().isEmpty()) {
                ObjectNode c = o.putObject("capture");
                x.capture().forEach(c::put);
            }
            if (x.shape()) {
                o.put("shape", true);
            }
            if (x.client() != null) {
                o.set("client", x.client());
            }
        }
        return root;
    }
}
