package dev.latchkey.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** TMDb's floor: what a careful developer writes by hand with OkHttp 5 and Jackson, into records. */
final class TmdbFloor {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    record Movie(int id, String title, @JsonProperty("original_title") String originalTitle,
            @JsonProperty("original_language") String originalLanguage, String overview,
            @JsonProperty("release_date") LocalDate releaseDate, @JsonProperty("poster_path") String posterPath,
            @JsonProperty("backdrop_path") String backdropPath, @JsonProperty("genre_ids") List<Integer> genreIds,
            double popularity, @JsonProperty("vote_average") double voteAverage,
            @JsonProperty("vote_count") int voteCount, boolean adult, boolean video) {
    }

    record Page(int page, List<Movie> results, @JsonProperty("total_pages") int totalPages,
            @JsonProperty("total_results") int totalResults) {
    }

    record Token(@JsonProperty("request_token") String requestToken, @JsonProperty("expires_at") String expiresAt) {
    }

    record SessionAnswer(@JsonProperty("session_id") String sessionId) {
    }

    private final OkHttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final String base;
    private final String apiKey;

    TmdbFloor(OkHttpClient http, String base, String apiKey) {
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
    }

    Page favorites(int accountId, String sessionId) throws IOException {
        Request r = new Request.Builder().url(base + "/3/account/" + accountId + "/favorite/movies?api_key=" + apiKey
                + "&session_id=" + sessionId + "&page=1").build();
        try (Response response = http.newCall(r).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), Page.class);
        }
    }

    String login(String username, String password) throws IOException {
        Token token = call(new Request.Builder().url(base + "/3/authentication/token/new?api_key=" + apiKey).build(),
                Token.class);
        call(new Request.Builder().url(base + "/3/authentication/token/validate_with_login?api_key=" + apiKey)
                .post(RequestBody.create(mapper.writeValueAsBytes(Map.of("username", username, "password", password,
                        "request_token", token.requestToken())), JSON)).build(), Token.class);
        return call(new Request.Builder().url(base + "/3/authentication/session/new?api_key=" + apiKey)
                .post(RequestBody.create(mapper.writeValueAsBytes(Map.of("request_token", token.requestToken())),
                        JSON)).build(), SessionAnswer.class).sessionId();
    }

    /** The floor of the error path: a plain status check. */
    int statusOfMissing(String sessionId) throws IOException {
        Request r = new Request.Builder().url(base + "/3/movie/1/account_states?api_key=" + apiKey + "&session_id="
                + sessionId).build();
        try (Response response = http.newCall(r).execute()) {
            return response.code();
        }
    }

    private <T> T call(Request r, Class<T> type) throws IOException {
        try (Response response = http.newCall(r).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), type);
        }
    }
}
