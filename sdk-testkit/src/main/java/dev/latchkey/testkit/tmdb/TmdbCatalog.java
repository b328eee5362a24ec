package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The movies and TV shows the fake knows: each as TMDb's list item (the official export's item fields) and, for a
 * movie, the details fields the list item lacks ({@code GET /3/movie/{movie_id}}'s schema in the export).
 */
final class TmdbCatalog {
    /** TMDb's movie genres in the order {@code GET /3/genre/movie/list} gives them (the export's example). */
    static final Map<Integer, String> GENRES = genres(28, "Action", 12, "Adventure", 16, "Animation", 35, "Comedy",
            80, "Crime", 99, "Documentary", 18, "Drama", 10751, "Family", 14, "Fantasy", 36, "History", 27, "Horror",
            10402, "Music", 9648, "Mystery", 10749, "Romance", 878, "Science Fiction", 10770, "TV Movie",
            53, "Thriller", 10752, "War", 37, "Western");

    final Map<Integer, ObjectNode> movies = new LinkedHashMap<>();
    final Map<Integer, ObjectNode> tv = new LinkedHashMap<>();
    /** Per movie, what its details say beyond the list item: runtime, imdb_id, tagline and the like. */
    private final Map<Integer, ObjectNode> details = new LinkedHashMap<>();

    static TmdbCatalog seeded(LocalDate today) {
        TmdbCatalog c = new TmdbCatalog();
        Object[][] famous = {
            {550, "Fight Club", "1999-10-15", 8.4, 29000, 139, "tt0137523"},
            {680, "Pulp Fiction", "1994-09-10", 8.5, 27000, 154, "tt0110912"},
            {13, "Forrest Gump", "1994-06-23", 8.5, 26000, 142, "tt0109830"},
            {155, "The Dark Knight", "2008-07-16", 8.5, 32000, 152, "tt0468569"},
            {27205, "Inception", "2010-07-15", 8.4, 36000, 148, "tt1375666"},
            {603, "The Matrix", "1999-03-31", 8.2, 25000, 136, "tt0133093"},
            {120, "The Lord of the Rings: The Fellowship of the Ring", "2001-12-18", 8.4, 24000, 179, "tt0120737"},
            {11, "Star Wars", "1977-05-25", 8.2, 20000, 121, "tt0076759"},
            {238, "The Godfather", "1972-03-14", 8.7, 20000, 175, "tt0068646"},
            {424, "Schindler's List", "1993-12-15", 8.6, 15000, 195, "tt0108052"},
        };
        for (Object[] m : famous) {
            c.addMovie((Integer) m[0], (String) m[1], (String) m[2], (Double) m[3], (Integer) m[4]);
            c.details((Integer) m[0]).put("runtime", (Integer) m[5]).put("imdb_id", (String) m[6]);
        }
        for (int i = 1; i <= 60; i++) {
            c.addMovie(900_000 + i, "Demo Movie " + i, String.format("20%02d-01-%02d", i % 25, 1 + i % 28),
                    5.0 + (i % 40) / 10.0, 100 * i);
        }
        // In cinemas and coming soon, by the fake's clock, so that now_playing and upcoming have something to list.
        for (int i = 1; i <= 4; i++) {
            c.addMovie(910_000 + i, "Now Playing " + i, today.minusDays(7L * i).toString(), 7.0, 40 * i);
            c.addMovie(920_000 + i, "Coming Soon " + i, today.plusDays(7L * i).toString(), 0.0, 0);
        }
        c.addShow(1399, "Game of Thrones", "2011-04-17", 8.5, 23000);
        c.addShow(1396, "Breaking Bad", "2008-01-20", 8.9, 14000);
        c.addShow(66732, "Stranger Things", "2016-07-15", 8.6, 17000);
        for (int i = 1; i <= 25; i++) {
            c.addShow(800_000 + i, "Demo Show " + i, "2020-02-" + String.format("%02d", i), 7.0, 50 * i);
        }
        return c;
    }

    private static Map<Integer, String> genres(Object... idsAndNames) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            m.put((Integer) idsAndNames[i], (String) idsAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    ObjectNode addMovie(int id, String title, String releaseDate, double voteAverage, int voteCount) {
        ObjectNode m = Responses.object();
        m.put("adult", false).put("backdrop_path", "/backdrop" + id + ".jpg");
        m.putArray("genre_ids").add(18).add(53);
        m.put("id", id).put("original_language", "en").put("original_title", title)
                .put("overview", "An overview of " + title + ".").put("popularity", 50.0 + id % 97)
                .put("poster_path", "/poster" + id + ".jpg").put("release_date", releaseDate).put("title", title)
                .put("video", false).put("vote_average", voteAverage).put("vote_count", voteCount);
        movies.remove(id); // a movie added again is the newest (GET /3/movie/latest)
        movies.put(id, m);
        details.remove(id);
        return m;
    }

    /** @return the details fields beyond the list item of a movie, to set */
    ObjectNode details(int id) {
        return details.computeIfAbsent(id, k -> Responses.object());
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

    /** @return a movie's details, in the shape of GET /3/movie/{movie_id} (the export's schema, field for field) */
    ObjectNode details(ObjectNode item, LocalDate today) {
        ObjectNode extra = details.getOrDefault(item.get("id").asInt(), Responses.object());
        ObjectNode d = Responses.object();
        d.put("adult", item.get("adult").asBoolean()).set("backdrop_path", item.get("backdrop_path"));
        d.putNull("belongs_to_collection");
        d.put("budget", extra.path("budget").asLong(0));
        ArrayNode genres = d.putArray("genres");
        item.get("genre_ids").forEach(g -> genres.addObject().put("id", g.asInt())
                .put("name", GENRES.getOrDefault(g.asInt(), "")));
        d.put("homepage", extra.path("homepage").asText("")).put("id", item.get("id").asInt());
        d.set("imdb_id", extra.path("imdb_id").isTextual() ? extra.get("imdb_id") : Responses.JSON.nullNode());
        d.putArray("origin_country").add("US");
        d.put("original_language", item.get("original_language").asText())
                .put("original_title", item.get("original_title").asText())
                .put("overview", item.get("overview").asText()).put("popularity", item.get("popularity").asDouble())
                .set("poster_path", item.get("poster_path"));
        d.putArray("production_companies");
        d.putArray("production_countries");
        d.put("release_date", item.get("release_date").asText()).put("revenue", extra.path("revenue").asLong(0));
        // TMDb's runtime is 0 for a movie whose length nobody entered.
        d.put("runtime", extra.path("runtime").asInt(0));
        d.putArray("spoken_languages");
        // A movie still to come is "Post Production" (one of TMDb's statuses), one released "Released".
        boolean coming = item.get("release_date").asText().compareTo(today.toString()) > 0;
        d.put("status", coming ? "Post Production" : "Released").put("tagline", extra.path("tagline").asText(""))
                .put("title", item.get("title").asText()).put("video", item.get("video").asBoolean())
                .put("vote_average", item.get("vote_average").asDouble())
                .put("vote_count", item.get("vote_count").asInt());
        return d;
    }

    /** @return the movies in the order they were added, the newest last */
    List<ObjectNode> movieList() {
        return List.copyOf(movies.values());
    }

    ObjectNode find(String mediaType, int id) {
        return "movie".equals(mediaType) ? movies.get(id) : "tv".equals(mediaType) ? tv.get(id) : null;
    }
}
