package dev.latchkey.testkit.kemono;

import static dev.latchkey.testkit.kemono.KemonoWire.error;
import static dev.latchkey.testkit.kemono.KemonoWire.json;
import static dev.latchkey.testkit.kemono.KemonoWire.key;
import static dev.latchkey.testkit.kemono.KemonoWire.postEnvelope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import java.util.ArrayList;
import java.util.Map;
import dev.latchkey.testkit.FakeResponse;

/** Kemono's public endpoints: random post and creator, creator profiles, posts. Runs under the fake's lock. */
final class KemonoCreatorRoutes {
    private final KemonoState state;

    KemonoCreatorRoutes(KemonoState state) {
        this.state = state;
    }

    /**
     * Today's site: 200 {@code {service, artist_id, post_id}}, 404 when there is nothing (OAS; Kemonos RandomDto). The
     * 404 text is ours (OAS describes it only). A 2023 Kemono2 redirected to the post's HTML page instead
     * (src/pages/random.py:18-35).
     */
    FakeResponse randomPost(FakeRequest r, Map<String, String> p) {
        if (state.posts.isEmpty()) {
            return state.flask2023 ? KemonoWire.redirect("back") : error(404, "No random post found.");
        }
        ObjectNode post = new ArrayList<>(state.posts.values()).get(state.picker.nextInt(state.posts.size()));
        if (state.flask2023) {
            return KemonoWire.redirect("/" + post.get("service").asText() + "/user/" + post.get("user").asText() + "/post/"
                    + post.get("id").asText());
        }
        return json(200, Responses.object().put("service", post.get("service").asText())
                .put("artist_id", post.get("user").asText()).put("post_id", post.get("id").asText()));
    }

    FakeResponse randomCreator(FakeRequest r, Map<String, String> p) {
        if (state.creators.isEmpty()) {
            return state.flask2023 ? KemonoWire.redirect("back") : error(404, "No random artist found.");
        }
        ObjectNode c = new ArrayList<>(state.creators.values()).get(state.picker.nextInt(state.creators.size()));
        if (state.flask2023) {
            return KemonoWire.redirect("/" + c.get("service").asText() + "/user/" + c.get("id").asText());
        }
        return json(200, Responses.object().put("service", c.get("service").asText())
                .put("artist_id", c.get("id").asText()));
    }


    /** No profile route in the 2023 source: today's shape, as Kemonos' ProfileDto reads it. */
    FakeResponse profile(FakeRequest r, Map<String, String> p) {
        ObjectNode c = FakeKemono.SERVICES.contains(p.get("service")) ? state.creator(p.get("service"), p.get("id"))
                : null;
        return c == null ? error(404, "Creator not found.") : json(200, state.dated(c));
    }

    FakeResponse post(FakeRequest r, Map<String, String> p) {
        ObjectNode post = state.posts.get(key(p.get("service"), p.get("id"), p.get("post")));
        return post == null ? error(404, "Post not found.") : json(200, state.dated(postEnvelope(post)));
    }

    /** {@code GET /v1/{service}/post/{post}}: the post by its id alone, with the creator's id beside it. */
    FakeResponse postById(FakeRequest r, Map<String, String> p) {
        for (ObjectNode post : state.posts.values()) {
            if (post.get("service").asText().equals(p.get("service")) && post.get("id").asText().equals(p.get("post"))) {
                ObjectNode env = postEnvelope(post);
                env.put("artist_id", post.get("user").asText());
                return json(200, state.dated(env));
            }
        }
        return error(404, "Post not found.");
    }
}
