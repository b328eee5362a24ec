package dev.latchkey.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake's admin table: the kinds of things it can be given from outside (users, OAuth clients, catalogue entries),
 * each with its fields and the fake's own Java method behind it. One table serves the three doors of every fake: a
 * seed file's section, {@code POST /_testkit/{kind}}, and {@code FakeServer.admin(kind, fields)}, so the three cannot
 * drift apart.
 */
public final class Admin {
    /** Applies one entry, already checked for required and unknown fields; answers what it created (an id). */
    @FunctionalInterface
    public interface Action {
        /**
         * @param entry the entry's fields
         * @return what the caller needs back (ids), in wire names; empty when nothing
         */
        Map<String, Object> apply(Entry entry);
    }

    private record Kind(String summary, List<String> required, List<String> optional, Map<String, String> types,
            Action action) {
    }

    /** The field types a kind can declare ({@code count:int}), each with what it accepts; text is the default. */
    private static final Map<String, java.util.function.Predicate<JsonNode>> TYPES = Map.of(
            "text", n -> n.isTextual() || n.isNumber(),
            "int", n -> n.isIntegralNumber() && n.canConvertToInt(),
            "number", JsonNode::isNumber,
            "bool", JsonNode::isBoolean,
            "ints", n -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false)
                    .allMatch(i -> i.isIntegralNumber() && i.canConvertToInt()));
    private static final Map<String, String> TYPE_WORDS = Map.of("text", "text", "int", "an integer",
            "number", "a number", "bool", "true or false", "ints", "a list of integers");

    private final String section;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** @param section the fake's key in a seed file ({@code "tmdb"}) */
    public Admin(String section) {
        this.section = section;
    }

    /**
     * Adds a kind.
     *
     * @param name its name, the route's last segment and the seed file's key ({@code "users"})
     * @param summary what an entry adds, for {@code GET /_testkit}
     * @param fields its fields, comma-separated: {@code name}, {@code name:type} (int, number, bool, ints; text by
     *     default), a trailing {@code ?} marks an optional one ({@code runtime:int?})
     * @param action the fake's method behind it
     * @return this table
     */
    public Admin kind(String name, String summary, String fields, Action action) {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String f : fields.split(",")) {
            String field = f.strip();
            boolean isOptional = field.endsWith("?");
            field = isOptional ? field.substring(0, field.length() - 1) : field;
            if (field.isEmpty()) {
                continue;
            }
            int colon = field.indexOf(':');
            String type = colon < 0 ? "text" : field.substring(colon + 1);
            field = colon < 0 ? field : field.substring(0, colon);
            if (!TYPES.containsKey(type)) {
                throw new IllegalArgumentException("no field type " + type + "; the types are " + TYPES.keySet());
            }
            types.put(field, type);
            (isOptional ? optional : required).add(field);
        }
        kinds.put(name, new Kind(summary, List.copyOf(required), List.copyOf(optional), Map.copyOf(types), action));
        return this;
    }

    /** @return the fake's key in a seed file */
    public String section() {
        return section;
    }

    /** @return whether there is such a kind */
    public boolean has(String kind) {
        return kinds.containsKey(kind);
    }

    /**
     * Applies one entry of a kind, or every entry of an array.
     *
     * @param kind the kind's name
     * @param json an object, or an array of objects
     * @param where where the entry came from, for messages ({@code "seed.json: tmdb.movies"})
     * @return what each entry created, in order
     * @throws IllegalArgumentException naming {@code where}, the entry and what is wrong with it
     */
    public List<Map<String, Object>> apply(String kind, JsonNode json, String where) {
        Kind k = kinds.get(kind);
        if (k == null) {
            throw new IllegalArgumentException(where + ": no kind '" + kind + "' on " + section + "; its kinds are "
                    + String.join(", ", kinds.keySet()));
        }
        List<JsonNode> entries = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(entries::add);
        } else {
            entries.add(json);
        }
        // Every entry's fields are checked before any is applied: a typo in the tenth does not leave nine behind.
        List<Entry> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = json != null && json.isArray() ? where + "[" + i + "]" : where;
            checked.add(new Entry(at, entries.get(i), k));
        }
        List<Map<String, Object>> created = new ArrayList<>();
        for (Entry e : checked) {
            try {
                created.add(k.action().apply(e));
            } catch (RuntimeException ex) {
                // The fake's refusals (a name taken, a password too short, a bad callback URL), named by entry.
                String m = String.valueOf(ex.getMessage());
                throw new IllegalArgumentException(m.startsWith(e.where + ": ") ? m : e.where + ": " + m, ex);
            }
        }
        return created;
    }

    /**
     * Applies a seed file's section for this fake: an object of kinds, each an array of entries.
     *
     * @param json the section
     * @param where the file's name, for messages
     * @return how many entries were applied
     */
    public int applySection(JsonNode json, String where) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(where + ": '" + section + "' must be an object of kinds ("
                    + String.join(", ", kinds.keySet()) + "), each a list of entries");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String kind = it.next();
            if (!kinds.containsKey(kind)) {
                throw new IllegalArgumentException(where + ": no kind '" + kind + "' on " + section
                        + "; its kinds are " + String.join(", ", kinds.keySet()));
            }
        }
        int n = 0;
        for (String kind : kinds.keySet()) { // the table's order: users before the favorites that name them
            JsonNode entries = json.get(kind);
            if (entries != null) {
                n += apply(kind, entries, where + ": " + section + "." + kind).size();
            }
        }
        return n;
    }

    /** @return the table as {@code GET /_testkit} answers it */
    public ObjectNode describe() {
        ObjectNode o = Responses.object().put("section", section);
        ObjectNode all = o.putObject("kinds");
        kinds.forEach((name, k) -> {
            ObjectNode d = all.putObject(name).put("summary", k.summary());
            ArrayNode required = d.putArray("required");
            k.required().forEach(required::add);
            ArrayNode optional = d.putArray("optional");
            k.optional().forEach(optional::add);
            ObjectNode types = d.putObject("types");
            k.types().forEach((field, type) -> types.put(field, type));
        });
        ArrayNode routes = o.putArray("routes");
        routes.add("GET /_testkit: this description");
        routes.add("POST /_testkit/{kind}: add one entry (a JSON object) or several (an array); 201 with what was created");
        routes.add("GET /_testkit/credentials: every credential the fake accepts now");
        routes.add("POST /_testkit/reset: back to the seeded state (demo data and seed files), no sessions");
        return o;
    }

    /** One entry's fields, read by type; every message names where the entry came from. */
    public static final class Entry {
        private final String where;
        private final JsonNode json;

        Entry(String where, JsonNode json, Kind kind) {
            this.where = where;
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException(where + ": an entry is a JSON object with "
                        + fieldList(kind));
            }
            Set<String> unknown = new LinkedHashSet<>();
            json.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(kind.required());
            unknown.removeAll(kind.optional());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(where + ": unknown field " + String.join(", ", unknown)
                        + "; the fields are " + fieldList(kind));
            }
            for (String r : kind.required()) {
                if (json.path(r).isMissingNode() || json.get(r).isNull()) {
                    throw new IllegalArgumentException(where + ": '" + r + "' is required; the fields are "
                            + fieldList(kind));
                }
            }
            kind.types().forEach((field, type) -> {
                JsonNode v = json.get(field);
                if (v != null && !v.isNull() && !TYPES.get(type).test(v)) {
                    throw new IllegalArgumentException(where + ": '" + field + "' must be " + TYPE_WORDS.get(type)
                            + ", not " + (type.equals("text") ? v.getNodeType() : v));
                }
            });
            this.json = json;
        }

        private static String fieldList(Kind kind) {
            List<String> all = new ArrayList<>(kind.required());
            kind.optional().forEach(o -> all.add(o + " (optional)"));
            return String.join(", ", all);
        }

        /** @return whether the entry has this field, not null */
        public boolean has(String field) {
            return json.hasNonNull(field);
        }

        /** @return a text field; a number is read as its text (an id written either way) */
        public String text(String field) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(where + ": '" + field + "' is required");
            }
            if (!v.isTextual() && !v.isNumber()) {
                throw new IllegalArgumentException(where + ": '" + field + "' must be text, not " + v.getNodeType());
            }
            return v.asText();
        }

        /** @return a text field, or the default when absent */
        public String text(String field, String absent) {
            return has(field) ? text(field) : absent;
        }

        /** @return an integer field, or the default when absent */
        public int integer(String field, int absent) {
            JsonNode v = typed(field, n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer");
            return v == null ? absent : v.intValue();
        }

        /** @return a required integer field */
        public int integer(String field) {
            if (!has(field)) {
                throw new IllegalArgumentException(where + ": '" + field + "' is required");
            }
            return integer(field, 0);
        }

        /** @return a number field, or the default when absent */
        public double decimal(String field, double absent) {
            JsonNode v = typed(field, JsonNode::isNumber, "a number");
            return v == null ? absent : v.doubleValue();
        }

        /** @return a boolean field, or the default when absent */
        public boolean bool(String field, boolean absent) {
            JsonNode v = typed(field, JsonNode::isBoolean, "true or false");
            return v == null ? absent : v.booleanValue();
        }

        /** @return the field's value, {@code null} when absent; one of the type, or a message saying what it must be */
        private JsonNode typed(String field, java.util.function.Predicate<JsonNode> type, String what) {
            if (!has(field)) {
                return null;
            }
            JsonNode v = json.get(field);
            if (!type.test(v)) {
                throw new IllegalArgumentException(where + ": '" + field + "' must be " + what + ", not " + v);
            }
            return v;
        }

        /** @return a list of integers, or the default when absent */
        public List<Integer> integers(String field, List<Integer> absent) {
            if (!has(field)) {
                return absent;
            }
            JsonNode v = json.get(field);
            List<Integer> out = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode n : v) {
                    if (n.isIntegralNumber() && n.canConvertToInt()) {
                        out.add(n.intValue());
                        continue;
                    }
                    out = null;
                    break;
                }
            }
            if (out == null || !v.isArray()) {
                throw new IllegalArgumentException(where + ": '" + field + "' must be a list of integers, not " + v);
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return where;
        }
    }
}
