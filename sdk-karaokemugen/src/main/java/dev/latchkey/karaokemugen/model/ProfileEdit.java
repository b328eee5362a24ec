package dev.latchkey.karaokemugen.model;

import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partial edit of a profile ({@code editMyAccount}, and {@code editUser} for an operator): only what is set is sent,
 * everything else stays as it is. An avatar is uploaded first ({@code /api/importFile}), then referred to by the edit.
 * Immutable; {@code toString()} hides the password.
 */
public final class ProfileEdit {
    private final Map<String, Object> fields;
    private final Secret password;
    private final Avatar avatar;

    /**
     * An image to upload as the avatar.
     *
     * @param filename its file name
     * @param content its bytes
     * @param contentType its media type, for example {@code image/png}
     */
    public record Avatar(String filename, byte[] content, String contentType) {
        /**
         * Creates an {@code Avatar}, checking and normalizing its components.
         *
         * @param filename its file name
         * @param content its bytes
         * @param contentType its media type, for example {@code image/png}
         */
        public Avatar {
            if (filename == null || filename.isBlank()) {
                throw new InvalidInputException("avatar file name is blank");
            }
            InvalidInputException.require(content, "content");
            InvalidInputException.require(contentType, "contentType");
            content = content.clone();
        }

        /** @return a copy of the bytes: the record stays immutable */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String toString() {
            return "Avatar{" + filename + ", " + content.length + " bytes, " + contentType + '}';
        }
    }

    private ProfileEdit(Map<String, Object> fields, Secret password, Avatar avatar) {
        this.fields = Map.copyOf(fields);
        this.password = password;
        this.avatar = avatar;
    }

    /** @return an edit that changes nothing yet */
    public static ProfileEdit empty() {
        return new ProfileEdit(Map.of(), null, null);
    }

    private ProfileEdit with(String field, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(fields);
        next.put(field, InvalidInputException.require(value, field));
        return new ProfileEdit(next, password, avatar);
    }

    /**
     * @param nickname the name shown
     * @return this edit, with a new nickname
     */
    public ProfileEdit nickname(String nickname) {
        return with("nickname", nickname);
    }

    /**
     * @param bio the biography
     * @return this edit, with a new biography
     */
    public ProfileEdit bio(String bio) {
        return with("bio", bio);
    }

    /**
     * @param url the base URL as given
     * @return this edit, with a new web site
     */
    public ProfileEdit url(String url) {
        return with("url", url);
    }

    /**
     * @param email the email
     * @return this edit, with a new email address
     */
    public ProfileEdit email(String email) {
        return with("email", email);
    }

    /**
     * @param language the interface language
     * @return this edit, with a new interface language
     */
    public ProfileEdit language(String language) {
        return with("language", language);
    }

    /**
     * @param language the language song and series titles are shown in first, as Karaoke Mugen's profile form sets it:
     *     an ISO 639-2 code such as {@code "fre"} or {@code "eng"}
     * @return this edit, with a new main series language ({@code main_series_lang})
     */
    public ProfileEdit mainSeriesLanguage(String language) {
        return with("main_series_lang", language);
    }

    /**
     * @param language the language titles are shown in when there is none in the main one (an ISO 639-2 code)
     * @return this edit, with a new fallback series language ({@code fallback_series_lang})
     */
    public ProfileEdit fallbackSeriesLanguage(String language) {
        return with("fallback_series_lang", language);
    }

    /**
     * @param done whether the user went through the app's tutorial ({@code false} has it shown again)
     * @return this edit, with the tutorial flag set ({@code flag_tutorial_done}, as the app's own tutorial sends it);
     *     the one field besides the type that an operator's {@code editUser} keeps for an online account
     */
    public ProfileEdit tutorialDone(boolean done) {
        return with("flag_tutorial_done", done);
    }

    /**
     * @param location where the user is
     * @return this edit, with a new location
     */
    public ProfileEdit location(String location) {
        return with("location", location);
    }

    /**
     * @param visible whether other users see the profile
     * @return this edit, making the profile visible to everyone or to operators only
     */
    public ProfileEdit publicProfile(boolean visible) {
        return with("flag_public", visible);
    }

    /**
     * @param newPassword the new one
     * @return this edit, with a new password (at least 8 characters)
     */
    public ProfileEdit password(String newPassword) {
        return new ProfileEdit(fields, Secret.of(newPassword), avatar);
    }

    /**
     * @param image the new avatar
     * @return this edit, with a new avatar to upload
     */
    public ProfileEdit avatar(Avatar image) {
        return new ProfileEdit(fields, password, Objects.requireNonNull(image, "image"));
    }

    /** @return the fields to send, beside the password and the avatar */
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the new password, or {@code null} */
    public Secret password() {
        return password;
    }

    /** @return the avatar to upload, or {@code null} */
    public Avatar avatar() {
        return avatar;
    }

    @Override
    public String toString() {
        return "ProfileEdit{" + fields.keySet() + (password == null ? "" : ", password=***")
                + (avatar == null ? "" : ", " + avatar) + '}';
    }
}
