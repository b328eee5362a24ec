package dev.latchkey.core.modelfixtures;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A model that breaks the field policy three ways: ModelToleranceSelfTest's bad case. */
public record Strict(@JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags) {

    /** Refuses a null name (a non-required field) and leaves an absent list null. */
    public Strict {
        if (name == null) {
            throw new IllegalArgumentException("a name is needed");
        }
    }
}
