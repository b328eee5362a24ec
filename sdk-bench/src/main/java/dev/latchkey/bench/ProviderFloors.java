package dev.latchkey.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The floors of Kemono, Eternaltwin and Karaoke Mugen: what a careful developer writes by hand with OkHttp 5 and
 * Jackson, into <b>the providers' own model records</b> (so the records' constructors cost the same on both sides,
 * and only what Latchkey adds around them shows). One shared client and mapper, string-built URLs, no retries, no
 * redaction, no checks beyond the status.
 */
final class ProviderFloors {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ProviderFloors() {
    }

    /** Kemono: the login sets a {@code session} cookie; the account's calls send it back. */
    static final class Kemono {
        private static final ObjectReader ACCOUNT = MAPPER.readerFor(dev.latchkey.kemono.model.AccountInfo.class);
        private static final ObjectReader CREATORS = MAPPER.readerFor(
                new TypeReference<List<dev.latchkey.kemono.model.FavoriteCreator>>() { });
        private static final ObjectReader CREATOR = MAPPER.readerFor(dev.latchkey.kemono.model.FavoriteCreator.class);

        private final OkHttpClient http;
        private final String api;

        Kemono(OkHttpClient http, String baseUrl) {
            this.http = http;
            this.api = baseUrl + "/api";
        }

        /** The account and its session cookie. */
        record Login(dev.latchkey.kemono.model.AccountInfo account, String session) {
        }

        Login login(String username, String password) throws IOException {
            Request r = new Request.Builder().url(api + "/v1/authentication/login").post(RequestBody.create(
                    MAPPER.writeValueAsBytes(Map.of("username", username, "password", password)), JSON)).build();
            try (Response response = http.newCall(r).execute()) {
                check(response);
                dev.latchkey.kemono.model.AccountInfo info = ACCOUNT.readValue(response.body().byteStream());
                for (String cookie : response.headers("Set-Cookie")) {
                    if (cookie.startsWith("session=")) {
                        int end = cookie.indexOf(';');
                        return new Login(info, cookie.substring(8, end < 0 ? cookie.length() : end));
                    }
                }
                throw new IOException("no session cookie");
            }
        }

        List<dev.latchkey.kemono.model.FavoriteCreator> favorites(String session) throws IOException {
            try (Response response = http.newCall(favoritesRequest(session)).execute()) {
                check(response);
                return CREATORS.readValue(response.body().byteStream());
            }
        }

        /** Streams the favorites with Jackson's {@code MappingIterator}, one record at a time. */
        long streamFavorites(String session) throws IOException {
            try (Response response = http.newCall(favoritesRequest(session)).execute()) {
                check(response);
                long n = 0;
                try (MappingIterator<dev.latchkey.kemono.model.FavoriteCreator> it = CREATOR.readValues(
                        response.body().byteStream())) {
                    while (it.hasNext()) {
                        if (it.next().id().isEmpty()) {
                            throw new IOException("no id");
                        }
                        n++;
                    }
                }
                return n;
            }
        }

        private Request favoritesRequest(String session) {
            return new Request.Builder().url(api + "/v1/account/favorites?type=artist")
                    .header("Cookie", "session=" + session).header("Accept", "text/css").build();
        }
    }

    /** Eternaltwin: the code exchange (HTTP Basic, a form) and {@code self} with the bearer token. */
    static final class Eternaltwin {
        record Token(@JsonProperty("token_type") String tokenType, @JsonProperty("access_token") String accessToken,
                @JsonProperty("expires_in") Long expiresIn) {
        }

        record Self(@JsonProperty("type") String type,
                @JsonProperty("user") dev.latchkey.eternaltwin.model.User user) {
        }

        private static final ObjectReader TOKEN = MAPPER.readerFor(Token.class);
        private static final ObjectReader SELF = MAPPER.readerFor(Self.class);

        private final OkHttpClient http;
        private final String base;
        private final String basic;
        private final String redirectUri;

        Eternaltwin(OkHttpClient http, String base, String clientId, String clientSecret, String redirectUri) {
            this.http = http;
            this.base = base;
            this.basic = Credentials.basic(clientId, clientSecret);
            this.redirectUri = redirectUri;
        }

        dev.latchkey.eternaltwin.model.User exchangeAndSelf(String code, String verifier) throws IOException {
            Request exchange = new Request.Builder().url(base + "/oauth/token").header("Authorization", basic)
                    .post(new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                            .add("redirect_uri", redirectUri).add("code_verifier", verifier).build()).build();
            Token token;
            try (Response response = http.newCall(exchange).execute()) {
                check(response);
                token = TOKEN.readValue(response.body().byteStream());
            }
            Request self = new Request.Builder().url(base + "/api/v1/auth/self")
                    .header("Authorization", "Bearer " + token.accessToken()).build();
            try (Response response = http.newCall(self).execute()) {
                check(response);
                return SELF.<Self>readValue(response.body().byteStream()).user();
            }
        }
    }

    /** Karaoke Mugen: every call is {@code POST /api/command} with {@code {"cmd", "body": {...}}}. */
    static final class KaraokeMugen {
        record Envelope<T>(@JsonProperty("err") Boolean err, @JsonProperty("data") T data) {
        }

        private static final ObjectReader USERS = MAPPER.readerFor(
                new TypeReference<Envelope<List<dev.latchkey.karaokemugen.model.UserSummary>>>() { });

        private final OkHttpClient http;
        private final String base;

        KaraokeMugen(OkHttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        List<dev.latchkey.karaokemugen.model.UserSummary> users(String token) throws IOException {
            Request r = new Request.Builder().url(base + "/api/command").post(RequestBody.create(
                    MAPPER.writeValueAsBytes(Map.of("cmd", "getUsers", "body", Map.of("body", Map.of(),
                            "authorization", token))), JSON)).build();
            try (Response response = http.newCall(r).execute()) {
                check(response);
                return USERS.<Envelope<List<dev.latchkey.karaokemugen.model.UserSummary>>>readValue(
                        response.body().byteStream()).data();
            }
        }
    }

    private static void check(Response response) throws IOException {
        if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code());
        }
    }
}
