package dev.latchkey.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin table's reading of an entry: each type, each default, each message naming where and what. */
class AdminTest {
    private final List<String> applied = new ArrayList<>();
    private final Admin admin = new Admin("demo").kind("things", "a thing",
            "name, count:int?, ratio:number?, on:bool?, ids:ints?", e -> {
                applied.add(e.text("name") + "/" + e.integer("count", 7) + "/" + e.decimal("ratio", 0.5) + "/"
                        + e.bool("on", true) + "/" + e.integers("ids", List.of()));
                return Map.of("name", e.text("name"));
            });

    private static JsonNode json(String text) throws Exception {
        return Responses.JSON.readTree(text);
    }

    @Test
    void readsEveryTypeAndItsDefault() throws Exception {
        assertThat(admin.apply("things", json("{\"name\": 12}"), "here")).containsExactly(Map.of("name", "12"));
        admin.apply("things", json("{\"name\":\"a\",\"count\":3,\"ratio\":2,\"on\":false,\"ids\":[1,2]}"), "here");
        assertThat(applied).containsExactly("12/7/0.5/true/[]", "a/3/2.0/false/[1, 2]");
    }

    @Test
    void aWrongTypeSaysWhatItMustBe() {
        assertThat(message("{\"name\":\"a\",\"count\":1.5}")).isEqualTo("here: 'count' must be an integer, not 1.5");
        assertThat(message("{\"name\":\"a\",\"count\":99999999999}"))
                .isEqualTo("here: 'count' must be an integer, not 99999999999");
        assertThat(message("{\"name\":\"a\",\"ratio\":\"x\"}")).isEqualTo("here: 'ratio' must be a number, not \"x\"");
        assertThat(message("{\"name\":\"a\",\"on\":1}")).isEqualTo("here: 'on' must be true or false, not 1");
        assertThat(message("{\"name\":\"a\",\"ids\":[1,\"2\"]}"))
                .isEqualTo("here: 'ids' must be a list of integers, not [1,\"2\"]");
        assertThat(message("{\"name\":{}}")).isEqualTo("here: 'name' must be text, not OBJECT");
        assertThat(message("{\"name\":null}")).startsWith("here: 'name' is required; the fields are name, count "
                + "(optional), ratio (optional), on (optional), ids (optional)");
        assertThat(message("[1]")).isEqualTo("here[0]: an entry is a JSON object with name, count (optional), "
                + "ratio (optional), on (optional), ids (optional)");
        assertThat(applied).isEmpty();
    }

    @Test
    void aSectionIsAnObjectOfKnownKinds() throws Exception {
        assertThatThrownBy(() -> admin.applySection(json("[]"), "f.json"))
                .hasMessage("f.json: 'demo' must be an object of kinds (things), each a list of entries");
        assertThat(admin.applySection(json("{\"things\": [{\"name\":\"a\"}, {\"name\":\"b\"}]}"), "f.json"))
                .isEqualTo(2);
        assertThat(admin.describe().at("/kinds/things/optional").size()).isEqualTo(4);
        assertThat(admin.describe().at("/kinds/things/types/ids").asText()).isEqualTo("ints");
    }

    @Test
    void aBatchWithAWrongTypeInItsLastEntryAppliesNone() {
        assertThatThrownBy(() -> admin.apply("things", json("[{\"name\":\"a\"},{\"name\":\"b\",\"on\":\"yes\"}]"),
                "here")).hasMessage("here[1]: 'on' must be true or false, not \"yes\"");
        assertThat(applied).isEmpty();
    }

    @Test
    void aKindWithAnUnknownFieldTypeIsRefused() {
        assertThatThrownBy(() -> new Admin("x").kind("k", "k", "a:date", e -> Map.of()))
                .hasMessageStartingWith("no field type date");
    }

    private String message(String entry) {
        try {
            admin.apply("things", json(entry), "here");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + entry);
    }
}
