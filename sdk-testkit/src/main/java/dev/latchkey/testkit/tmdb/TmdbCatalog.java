package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.util.LinkedHashMap;
import java.util.Map;

/** The movies and TV shows the fake knows, with the fields of TMDb's list items (official export, section 4). */
final class TmdbCatalog {
    final Map<Integer, ObjectNode> movies = new LinkedHashMap<>();
    final Map<Integer, ObjectNode> tv = new LinkedHashMap<>();

    static TmdbCatalog seeded() {
        TmdbCatalog c = new TmdbCatalog();
        Object[][] famous = {
            {550, "Fight Club", "1999-10-15", 8.4, 29000},
            {680, "Pulp Fiction", "1994-09-10", 8.5, 27000},
            {13, "Forrest Gump", "1994-06-23", 8.5, 26000},
            {155, "The Dark Knight", "2008-07-16", 8.5, 32000},
            {27205, "Inception", "2010-07-15", 8.4, 36000},
            {603, "The Matrix", "1999-03-31", 8.2, 25000},
            {120, "The Lord of the Rings: The Fellowship of the Ring", "2001-12-18", 8.4, 24000},
            {11, "Star Wars", "1977-05-25", 8.2, 20000},
            {238, "The Godfather", "1972-03-14", 8.7, 20000},
            {424, "Schindler's List", "1993-12-15", 8.6, 15000},
        };
        for (Object[] m : famous) {
            c.addMovie((Integer) m[0], (String) m[1], (String) m[2], (Double) m[3], (Integer) m[4]);
        }
        for (int i = 1; i <= 60; i++) {
            c.addMovie(900_000 + i, "Demo Movie " + i, String.format("20%02d-01-%02d", i % 25, 1 + i % 28),
                    5.0 + (i % 40) / 10.0, 100 * i);
        }
        c.addShow(1399, "Game of Thrones", "2011-04-17", 8.5, 23000);
        c.addShow(1396, "Breaking Bad", "2008-01-20", 8.9, 14000);
        c.addShow(66732, "Stranger Things", "2016-07-15", 8.6, 17000);
        for (int i = 1; i <= 25; i++) {
            c.addShow(800_000 + i, "Demo Show " + i, "2020-02-" + String.format("%02d", i), 7.0, 50 * i);
        }
        return c;
    }

    void addMovie(int id, String title, String releaseDate, double voteAverage, int voteCount) {
        ObjectNode m = Responses.object();
        m.put("adult", false).put("backdrop_path", "/backdrop" + id + ".jpg");
        m.putArray("genre_ids").add(18).add(53);
        m.put("id", id).put("original_language", "en").put("original_title", title)
                .put("overview", "An overview of " + title + ".").put("popularity", 50.0 + id % 97)
                .put("poster_path", "/poster" + id + ".jpg").put("release_date", releaseDate).put("title", title)
                .put("video", false).put("vote_average", voteAverage).put("vote_count", voteCount);
        movies.put(id, m);
    }

    void addShow(int id, String name, String firstAirDate, double voteAverage, int voteCount) {
        ObjectNode t = Responses.object();
        t.put("adult", false).put("backdrop_path", "/tvbackdrop" + id + ".jpg");
        t.putArray("genre_ids").add(18);
        t.put("id", id);
        t.putArray("origin_country").add("US");
        t.put("original_language", "en").put("original_name", name).put("overview", "An overview of " + name + ".")
                .put("popularity", 80.0 + id % 53).put("poster_path", "/tvposter" + id + ".jpg")
                .put("first_air_date", firstAirDate).put("name", name).put("vote_average", voteAverage)
                .put("vote_count", voteCount);
        tv.put(id, t);
    }

    /** TMDb's movie genres (GET /3/genre/movie/list). */
    private static final Map<Integer, String> GENRES = Map.ofEntries(Map.entry(28, "Action"),
            Map.entry(12, "Adventure"), Map.entry(16, "Animation"), Map.entry(35, "Comedy"), Map.entry(80, "Crime"),
            Map.entry(99, "Documentary"), Map.entry(18, "Drama"), Map.entry(10751, "Family"),
            Map.entry(14, "Fantasy"), Map.entry(36, "History"), Map.entry(27, "Horror"), Map.entry(10402, "Music"),
            Map.entry(9648, "Mystery"), Map.entry(10749, "Romance"), Map.entry(878, "Science Fiction"),
            Map.entry(10770, "TV Movie"), Map.entry(53, "Thriller"), Map.entry(10752, "War"),
            Map.entry(37, "Western"));

    /** @return a movie's details, in the shape of GET /3/movie/{movie_id} */
    static ObjectNode details(ObjectNode item) {
        ObjectNode d = Responses.object();
        d.put("adult", item.get("adult").asBoolean()).put("backdrop_path", item.get("backdrop_path").asText());
        d.putNull("belongs_to_collection");
        d.put("budget", 0);
        var genres = d.putArray("genres");
        item.get("genre_ids").forEach(g -> genres.addObject().put("id", g.asInt())
                .put("name", GENRES.getOrDefault(g.asInt(), "")));
        d.put("homepage", "").put("id", item.get("id").asInt());
        d.putNull("imdb_id");
        d.putArray("origin_country").add("US");
        d.put("original_language", item.get("original_language").asText())
                .put("original_title", item.get("original_title").asText())
                .put("overview", item.get("overview").asText()).put("popularity", item.get("popularity").asDouble())
                .put("poster_path", item.get("poster_path").asText());
        d.putArray("production_companies");
        d.putArray("production_countries");
        d.put("release_date", item.get("release_date").asText()).put("revenue", 0);
        d.putNull("runtime");
        d.putArray("spoken_languages");
        d.put("status", "Released").put("tagline", "").put("title", item.get("title").asText())
                .put("video", item.get("video").asBoolean()).put("vote_average", item.get("vote_average").asDouble())
                .put("vote_count", item.get("vote_count").asInt());
        return d;
    }

    ObjectNode find(String mediaType, int id) {
        return "movie".equals(mediaType) ? movies.get(id) : "tv".equals(mediaType) ? tv.get(id) : null;
    }
}
