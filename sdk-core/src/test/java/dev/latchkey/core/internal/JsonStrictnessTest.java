package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The private mapper's rules beyond Jackson's defaults (issue 11, item 12). */
class JsonStrictnessTest {
    record Item(@JsonProperty(value = "id", required = true) String id, @JsonProperty("note") String note,
            Optional<String> extra) {
    }

    record Listing(@JsonProperty(value = "results", required = true) List<Item> results) {
    }

    @Test
    void aRequiredFieldRefusesAnExplicitNullAndNamesItsPath() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"id\":null}", Item.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("\"id\"");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"results\":[{\"id\":\"1\"},{\"id\":null}]}",
                Listing.class)).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath()).hasSize(3));
    }

    @Test
    void anOptionalFieldStillTakesNull() throws Exception {
        Item item = Json.mapper().readValue("{\"id\":\"1\",\"note\":null,\"extra\":null}", Item.class);
        assertThat(item.note()).isNull();
        assertThat(item.extra()).isEmpty();
    }

    @Test
    void aNullElementInAListIsRefused() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"results\":[{\"id\":\"1\"},null]}", Listing.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    record Untyped(@JsonProperty("extra") java.util.Map<String, Object> extra,
            @JsonProperty("rows") List<Object> rows) {
    }

    @Test
    void untypedJsonKeepsItsNullsAsData() throws Exception {
        // Issue 26: TMDb's movie details hold "belongs_to_collection": null; the escape hatch reads them as a Map.
        String details = "{\"title\":\"Fight Club\",\"belongs_to_collection\":null,\"genres\":[null,{\"id\":null}]}";
        java.util.Map<String, Object> map = Json.readerFor(java.util.Map.class).readValue(details);
        assertThat(map).containsEntry("belongs_to_collection", null).containsKey("title");
        assertThat((List<?>) map.get("genres")).hasSize(2).first().isNull();
        assertThat(Json.readerFor(Object.class).<Object>readValue("[1,null]")).isEqualTo(java.util.Arrays.asList(1, null));
        List<java.util.Map<String, Object>> rows = Json.readerFor(
                new com.fasterxml.jackson.core.type.TypeReference<List<java.util.Map<String, Object>>>() { })
                .readValue("[{\"a\":null}]");
        assertThat(rows.get(0)).containsEntry("a", null);
        Untyped u = Json.mapper().readValue("{\"extra\":{\"a\":null},\"rows\":[null]}", Untyped.class);
        assertThat(u.extra()).containsEntry("a", null);
        assertThat(u.rows()).containsExactly((Object) null);
    }

    @Test
    void typedContentStillRefusesNullThroughTheReaders() {
        assertThatThrownBy(() -> Json.readerFor(Listing.class).readValue("{\"results\":[null]}"))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.readerFor(new com.fasterxml.jackson.core.type.TypeReference<List<Item>>() { })
                .readValue("[null]")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.readerFor(new com.fasterxml.jackson.core.type.TypeReference<
                java.util.Map<String, Item>>() { }).readValue("{\"a\":null}"))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aTypeReferenceMadePerCallFindsTheCachedReaderInsteadOfGrowingTheCache() {
        com.fasterxml.jackson.databind.ObjectReader first = Json.readerFor(
                new com.fasterxml.jackson.core.type.TypeReference<List<Item>>() { });
        int cached = Json.cachedReaders();
        for (int i = 0; i < 100; i++) {
            assertThat(Json.readerFor(new com.fasterxml.jackson.core.type.TypeReference<List<Item>>() { }))
                    .isSameAs(first);
        }
        assertThat(Json.cachedReaders()).isEqualTo(cached);
    }
}
