package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.time.Instant;
import java.util.List;

/**
 * A user's full profile ({@code getUser}, {@code getMyAccount}; research section 2.5). Never a password. Only the
 * login is required. Text the app leaves empty is {@code null}, a flag it leaves out or sends as {@code null} is
 * {@code false}, and {@code type} and {@code animeListIds} are never {@code null}.
 *
 * @param login the login
 * @param nickname the name shown
 * @param type operator, user or guest; empty if the app leaves it out
 * @param avatarFile the avatar's file name
 * @param lastLoginAt the last login
 * @param temporary whether it is a temporary guest; {@code false} when the app sends {@code null} or nothing, as it
 *     does for every account but temporary guests ({@code flag_temporary} is NULL in its database,
 *     {@code app:src/dao/user.ts:48})
 * @param publicProfile whether non-operators see it
 * @param loggedIn whether it logged in within the last 15 minutes
 * @param bio the biography
 * @param url a web site
 * @param email the email address (visible to the user and operators)
 * @param mainSeriesLang the preferred language of series names (ISO 639-2B)
 * @param fallbackSeriesLang the fallback language of series names
 * @param tutorialDone whether the tutorial was done
 * @param location where the user is
 * @param language the interface language
 * @param socialNetworks other accounts
 * @param animeListToFetch where the anime list comes from: {@code myanimelist}, {@code anilist} or {@code kitsu}
 * @param animeListIds the anime on the user's list
 */
public record User(
        @JsonProperty(value = "login", required = true) String login,
        @JsonProperty("nickname") String nickname,
        @JsonProperty("type") Optional<UserType> type,
        @JsonProperty("avatar_file") String avatarFile,
        @JsonProperty("last_login_at") Instant lastLoginAt,
        @JsonProperty("flag_temporary") boolean temporary,
        @JsonProperty("flag_public") boolean publicProfile,
        @JsonProperty("flag_logged_in") boolean loggedIn,
        @JsonProperty("bio") String bio,
        @JsonProperty("url") String url,
        @JsonProperty("email") String email,
        @JsonProperty("main_series_lang") String mainSeriesLang,
        @JsonProperty("fallback_series_lang") String fallbackSeriesLang,
        @JsonProperty("flag_tutorial_done") boolean tutorialDone,
        @JsonProperty("location") String location,
        @JsonProperty("language") String language,
        @JsonProperty("social_networks") SocialNetworks socialNetworks,
        @JsonProperty("anime_list_to_fetch") String animeListToFetch,
        @JsonProperty("anime_list_ids") List<Integer> animeListIds) {

    /**
     * Creates an {@code User}, checking and normalizing its components.
     *
     * @param login the login
     * @param nickname the name shown
     * @param type operator, user or guest; empty if the app leaves it out
     * @param avatarFile the avatar's file name
     * @param lastLoginAt the last login
     * @param temporary whether it is a temporary guest; {@code false} when the app sends {@code null} or nothing, as it
 *     does for every account but temporary guests ({@code flag_temporary} is NULL in its database,
 *     {@code app:src/dao/user.ts:48})
     * @param publicProfile whether non-operators see it
     * @param loggedIn whether it logged in within the last 15 minutes
     * @param bio the biography
     * @param url a web site
     * @param email the email address (visible to the user and operators)
     * @param mainSeriesLang the preferred language of series names (ISO 639-2B)
     * @param fallbackSeriesLang the fallback language of series names
     * @param tutorialDone whether the tutorial was done
     * @param location where the user is
     * @param language the interface language
     * @param socialNetworks other accounts
     * @param animeListToFetch where the anime list comes from: {@code myanimelist}, {@code anilist} or {@code kitsu}
     * @param animeListIds the anime on the user's list
     */
    public User {
        type = type == null ? Optional.empty() : type;
        animeListIds = animeListIds == null ? List.of() : List.copyOf(animeListIds);
    }

    /** @return whether this is an online account ({@code name@instance}) */
    public boolean online() {
        return login.contains("@");
    }
}
