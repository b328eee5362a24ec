package dev.latchkey.core.http;

import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.internal.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The bodies a request can carry, encoded once when it is built: a request is immutable and may be sent again, so
 * its body is bytes, not a one-shot OkHttp body.
 */
final class RequestBodies {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A body's bytes and media type. */
    record Encoded(byte[] bytes, MediaType type) {
    }

    private RequestBodies() {
    }

    /** @return the value serialized as JSON by Latchkey's own mapper */
    static Encoded json(Object value) {
        return new Encoded(Json.write(Objects.requireNonNull(value, "body")), JSON);
    }

    /** @return the fields as an URL-encoded form, in order */
    static Encoded form(Map<String, String> fields) {
        FormBody.Builder fb = new FormBody.Builder();
        fields.forEach(fb::add);
        FormBody form = fb.build();
        return new Encoded(bytes(form), form.contentType());
    }

    /** @return one file as {@code multipart/form-data}, as a browser's file upload sends it */
    static Encoded multipartFile(String field, String filename, byte[] content, String contentType) {
        MediaType type = MediaType.parse(Objects.requireNonNull(contentType, "contentType"));
        if (type == null) {
            throw new InvalidInputException("not a media type: " + contentType);
        }
        MultipartBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(field, filename, RequestBody.create(content, type)).build();
        return new Encoded(bytes(multipart), multipart.contentType());
    }

    private static byte[] bytes(RequestBody body) {
        Buffer buffer = new Buffer();
        try {
            body.writeTo(buffer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // an okio Buffer does not fail
        }
        return buffer.readByteArray();
    }
}
