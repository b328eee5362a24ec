package dev.latchkey.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidResponseException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;

/** A successful answer as a {@link ResponseParser} sees it: status, headers, and typed ways to read the body. */
public interface ResponseView {

    /** @return the HTTP status */
    int status();

    /** @return the response headers */
    Headers headers();

    /**
     * @param name the header name
     * @return a header's value, if present
     */
    default Optional<String> header(String name) {
        return Optional.ofNullable(headers().get(name));
    }

    /**
     * @param name the cookie name
     * @return the value of a cookie the answer set with {@code Set-Cookie}, if any
     */
    Optional<String> cookie(String name);

    /**
     * @param session the session the request carried
     * @return it with every cookie the answer set kept, and those it expired removed
     *     ({@link dev.latchkey.core.auth.ServerCookies#merged}); the same instance when nothing changed
     */
    dev.latchkey.core.auth.Session withCookiesSet(dev.latchkey.core.auth.Session session);

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return the body read as JSON into the type
     * @throws IOException if the body cannot be read or is not what was asked for
     */
    <T> T json(Class<T> type) throws IOException;

    /**
     * @param <T> the type the answer is read into
     * @param type the type to read
     * @return the body read as JSON into the generic type
     * @throws IOException if the body cannot be read or is not what was asked for
     */
    <T> T json(TypeReference<T> type) throws IOException;

    /**
     * @param <E> the element type
     * @param elementType the element type
     * @return the body, a JSON array, read element by element
     * @throws IOException if the body cannot be read or is not what was asked for
     */
    <E> List<E> jsonList(Class<E> elementType) throws IOException;

    /**
     * @return the body as a JSON tree
     * @throws IOException if the body cannot be read or is not what was asked for
     */
    JsonNode tree() throws IOException;

    /**
     * Reads a part of an answer already read as a tree ({@link #tree()}) into a type: for envelopes whose other
     * fields decide how to read it (Karaoke Mugen's {@code err: true} carries an error where the data was due). A
     * failure is reported as {@link #json} reports it, the path starting at the part ({@code data.token}).
     *
     * @param part the part, or {@code null} or a missing node for none
     * @param at the part's path in the answer, for messages ({@code data})
     * @param type the type to read
     * @param <T> the type
     * @return the part as the type, or {@code null} for no part or a JSON {@code null}
     * @throws IOException if the part is not what was asked for
     */
    default <T> T json(JsonNode part, String at, TypeReference<T> type)
            throws IOException {
        if (part == null || part.isMissingNode() || part.isNull()) {
            return null;
        }
        try (com.fasterxml.jackson.core.JsonParser p = dev.latchkey.core.internal.Json.mapper().treeAsTokens(part)) {
            return dev.latchkey.core.internal.Json.readerFor(type).readValue(p);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            e.prependPath(new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, at));
            throw e;
        }
    }

    /**
     * @return the body as text
     * @throws IOException if the body cannot be read or is not what was asked for
     */
    String text() throws IOException;

    /**
     * @param problem what is wrong with the answer, for example {@code "no session cookie in the login answer"}
     * @return an exception naming the request, status and content type, for the parser to throw
     */
    InvalidResponseException invalid(String problem);

    /**
     * For providers that report some failures with a success status (TMDb's codes 21 and 40 arrive with HTTP 200).
     *
     * @param providerCode the provider's code
     * @param message the provider's message (scrubbed of the request's secrets here)
     * @return the facts of the failure, for an exception's constructor
     */
    ApiError error(String providerCode, String message);

    /**
     * An answer whose status is a success but whose body reports a failure (Karaoke Mugen's {@code "err": true}):
     * mapped exactly as an error status is, by the request's error mapper, then the provider's, then core's, so a
     * caller meets the same typed exception (a wrong password is {@code InvalidCredentialsException}) either way.
     *
     * @param body the answer's body, as read
     * @return the typed exception, for the parser to throw
     */
    default dev.latchkey.core.error.LatchkeyException failure(JsonNode body) {
        return invalid("the answer reports a failure"); // a view outside the pipeline has no error mapper
    }

    /**
     * Checks the user a login's answer is for, before its session is stored: a server that answers a login as
     * {@code alice} with {@code "username": "bob"} must not get Alice's token stored under Bob's key (replacing his
     * session), nor a name with a line feed or an escape made a store key.
     *
     * @param asked the name the caller logged in with, or {@code null} when the provider chooses (a guest, a token)
     * @param answered the name the answer gives
     * @param ignoreCase whether the provider compares names without case
     * @return the name to store the session under: the caller's when asked, else the answered one
     * @throws InvalidResponseException if the answer names no user, another user, or a name holding a control
     *     character
     */
    default String loggedInAs(String asked, String answered, boolean ignoreCase) {
        if (answered == null || answered.isBlank()) {
            throw invalid("the login's answer names no user");
        }
        if (!HttpPipeline.fitsStoreKey(answered)) {
            throw invalid("the login's answer names a user holding a control character: "
                    + dev.latchkey.core.internal.Text.excerpt(answered, 80));
        }
        if (asked != null && !(ignoreCase ? asked.equalsIgnoreCase(answered) : asked.equals(answered))) {
            throw invalid("the login as '" + asked + "' was answered for another user, '"
                    + dev.latchkey.core.internal.Text.excerpt(answered, 80) + "': nothing was stored");
        }
        return asked != null ? asked : answered;
    }
}
