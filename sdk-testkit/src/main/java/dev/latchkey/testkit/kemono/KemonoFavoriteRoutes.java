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

    /** {@code GET /v1/account/favorites?type=artist|post}, oldest favorite first. */
    FakeResponse list(FakeRequest r, Map<String, String> p) {
        Optional<Member> m = state.currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        String type = r.query("type").orElse("artist");
        ArrayNode out = Responses.array();
        if (type.equals("artist")) {
            m.get().favoriteCreators.forEach((k, seq) -> {
                ObjectNode c = state.creators.get(k);
                if (c != null) {
                    out.addObject().put("faved_seq", seq).put("id", c.get("id").asText())
                            .put("indexed", c.get("indexed").asText()).put("last_imported", c.get("updated").asText())
                            .put("name", c.get("name").asText()).put("public_id", c.get("public_id").asText())
                            .putNull("relation_id").put("service", c.get("service").asText())
                            .put("updated", c.get("updated").asText());
                }
            });
        } else if (type.equals("post")) {
            m.get().favoritePosts.forEach((k, seq) -> {
                ObjectNode post = state.posts.get(k);
                if (post != null) {
                    ObjectNode item = post.deepCopy();
                    item.put("faved_seq", seq).put("fav_count", state.favCount(k));
                    out.add(item);
                }
            });
        } else {
            return error(400, "Invalid type: use artist or post");
        }
        return json(200, out);
    }

    FakeResponse creator(FakeRequest r, Map<String, String> p, boolean add) {
        return mark(r, key(p.get("service"), p.get("id")), add, false);
    }

    FakeResponse post(FakeRequest r, Map<String, String> p, boolean add) {
        return mark(r, key(p.get("service"), p.get("id"), p.get("post")), add, true);
    }

    private FakeResponse mark(FakeRequest r, String k, boolean add, boolean isPost) {
        Optional<Member> m = state.currentMember(r);
        if (m.isEmpty()) {
            return unauthorized();
        }
        if (!(isPost ? state.posts : state.creators).containsKey(k)) {
            return error(404, isPost ? "Post not found." : "Creator not found.");
        }
        Map<String, Long> target = isPost ? m.get().favoritePosts : m.get().favoriteCreators;
        if (add) {
            target.putIfAbsent(k, state.nextFavedSeq());
        } else {
            target.remove(k);
        }
        return Responses.text(200, "", KemonoWire.JSON_TYPE);
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
