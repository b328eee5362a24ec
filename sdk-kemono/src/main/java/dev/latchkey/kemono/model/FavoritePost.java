package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.OptionalInt;

/**
 * A post in the account's favorites: the post, when it was favorited (an increasing sequence), and how many accounts
 * favorited it, when the server says.
 *
 * @param post the post
 * @param favedSeq the favorite's sequence number: higher is more recent; 0 if the server leaves it out (Kemono2's
 *     source always sends it, src/lib/favorites.py:55)
 * @param favCount how many accounts favorited the post; empty when the server leaves it out, as Kemono2's source
 *     always does (src/lib/favorites.py:38-57; today's site sends it in some lists only)
 */
public record FavoritePost(
        @JsonUnwrapped Post post,
        @JsonProperty("faved_seq") long favedSeq,
        @JsonProperty("fav_count") OptionalInt favCount) {

    /**
     * Creates a {@code FavoritePost}; an absent count is empty, never {@code null}.
     *
     * @param post the post
     * @param favedSeq the favorite's sequence number
     * @param favCount how many accounts favorited the post, if known
     */
    public FavoritePost {
        favCount = favCount == null ? OptionalInt.empty() : favCount;
    }
}
