package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A post in the account's favorites: the post, when it was favorited (an increasing sequence), and how many accounts
 * favorited it.
 *
 * @param post the post
 * @param favedSeq the favorite's sequence number: higher is more recent
 * @param favCount how many accounts favorited the post
 */
public record FavoritePost(
        @JsonUnwrapped Post post,
        @JsonProperty("faved_seq") long favedSeq,
        @JsonProperty("fav_count") int favCount) {
}
