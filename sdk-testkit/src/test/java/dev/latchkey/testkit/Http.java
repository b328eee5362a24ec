package dev.latchkey.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw OkHttp for the testkit's own tests: what any client would see on the wire. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private final OkHttpClient client;
    private final Headers defaults;

    public record Answer(int code, Headers headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    public Http(Headers defaults) {
        this.client = new OkHttpClient.Builder().followRedirects(false).retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(5)).build();
        this.defaults = defaults;
    }

    public Answer get(String url, String... headers) {
        return send(new Request.Builder().url(url).get(), headers);
    }

    public Answer delete(String url, String json, String... headers) {
        return send(new Request.Builder().url(url).delete(json == null ? null : RequestBody.create(json, JSON_TYPE)),
                headers);
    }

    public Answer post(String url, String json, String... headers) {
        return send(new Request.Builder().url(url).post(RequestBody.create(json == null ? "" : json, JSON_TYPE)),
                headers);
    }

    public Answer send(Request.Builder b, String... headers) {
        b.headers(defaults);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try (Response r = client.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.headers(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OkHttpClient client() {
        return client;
    }
}
