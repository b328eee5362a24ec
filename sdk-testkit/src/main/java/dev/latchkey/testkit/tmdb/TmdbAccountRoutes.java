package dev.latchkey.testkit.tmdb;

import static dev.latchkey.testkit.tmdb.TmdbWire.error;
import static dev.latchkey.testkit.tmdb.TmdbWire.hex;
import static dev.latchkey.testkit.tmdb.TmdbWire.json;
import static dev.latchkey.testkit.tmdb.TmdbWire.parseId;
import static dev.latchkey.testkit.tmdb.TmdbWire.status;
import static dev.latchkey.testkit.tmdb.TmdbWire.written;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.tmdb.TmdbState.Account;
import dev.latchkey.testkit.tmdb.TmdbState.GuestSession;
import dev.latchkey.testkit.tmdb.TmdbState.Rating;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * TMDb's account endpoints (research sections 6 to 8): details, the six paged lists, favorites and watchlist marks,
 * ratings (of an account or a guest session), account states, and the movies they point at. Runs under the fake's
 * lock.
 */
final class TmdbAccountRoutes {
    private final TmdbState state;

    TmdbAccountRoutes(TmdbState state) {
        this.state = state;
    }

    FakeResponse details(FakeRequest r, Map<String, String> p) {
        Account a = state.sessionAccount(r, p.get("account_id"));
        if (a == null) {
            return error(3);
        }
        ObjectNode o = Responses.object();
        ObjectNode avatar = o.putObject("avatar");
        avatar.putObject("gravatar").put("hash", hex(16));
        avatar.putObject("tmdb").putNull("avatar_path");
        o.put("id", a.id).put("iso_639_1", "en").put("iso_3166_1", "US")
                .put("name", Character.toUpperCase(a.username.charAt(0)) + a.username.substring(1))
                .put("include_adult", false).put("username", a.username);
        return json(o);
    }

    /** {@code /3/account/{account_id}/{kind}/{movies|tv}}: favorite, watchlist or rated, oldest first by default. */
    FakeResponse list(FakeRequest r, Map<String, String> p, String kind, String mediaType) {
        Account a = state.sessionAccount(r, p.get("account_id"));
        if (a == null) {
            return error(3);
        }
        if (kind.equals("rated")) {
            return TmdbWire.page(r, rated(a.ratings, mediaType), true);
        }
        List<ObjectNode> items = new ArrayList<>();
        Map<String, Long> source = kind.equals("favorite") ? a.favorites : a.watchlist;
        source.entrySet().stream().filter(e -> e.getKey().startsWith(mediaType + ':'))
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> Optional.ofNullable(item(e.getKey())).map(ObjectNode::deepCopy).ifPresent(items::add));
        return TmdbWire.page(r, items, true);
    }

    FakeResponse guestRated(FakeRequest r, Map<String, String> p, String mediaType) {
        GuestSession g = state.liveGuestSession(p.get("guest_session_id"));
        return g == null ? error(3) : TmdbWire.page(r, rated(g.ratings, mediaType), true);
    }

    /** {@code POST /3/account/{account_id}/{favorite|watchlist}}. */
    FakeResponse mark(FakeRequest r, Map<String, String> p, String kind) {
        Account a = state.sessionAccount(r, p.get("account_id"));
        if (a == null) {
            return error(3);
        }
        Optional<JsonNode> body = r.json();
        JsonNode type = body.map(b -> b.get("media_type")).orElse(null);
        JsonNode id = body.map(b -> b.get("media_id")).orElse(null);
        JsonNode flag = body.map(b -> b.get(kind)).orElse(null);
        if (type == null || !type.isTextual() || id == null || !id.canConvertToInt() || flag == null
                || !flag.isBoolean()) {
            return error(18);
        }
        if (!type.asText().equals("movie") && !type.asText().equals("tv")) {
            return error(18);
        }
        String key = type.asText() + ':' + id.asInt();
        if (state.catalog.find(type.asText(), id.asInt()) == null) {
            return error(34);
        }
        Map<String, Long> target = kind.equals("favorite") ? a.favorites : a.watchlist;
        if (!flag.asBoolean()) {
            target.remove(key);
            return written(200, 13);
        }
        return target.putIfAbsent(key, state.next()) == null ? written(201, 1) : written(201, 12);
    }

    /** {@code POST /3/{movie|tv}/{id}/rating}: a multiple of 0.5 from 0.5 to 10. */
    FakeResponse rate(FakeRequest r, Map<String, String> p, String mediaType) {
        Map<String, Rating> target = state.ratingTarget(r);
        if (target == null) {
            return error(3);
        }
        Integer id = parseId(p.get("id"));
        if (id == null || state.catalog.find(mediaType, id) == null) {
            return error(34);
        }
        JsonNode value = r.json().map(b -> b.get("value")).orElse(null);
        if (value == null || !value.isNumber()) {
            return error(18, "Value invalid: Values must be a multiple of 0.50.");
        }
        BigDecimal v = value.decimalValue();
        if (v.signum() <= 0) {
            return error(18, "Value too low: Value must be greater than 0.0.");
        }
        if (v.compareTo(BigDecimal.TEN) > 0) {
            return error(18, "Value too high: Value must be less than, or equal to 10.0.");
        }
        if (v.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            return error(18, "Value invalid: Values must be a multiple of 0.50.");
        }
        Rating previous = target.put(mediaType + ':' + id, new Rating(v.doubleValue(), state.next()));
        return previous == null ? written(201, 1) : written(201, 12);
    }

    FakeResponse deleteRating(FakeRequest r, Map<String, String> p, String mediaType) {
        Map<String, Rating> target = state.ratingTarget(r);
        if (target == null) {
            return error(3);
        }
        Integer id = parseId(p.get("id"));
        if (id == null || target.remove(mediaType + ':' + id) == null) {
            return error(34);
        }
        return written(200, 13);
    }

    FakeResponse accountStates(FakeRequest r, Map<String, String> p) {
        Integer id = parseId(p.get("id"));
        if (id == null || state.catalog.find("movie", id) == null) {
            return error(34);
        }
        String key = "movie:" + id;
        Account a = state.sessionAccount(r, null);
        Map<String, Rating> ratings = a != null ? a.ratings : state.ratingTarget(r);
        if (ratings == null) {
            return error(3);
        }
        ObjectNode o = Responses.object().put("id", id).put("favorite", a != null && a.favorites.containsKey(key));
        Rating rating = ratings.get(key);
        if (rating == null) {
            o.put("rated", false);
        } else {
            o.putObject("rated").put("value", rating.value());
        }
        o.put("watchlist", a != null && a.watchlist.containsKey(key));
        return json(o);
    }

    /**
     * {@code GET /3/movie/{id}}: the details, in the official export's shape (GET /3/movie/{movie_id}, example OK): the
     * list item's fields with {@code genres} for {@code genre_ids}, and the details a list does not carry, empty or
     * unknown here (our own choice of values).
     */

    private List<ObjectNode> rated(Map<String, Rating> ratings, String mediaType) {
        List<ObjectNode> items = new ArrayList<>();
        ratings.entrySet().stream().filter(e -> e.getKey().startsWith(mediaType + ':'))
                .sorted((x, y) -> Long.compare(x.getValue().seq(), y.getValue().seq()))
                .forEach(e -> withRating(item(e.getKey()), e.getValue()).ifPresent(items::add));
        return items;
    }

    private ObjectNode item(String key) {
        int colon = key.indexOf(':');
        return state.catalog.find(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
    }

    private static Optional<ObjectNode> withRating(ObjectNode item, Rating rating) {
        if (item == null) {
            return Optional.empty();
        }
        ObjectNode copy = item.deepCopy();
        copy.put("rating", rating.value());
        return Optional.of(copy);
    }
}
