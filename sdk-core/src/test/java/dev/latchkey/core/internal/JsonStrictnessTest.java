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
