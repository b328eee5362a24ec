package dev.latchkey.core.error;

import java.util.Optional;

/**
 * The provider answered, but not with what the call expects: malformed or truncated JSON, a missing required field,
 * a value of the wrong type, an empty body, or an HTML page (a CAPTCHA or anti-bot challenge, a proxy's error page)
 * where JSON was expected. The message gives the status, content type and a short excerpt scrubbed of secrets.
 */
public class InvalidResponseException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** The HTTP method. */
    private final String method;
    /** The request path with secrets replaced by {@code ***}. */
    private final String path;
    /** The HTTP status of the answer. */
    private final int status;
    /** The answer's content type. */
    private final String contentType;
    /** The JSON path of the missing or malformed field. */
    private final String field;
    /** A short excerpt of the body, scrubbed of secrets. */
    private final String excerpt;
    /** The request id the server sent back. */
    private final String requestId;

    /**
     * @param method the HTTP method
     * @param path the redacted request path
     * @param status the HTTP status of the answer
     * @param contentType the answer's content type, or {@code null}
     * @param problem what is wrong, for example {@code "missing required field 'id' at results[3]"}
     * @param field the JSON path of the offending field, or {@code null}
     * @param excerpt a short scrubbed excerpt of the body, or {@code null}
     * @param cause the parser's exception, or {@code null}
     */
    public InvalidResponseException(String method, String path, int status, String contentType, String problem,
            String field, String excerpt, Throwable cause) {
        this(method, path, status, contentType, null, problem, field, excerpt, cause);
    }

    /**
     * @param method the HTTP method
     * @param path the redacted request path
     * @param status the HTTP status of the answer
     * @param contentType the answer's content type, or {@code null}
     * @param requestId the request id the server sent back (scrubbed), or {@code null}: what the provider's support
     *     asks for when an answer was broken
     * @param problem what is wrong, for example {@code "missing required field 'id' at results[3]"}
     * @param field the JSON path of the offending field, or {@code null}
     * @param excerpt a short scrubbed excerpt of the body, or {@code null}
     * @param cause the parser's exception, or {@code null}
     */
    public InvalidResponseException(String method, String path, int status, String contentType, String requestId,
            String problem, String field, String excerpt, Throwable cause) {
        super(method + ' ' + path + " (HTTP " + status + (contentType == null ? "" : ", " + contentType)
                + (requestId == null ? "" : ", request-id: " + requestId) + "): " + problem
                + (excerpt == null || excerpt.isEmpty() ? "" : "; body starts: \"" + excerpt + '"'), cause);
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.status = status;
        this.contentType = contentType;
        this.field = field;
        this.excerpt = excerpt;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the request path with secrets replaced by {@code ***} */
    public String path() {
        return path;
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /** @return the answer's content type, when it had one */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the JSON path of the missing or malformed field, when one is to blame */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** @return the request id the server sent back, when it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return a short excerpt of the body, scrubbed of secrets */
    public Optional<String> excerpt() {
        return Optional.ofNullable(excerpt);
    }
}
