package dev.latchkey.kemono.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A post of a creator. Times are Kemono's, without a zone (UTC).
 *
 * @param id the post id
 * @param creatorId the creator's id ({@code user} on the wire)
 * @param service the service
 * @param title the title
 * @param content the body, as HTML
 * @param substring a short excerpt, if Kemono sent one
 * @param added when Kemono imported it
 * @param published when the creator published it
 * @param edited when it was last edited, if ever
 * @param tags its tags
 * @param file its main file, if any
 * @param attachments its other files
 */
public record Post(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "user", required = true) String creatorId,
        @JsonProperty(value = "service", required = true) Service service,
        @JsonProperty("title") String title,
        @JsonProperty("content") String content,
        @JsonProperty("substring") Optional<String> substring,
        @JsonProperty("added") LocalDateTime added,
        @JsonProperty("published") Optional<LocalDateTime> published,
        @JsonProperty("edited") Optional<LocalDateTime> edited,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("file") Optional<FileRef> file,
        @JsonProperty("attachments") List<FileRef> attachments) {

    /**
     * Creates a {@code Post}, checking and normalizing its components.
     *
     * @param id the post id
     * @param creatorId the creator's id ({@code user} on the wire)
     * @param service the service
     * @param title the title
     * @param content the body, as HTML
     * @param substring a short excerpt, if Kemono sent one
     * @param added when Kemono imported it
     * @param published when the creator published it
     * @param edited when it was last edited, if ever
     * @param tags its tags
     * @param file its main file, if any
     * @param attachments its other files
     */
    public Post {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
        substring = substring == null ? Optional.empty() : substring;
        published = published == null ? Optional.empty() : published;
        edited = edited == null ? Optional.empty() : edited;
        tags = tags == null ? List.of() : List.copyOf(tags);
        file = file == null ? Optional.empty() : file.filter(f -> f.path().isPresent());
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
