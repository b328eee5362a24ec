package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a JSON answer against a schema of TMDb's OpenAPI export, as the export can be read: it was generated from
 * examples, so a property's type is its example's ({@code vote_average} is an "integer" where the example was 8), a
 * property whose example was {@code null} has no type, and nothing is marked required. So: every property the schema
 * names is present and no other; numbers are numbers (integer or not); a string or object may be {@code null} (TMDb
 * sends {@code null} for a missing poster or collection); arrays are checked item by item.
 */
final class ExportShape {
    private ExportShape() {
    }

    static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        String type = schema.path("type").asText("");
        if (type.isEmpty()) {
            return; // the example was null: any value
        }
        if (value == null || value.isMissingNode()) {
            problems.add(at + ": missing");
            return;
        }
        switch (type) {
            case "object" -> {
                if (value.isNull()) {
                    return;
                }
                if (!value.isObject()) {
                    problems.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
                JsonNode properties = schema.get("properties");
                if (properties == null) {
                    return;
                }
                for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    check(properties.get(name), value.get(name), at + "." + name, problems);
                }
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!properties.has(name)) {
                        problems.add(at + "." + name + ": not in the export's schema");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
                JsonNode items = schema.get("items");
                for (int i = 0; items != null && i < value.size(); i++) {
                    check(items, value.get(i), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual() && !value.isNull()) {
                    problems.add(at + ": expected a string, got " + value);
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected true or false, got " + value);
                }
            }
            default -> problems.add(at + ": the schema's type " + type + " is not one this check knows");
        }
    }
}
