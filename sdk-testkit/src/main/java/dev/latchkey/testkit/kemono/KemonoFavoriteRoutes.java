package dev.latchkey.testkit.kemono;

import static dev.latchkey.testkit.kemono.KemonoWire.error;
import static dev.latchkey.testkit.kemono.KemonoWire.json;
import static dev.latchkey.testkit.kemono.KemonoWire.key;
import static dev.latchkey.testkit.kemono.KemonoWire.unauthorized;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import dev.latchkey.testkit.kemono.KemonoState.Member;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.testkit.FakeResponse;

/**
 * A logged-in account's favorites (creators and posts, listed, added, removed) and the moderator-only page Kemono hides
 * behind 404. Runs under the fake's lock.
 */
final class KemonoFavoriteRoutes {
    private final KemonoState state;

    KemonoFavoriteRoutes(KemonoState state) {
        this.state = state;
    }

    /**
     * {@code GET /v1/account/favorites} (src/blueprints/api/v1/blueprint.py:10-26): {@code {}} 401 without a session;
     * {@code type=post} lists posts, anything else creators; a favorite whose creator or post is gone is left out
     * (src/lib/favorites.py:28-34,52-56); {@code Cache-Control: s-maxage=60}. Posts carry the post row and
     * {@code faved_seq}, no {@code fav_count} (:38-57). Creators carry the lookup row, {@code faved_seq} and
     * {@code updated} = the newest post's {@code added} ({@code 0001-01-01T00:00:00} without posts,
     * src/lib/artist.py:225-248); {@code public_id}, {@code relation_id} and {@code last_imported} are today's site's
     * (Kemonos' FavoriteArtistDto). The order is insertion order: the query has no ORDER BY (our choice).
     */
    FakeResponse list(FakeRequest r, Map<String, String> p) {
        Optional<Member> m = state.currentMember(r);
        if (m.isEmpty()) {
            return json(401, Responses.object());
        }
        ArrayNode out = Responses.array();
        if (r.query("type").orElse("artist").equals("post")) {
            m.get().favoritePosts.forEach((k, seq) -> {
                ObjectNode post = state.posts.get(k);
                if (post != null) {
                    out.add(post.deepCopy().put("faved_seq", seq));
                }
            });
        } else {
            m.get().favoriteCreators.forEach((k, seq) -> {
                ObjectNode c = state.creators.get(k);
                if (c != null) {
                    String updated = state.lastUpdated(c.get("service").asText(), c.get("id").asText());
                    ObjectNode item = out.addObject().put("faved_seq", seq).put("id", c.get("id").asText())
                            .put("indexed", c.get("indexed").asText()).put("last_imported", updated)
                            .put("name", c.get("name").asText());
                    item.set("public_id", c.get("public_id"));
                    item.set("relation_id", c.get("relation_id"));
                    item.put("service", c.get("service").asText()).put("updated", updated);
                }
            });
        }
        return json(200, state.dated(out)).newBuilder().setHeader("Cache-Control", "s-maxage=60").build();
    }

    FakeResponse creator(FakeRequest r, Map<String, String> p, boolean add) {
        return mark(r, key(p.get("service"), p.get("id")), add, false);
    }

    FakeResponse post(FakeRequest r, Map<String, String> p, boolean add) {
        return mark(r, key(p.get("service"), p.get("id"), p.get("post")), add, true);
    }

    /**
     * Add or remove (src/pages/favorites.py:55-88): without a session, 302 to the login page; otherwise
     * {@code INSERT ... ON CONFLICT DO NOTHING} / {@code DELETE} with no existence check, answered {@code ''} 200.
     */
    private FakeResponse mark(FakeRequest r, String k, boolean add, boolean isPost) {
        Optional<Member> m = state.currentMember(r);
        if (m.isEmpty()) {
            return KemonoWire.redirect("/account/login");
        }
        Map<String, Long> target = isPost ? m.get().favoritePosts : m.get().favoriteCreators;
        if (add) {
            target.putIfAbsent(k, state.nextFavedSeq());
        } else {
            target.remove(k);
        }
        return Responses.text(200, "", "text/html; charset=utf-8");
    }

    FakeResponse moderatorTasks(FakeRequest r, Map<String, String> p) {
        Optional<Member> m = state.currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        if (m.get().role.equals("consumer")) {
            return error(404, "Not Found"); // Kemono hides moderator pages behind 404, not 403
        }
        return json(200, Responses.array());
    }
}
