package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's other accounts, as the profile lists them; any may be {@code null}. */
public record SocialNetworks(
        @JsonProperty("mastodon") String mastodon,
        @JsonProperty("instagram") String instagram,
        @JsonProperty("bluesky") String bluesky,
        @JsonProperty("discord") String discord,
        @JsonProperty("twitch") String twitch,
        @JsonProperty("anilist") String anilist,
        @JsonProperty("myanimelist") String myanimelist,
        @JsonProperty("kitsu") Long kitsu,
        @JsonProperty("gitlab") String gitlab) {
}
