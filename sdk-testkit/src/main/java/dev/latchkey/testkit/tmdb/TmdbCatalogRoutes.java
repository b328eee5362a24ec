package dev.latchkey.testkit.tmdb;

import static dev.latchkey.testkit.tmdb.TmdbWire.error;
import static dev.latchkey.testkit.tmdb.TmdbWire.json;
import static dev.latchkey.testkit.tmdb.TmdbWire.parseId;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeResponse;
import dev.latchkey.testkit.internal.Responses;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * TMDb's read-only catalogue, the calls every TMDb client library tests first: a movie's details, the movie genres,
 * the latest movie and the four movie lists, each in the official export's schema for its path. Runs under the
 * fake's lock. {@code language} and {@code region} are accepted and ignored (own choice: one language, one region).
 */
final class TmdbCatalogRoutes {
    private final TmdbState state;

    TmdbCatalogRoutes(TmdbState state) {
        this.state = state;
    }

    /** {@code GET /3/movie/{movie_id}}: the details, or code 34 for a movie the fake does not know. */
    FakeResponse movie(FakeRequest r, Map<String, String> p) {
        Integer id = parseId(p.get("id"));
        ObjectNode m = id == null ? null : state.catalog.movies.get(id);
        return m == null ? error(34) : json(state.catalog.details(m, today()));
    }

    /** {@code GET /3/genre/movie/list}. */
    FakeResponse genres(FakeRequest r, Map<String, String> p) {
        ObjectNode o = Responses.object();
        ArrayNode genres = o.putArray("genres");
        TmdbCatalog.GENRES.forEach((id, name) -> genres.addObject().put("id", id).put("name", name));
        return json(o);
    }

    /**
     * {@code GET /3/movie/latest}: the details of the movie added last, without {@code origin_country} (the export's
     * schema for this path has none; its details schema has).
     */
    FakeResponse latest(FakeRequest r, Map<String, String> p) {
        List<ObjectNode> all = state.catalog.movieList();
        if (all.isEmpty()) {
            return error(34);
        }
        ObjectNode details = state.catalog.details(all.get(all.size() - 1), today());
        details.remove("origin_country");
        return json(details);
    }

    /** {@code GET /3/movie/popular}: by popularity, highest first. */
    FakeResponse popular(FakeRequest r, Map<String, String> p) {
        return TmdbWire.page(r, sorted(m -> true, Comparator.comparingDouble(m -> -m.get("popularity").asDouble())),
                false);
    }

    /** {@code GET /3/movie/top_rated}: by vote average, highest first. */
    FakeResponse topRated(FakeRequest r, Map<String, String> p) {
        return TmdbWire.page(r, sorted(m -> true,
                Comparator.comparingDouble(m -> -m.get("vote_average").asDouble())), false);
    }

    /**
     * {@code GET /3/movie/now_playing}: released within the last six weeks of the fake's clock, newest first, with
     * the window as {@code dates} (TMDb's window is its own; six weeks is our choice, close to what it answers).
     */
    FakeResponse nowPlaying(FakeRequest r, Map<String, String> p) {
        LocalDate today = today();
        return window(r, today.minusWeeks(6), today);
    }

    /** {@code GET /3/movie/upcoming}: released from tomorrow to four weeks on, soonest first, with {@code dates}. */
    FakeResponse upcoming(FakeRequest r, Map<String, String> p) {
        LocalDate today = today();
        return window(r, today.plusDays(1), today.plusWeeks(4));
    }

    private FakeResponse window(FakeRequest r, LocalDate from, LocalDate to) {
        String min = from.toString();
        String max = to.toString();
        Predicate<ObjectNode> in = m -> {
            String date = m.path("release_date").asText("");
            return date.compareTo(min) >= 0 && date.compareTo(max) <= 0;
        };
        boolean past = !to.isAfter(today());
        Comparator<ObjectNode> byDate = Comparator.comparing(m -> m.get("release_date").asText());
        ObjectNode dates = Responses.object();
        dates.putObject("dates").put("maximum", max).put("minimum", min);
        return TmdbWire.page(r, sorted(in, past ? byDate.reversed() : byDate), false, dates);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(state.clock.instant(), ZoneOffset.UTC);
    }

    private List<ObjectNode> sorted(Predicate<ObjectNode> keep, Comparator<ObjectNode> order) {
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode m : state.catalog.movieList()) {
            if (keep.test(m)) {
                items.add(m.deepCopy());
            }
        }
        items.sort(order);
        return items;
    }
}
