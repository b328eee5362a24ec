package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The digit-by-digit ISO readers give exactly what Jackson's own {@code JavaTimeModule} gives, value for value and
 * failure for failure, on the layouts they read and on everything near them; what Jackson refuses is read only in
 * the lenient forms (issue 26), and an optional field that no form fits is absent, never a failed list.
 */
class IsoTimesTest {
    private static final ObjectMapper JACKSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static final List<String> FIXED = List.of("2024-05-01", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29",
            "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", " 2024-01-01", "2024-01-01 ",
            "+12024-01-01", "-2024-01-01", "2024/01/01", "２０２４-01-01", "", " ",
            "2021-04-02T23:50:57.138135", "2025-08-01T00:00:00", "2025-08-01T00:00", "2025-08-01T24:00:00",
            "2025-08-01T23:60:00", "2025-08-01T23:59:60", "2025-08-01T23:59:59.", "2025-08-01T23:59:59.1",
            "2025-08-01T23:59:59.123456789", "2025-08-01T23:59:59.1234567890", "2025-08-01T23:59:59Z",
            "2025-08-01T23:59:59.5Z", "2025-08-01t23:59:59", "2025-08-01 23:59:59", "2025-08-01T23:59:59+01:00",
            "2025-08-01T23:59", "2025-08-01T23", "2025-08-01T", "2025-08-01T23:59:5", "2025-08-01T23:59:59,5",
            "2025-08-01T23:59:59.12a", "2025-08-01T2:59:59");

    record Stamps(Optional<LocalDateTime> a, Optional<LocalDateTime> b, LocalDateTime c, LocalDate d) {
    }

    @Test
    void theMapperReadsDatesAndOptionalDatesWithTheseReaders() throws Exception {
        ObjectMapper m = Json.mapper();
        var ctxt = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) m.getDeserializationContext())
                .createInstance(m.getDeserializationConfig(), m.createParser("1"), null);
        for (Class<?> type : List.of(LocalDate.class, LocalDateTime.class)) {
            assertThat(ctxt.findRootValueDeserializer(m.constructType(type)).getClass().getName())
                    .as("%s", type).startsWith(IsoTimes.class.getName());
        }
    }

    record Patterned(@com.fasterxml.jackson.annotation.JsonFormat(pattern = "dd/MM/yyyy") LocalDate day) {
    }

    @Test
    void aModelsOwnPatternIsJacksonsAlone() throws Exception {
        assertThat(Json.mapper().readValue("{\"day\":\"01/05/2024\"}", Patterned.class).day())
                .isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(outcome(Json.mapper(), "{\"day\":\"2024-05-01\"}", Patterned.class))
                .isEqualTo(outcome(JACKSON, "{\"day\":\"2024-05-01\"}", Patterned.class));
    }

    @Test
    void theProvidersLayoutsAreReadWithoutJackson() {
        for (String t : List.of("2021-04-02T23:50:57.138135", "2025-08-01T00:00:00", "2025-08-01T00:00",
                "2025-08-01T23:59:59.1", "2025-08-01T23:59:59.123456789")) {
            char[] padded = ("xx" + t + "yy").toCharArray();
            assertThat(IsoTimes.dateTime(padded, 2, t.length())).as(t).isEqualTo(LocalDateTime.parse(t));
        }
        assertThat(IsoTimes.date("x2024-02-29".toCharArray(), 1, 10)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoTimes.date("2023-02-29".toCharArray(), 0, 10)).as("left to Jackson, which refuses it").isNull();
        assertThat(IsoTimes.dateTime("2025-08-01T23:59:59Z".toCharArray(), 0, 20)).isNull();
    }

    @Test
    void everyFixedCaseReadsAsJacksonReadsIt() throws Exception {
        for (String text : FIXED) {
            assertSame(text);
        }
    }

    @Test
    void randomTextsInAndAroundTheLayoutsReadAsJacksonReadsThem() throws Exception {
        Random random = new Random(20261202);
        String alphabet = "0123456789-T:.Z ";
        List<String> templates = List.of("dddd-dd-dd", "dddd-dd-ddTdd:dd", "dddd-dd-ddTdd:dd:dd",
                "dddd-dd-ddTdd:dd:dd.d", "dddd-dd-ddTdd:dd:dd.dddddd", "dddd-dd-ddTdd:dd:dd.ddddddddd");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(templates.get(random.nextInt(templates.size())));
            for (int j = 0; j < sb.length(); j++) {
                if (sb.charAt(j) == 'd') {
                    // mostly plausible digits, so that many are valid dates
                    sb.setCharAt(j, (char) ('0' + random.nextInt(j < 4 ? 10 : 3)));
                }
                if (random.nextInt(40) == 0) {
                    sb.setCharAt(j, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertSame(sb.toString());
        }
    }

    @Test
    void optionalsRecordsAndNonStringsGoTheSameWay() throws Exception {
        String json = "{\"a\":\"2021-04-02T23:50:57.138135\",\"b\":null,\"c\":\"2025-08-01T00:00\","
                + "\"d\":\"2024-05-01\"}";
        assertThat(Json.mapper().readValue(json, Stamps.class)).isEqualTo(JACKSON.readValue(json, Stamps.class))
                .isEqualTo(new Stamps(Optional.of(LocalDateTime.of(2021, 4, 2, 23, 50, 57, 138_135_000)),
                        Optional.empty(), LocalDateTime.of(2025, 8, 1, 0, 0), LocalDate.of(2024, 5, 1)));
        for (String other : List.of("[2024,5,1]", "[2024,5,1,10,20,30,400]", "1714521600000", "{}", "true",
                "315537897600")) {
            assertThat(outcome(Json.mapper(), other, LocalDateTime.class))
                    .isEqualTo(outcome(JACKSON, other, LocalDateTime.class));
            assertThat(outcome(Json.mapper(), other, LocalDate.class))
                    .isEqualTo(outcome(JACKSON, other, LocalDate.class));
        }
    }

    /**
     * What Jackson reads is read as Jackson reads it; what it refuses is either refused the same way or read in one
     * of the lenient forms, exactly as {@link LenientTimes} reads it.
     */
    record Favorite(@com.fasterxml.jackson.annotation.JsonProperty(value = "id", required = true) String id,
            @com.fasterxml.jackson.annotation.JsonProperty(value = "added", required = true) LocalDateTime added,
            @com.fasterxml.jackson.annotation.JsonProperty("updated") Optional<LocalDateTime> updated,
            @com.fasterxml.jackson.annotation.JsonProperty("seen") java.time.Instant seen,
            @com.fasterxml.jackson.annotation.JsonProperty("day") LocalDate day) {
    }

    @Test
    void theFormsOfTheProvidersHistoriesAreRead() throws Exception {
        LocalDateTime utc = LocalDateTime.of(2021, 4, 2, 23, 50, 57);
        java.time.Instant instant = utc.toInstant(java.time.ZoneOffset.UTC);
        for (String form : List.of("\"Fri, 02 Apr 2021 23:50:57 GMT\"", "1617407457", "\"1617407457\"",
                "\"2021-04-02T23:50:57Z\"", "\"2021-04-03T01:50:57+02:00\"", "\"2021-04-02 23:50:57\"",
                "\"2021-04-02T23:50:57\"", "1617407457.0")) {
            Favorite f = Json.mapper().readValue("{\"id\":\"1\",\"added\":" + form + ",\"updated\":" + form
                    + ",\"seen\":" + form + ",\"day\":" + form.replace("1617407457", "1617407457") + "}",
                    Favorite.class);
            assertThat(f.added()).as(form).isEqualTo(utc);
            assertThat(f.updated()).as(form).contains(utc);
            assertThat(f.seen()).as(form).isEqualTo(instant);
        }
        Favorite fraction = Json.mapper().readValue("{\"id\":\"1\",\"added\":1617407457.25}", Favorite.class);
        assertThat(fraction.added()).isEqualTo(utc.plusNanos(250_000_000));
        assertThat(Json.mapper().readValue("{\"id\":\"1\",\"added\":\"2021-04-02\",\"day\":"
                + "\"Fri, 02 Apr 2021 23:50:57 GMT\"}", Favorite.class))
                .satisfies(f -> assertThat(f.added()).isEqualTo(LocalDateTime.of(2021, 4, 2, 0, 0)))
                .satisfies(f -> assertThat(f.day()).isEqualTo(LocalDate.of(2021, 4, 2)));
    }

    record Listing(@com.fasterxml.jackson.annotation.JsonProperty(value = "items", required = true)
            List<Favorite> items) {
    }

    @Test
    void anUnreadableTimeIsAbsentInAnOptionalFieldAndAFailureNamingItsPathInARequiredOne() throws Exception {
        Listing l = Json.mapper().readValue("{\"items\":[{\"id\":\"1\",\"added\":\"2021-04-02T23:50:57\","
                + "\"updated\":\"last tuesday\",\"seen\":true,\"day\":[2021,13,1]},{\"id\":\"2\",\"added\":"
                + "\"2021-04-02T23:50:57\",\"updated\":{\"a\":[1,2]},\"seen\":\"x\",\"day\":99999999999999}]}",
                Listing.class);
        assertThat(l.items()).hasSize(2).allSatisfy(f -> {
            assertThat(f.updated()).isEmpty();
            assertThat(f.seen()).isNull();
        });
        assertThat(l.items().get(0).day()).isNull();
        assertThatThrownBy(() -> Json.mapper().readValue("{\"items\":[{\"id\":\"1\",\"added\":\"2021-04-02T2"
                + "3:50:57\"},{\"id\":\"2\",\"added\":\"last tuesday\"}]}", Listing.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .satisfies(e -> assertThat(((com.fasterxml.jackson.databind.JsonMappingException) e).getPathReference())
                        .contains("[1]").contains("[\"added\"]"));
    }

    private static void assertSame(String text) throws Exception {
        String json = new ObjectMapper().writeValueAsString(TextNode.valueOf(text));
        for (Class<?> type : List.of(LocalDate.class, LocalDateTime.class, java.time.Instant.class)) {
            Object jackson = outcome(JACKSON, json, type);
            Object ours = outcome(Json.mapper(), json, type);
            if (jackson instanceof List<?> && LenientTimes.read(text, type) != null) {
                assertThat(ours).as("%s of %s, a lenient form", type.getSimpleName(), json)
                        .isEqualTo(LenientTimes.read(text, type));
            } else {
                assertThat(ours).as("%s of %s", type.getSimpleName(), json).isEqualTo(jackson);
            }
        }
    }

    /** @return the value read, or the failure's type and message */
    private static Object outcome(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            List<Object> failure = new ArrayList<>();
            failure.add(e.getClass());
            failure.add(e.getMessage() == null ? null : e.getMessage().replaceAll("(?s)\\s*at \\[Source.*", ""));
            return failure;
        }
    }
}
