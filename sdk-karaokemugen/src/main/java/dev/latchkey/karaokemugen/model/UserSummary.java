package dev.latchkey.karaokemugen.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.time.Instant;

/**
 * A user as {@code getUsers} lists them. Only the login is required; a flag the app leaves out or sends as
 * {@code null} is {@code false}.
 *
 * @param login the login (lower case; {@code name@instance} for an online account)
 * @param nickname the name shown
 * @param type operator, user or guest; empty if the app leaves it out
 * @param avatarFile the avatar's file name
 * @param lastLoginAt the last login ({@code 1970-01-01T00:00:00Z}: never)
 * @param temporary whether it is a temporary guest; {@code false} when the app sends {@code null} or nothing, as it
 *     does for every account but temporary guests ({@code flag_temporary} is NULL in its database,
 *     {@code app:src/dao/user.ts:48})
 * @param publicProfile whether non-operators see it
 * @param loggedIn whether it logged in within the last 15 minutes ({@code flag_logged_in}; the seed calls it
 *     {@code flag_online})
 */
public record UserSummary(
        @JsonProperty(value = "login", required = true) String login,
        @JsonProperty("nickname") String nickname,
        @JsonProperty("type") Optional<UserType> type,
        @JsonProperty("avatar_file") String avatarFile,
        @JsonProperty("last_login_at") Instant lastLoginAt,
        @JsonProperty("flag_temporary") boolean temporary,
        @JsonProperty("flag_public") boolean publicProfile,
        @JsonProperty("flag_logged_in") boolean loggedIn) {

    /**
     * Creates a {@code UserSummary}; an absent type is empty, never {@code null}.
     *
     * @param login the login (lower case; {@code name@instance} for an online account)
     * @param nickname the name shown
     * @param type operator, user or guest; empty if the app leaves it out
     * @param avatarFile the avatar's file name
     * @param lastLoginAt the last login ({@code 1970-01-01T00:00:00Z}: never)
     * @param temporary whether it is a temporary guest
     * @param publicProfile whether non-operators see it
     * @param loggedIn whether it logged in within the last 15 minutes
     */
    public UserSummary {
        type = type == null ? Optional.empty() : type;
    }

    /** @return whether this is an online account ({@code name@instance}) */
    public boolean online() {
        return login.contains("@");
    }
}
