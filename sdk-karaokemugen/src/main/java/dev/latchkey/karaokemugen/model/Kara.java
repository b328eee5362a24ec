package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A song of the karaoke base, as the anime list shows it: its id, its title in its default language, its series and
 * its length. The app sends much more; this keeps what a user of the list needs.
 *
 * @param kid the song's id
 * @param title its title (in {@code titles_default_language})
 * @param series the series (anime) it is from
 * @param durationSeconds its length, if known
 */
public record Kara(String kid, String title, List<String> series, Integer durationSeconds) {

    /**
     * Creates a {@code Kara}, checking and normalizing its components.
     *
     * @param kid the song's id
     * @param title its title (in {@code titles_default_language})
     * @param series the series (anime) it is from
     * @param durationSeconds its length, if known
     */
    public Kara {
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException("a song has an id");
        }
        series = series == null ? List.of() : List.copyOf(series);
    }

    @JsonCreator
    static Kara fromJson(@JsonProperty(value = "kid", required = true) String kid,
            @JsonProperty("titles") JsonNode titles,
            @JsonProperty("titles_default_language") String language,
            @JsonProperty("series") JsonNode series,
            @JsonProperty("duration") Integer duration) {
        String title = null;
        if (titles != null && titles.isObject()) {
            JsonNode t = language == null ? null : titles.get(language);
            if (t == null || !t.isTextual()) {
                t = titles.elements().hasNext() ? titles.elements().next() : null;
            }
            title = t != null && t.isTextual() ? t.asText() : null;
        }
        List<String> names = new ArrayList<>();
        if (series != null && series.isArray()) {
            series.forEach(s -> {
                if (s.path("name").isTextual()) {
                    names.add(s.get("name").asText());
                }
            });
        }
        return new Kara(kid, title, names, duration);
    }
}
