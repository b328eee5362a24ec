package dev.latchkey.core.modelfixtures;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** A model that follows the field policy: ModelToleranceSelfTest's good case. */
public record Tolerant(@JsonProperty(value = "id", required = true) String id,
        @JsonProperty("flag") boolean flag,
        @JsonProperty("count") int count,
        @JsonProperty("note") Optional<String> note,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("inner") Inner inner) {

    /** Absent lists and optionals are empty. */
    public Tolerant {
        note = note == null ? Optional.empty() : note;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A nested record with a required field of its own. */
    public record Inner(@JsonProperty(value = "key", required = true) String key, @JsonProperty("value") String value) {
    }
}
