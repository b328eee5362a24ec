package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.contract.ProviderContract;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The provider contract suite over every public TMDb call, sync and async, with the API key and the v4 token. */
class TmdbContractTest extends ProviderContract {
    static final String API_KEY = "key-8c1e4b7f2a9d3065";
    static final String READ_TOKEN = "eyJ-read-5b2f8e1c7d4a";
    static final String PASSWORD = "Pw-3e9a7c1b5f";
    static final String SESSION = "sid-6d2b9f4e1a7c8035";
    static final String GUEST = "gst-1f7c3a9e5b2d4068";
    static final String REQUEST_TOKEN = "rqt-9b4e2c7a1f5d3086";
    static final String V4_TOKEN = "v4t-2c8f5a1e9d3b7064";

    @Test
    void everyPublicAsyncMethodIsAContractCall() {
        try (Subject subject = subject("http://127.0.0.1:9", new OkHttpClient(), b -> { })) {
            assertThat(asyncMethodsWithoutACall(subject)).isEmpty();
        }
    }

    @Override
    protected Subject subject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
        return new TmdbSubject(baseUrl, http, options);
    }

    static final class TmdbSubject implements Subject {
        final SessionStore store = SessionStore.inMemory();
        final TmdbClient client;
        final TmdbClient v4;
        final String key;
        final Session session;
        TmdbAccount account;
        GuestSession guest;

        TmdbSubject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
            client = TmdbClient.builder().apiKey(API_KEY).baseUrl(baseUrl).httpClient(http).sessionStore(store)
                    .options(options).build();
            v4 = TmdbClient.builder().readAccessToken(READ_TOKEN).baseUrl(baseUrl).httpClient(http).sessionStore(store)
                    .options(options).build();
            key = client.storeKey("alice");
            session = Session.builder("tmdb").token(Session.SESSION_ID, SESSION).attribute(TmdbAccount.ATTR_ID, "42")
                    .attribute(TmdbAccount.ATTR_USERNAME, "alice").build();
            restoreSession();
        }

        @Override
        public void restoreSession() {
            store.save(key, session);
            account = client.resume("alice").orElseThrow();
            guest = client.guest(GUEST, Instant.parse("2030-01-01T00:00:00Z"));
        }

        @Override
        public List<ContractCall> calls() {
            RequestToken token = new RequestToken(REQUEST_TOKEN, Instant.parse("2030-01-01T00:00:00Z"));
            V4AccessToken access = new V4AccessToken(V4_TOKEN, "4bc889XXXXa3c0z92001001");
            V4RequestToken v4Request = new V4RequestToken(REQUEST_TOKEN);
            TmdbSession tmdbSession = new TmdbSession(SESSION);
            List<ContractCall> c = new ArrayList<>();
            c.add(ContractCall.sync("auth.validateApiKey", () -> {
                client.auth().validateApiKey();
                return null;
            }));
            c.add(ContractCall.sync("auth.createRequestToken", () -> client.auth().createRequestToken()));
            c.add(ContractCall.sync("auth.validateWithLogin", () -> client.auth().validateWithLogin(token, "alice",
                    PASSWORD)));
            c.add(ContractCall.sync("auth.createSession", () -> client.auth().createSession(token)));
            c.add(ContractCall.sync("auth.login", () -> client.auth().login("alice", PASSWORD)));
            // Another user: alice's session is in the store, and would be resumed without a call.
            c.add(ContractCall.sync("resumeOrLogin", () -> client.resumeOrLogin("bob", PASSWORD)));
            c.add(ContractCall.sync("auth.createGuestSession", () -> client.auth().createGuestSession()));
            c.add(ContractCall.sync("auth.convertV4", () -> client.auth().convertV4(access)));
            c.add(ContractCall.sync("auth.deleteSession", () -> {
                client.auth().deleteSession(tmdbSession);
                return null;
            }));
            c.add(ContractCall.sync("v4.createV4RequestToken", () -> v4.auth().createV4RequestToken(
                    URI.create("https://example.invalid/back"))));
            c.add(ContractCall.sync("v4.createAccessToken", () -> v4.auth().createAccessToken(v4Request)));
            c.add(ContractCall.sync("v4.deleteAccessToken", () -> {
                v4.auth().deleteAccessToken(access);
                return null;
            }));
            c.add(ContractCall.sync("account(session)", () -> client.account(tmdbSession)));
            c.add(ContractCall.sync("request", () -> client.request("GET", "/3/movie/550", Map.of("language", "en"),
                    null, Object.class)));
            c.add(ContractCall.sync("account.details", () -> account.details()));
            c.add(ContractCall.sync("account.favoriteMovies", () -> account.favoriteMovies()));
            c.add(ContractCall.sync("account.favoriteTv", () -> account.favoriteTv()));
            c.add(ContractCall.sync("account.ratedMovies", () -> account.ratedMovies()));
            c.add(ContractCall.sync("account.watchlistTv", () -> account.watchlistTv()));
            c.add(ContractCall.sync("account.favoriteMoviesPage", () -> account.favoriteMoviesPage(true)));
            c.add(ContractCall.sync("account.markFavorite", () -> {
                account.markFavorite(MediaType.MOVIE, 550, true);
                return null;
            }));
            c.add(ContractCall.sync("account.rateMovie", () -> {
                account.rateMovie(550, 8.5);
                return null;
            }));
            c.add(ContractCall.sync("account.deleteTvRating", () -> {
                account.deleteTvRating(1399);
                return null;
            }));
            c.add(ContractCall.sync("account.movieStates", () -> account.movieStates(550)));
            c.add(ContractCall.sync("account.logout", () -> {
                account.logout();
                return null;
            }));
            c.add(ContractCall.sync("guest.rateMovie", () -> {
                guest.rateMovie(550, 7.0);
                return null;
            }));
            c.add(ContractCall.sync("guest.ratedTv", () -> guest.ratedTv()));
            c.add(ContractCall.sync("guest.movieStates", () -> guest.movieStates(550)));
            c.add(ContractCall.async("client.withResponse", () -> client.async().withResponse(a -> a.auth().createRequestToken())));
            c.add(ContractCall.async("account.withResponse", () -> account.async().withResponse(a -> a.details())));
            c.add(ContractCall.async("auth.validateApiKey", () -> client.async().auth().validateApiKey()));
            c.add(ContractCall.async("auth.createRequestToken", () -> client.async().auth().createRequestToken()));
            c.add(ContractCall.async("auth.validateWithLogin", () -> client.async().auth().validateWithLogin(token,
                    "alice", PASSWORD)));
            c.add(ContractCall.async("auth.createSession", () -> client.async().auth().createSession(token)));
            c.add(ContractCall.async("auth.login", () -> client.async().auth().login("alice", PASSWORD)));
            c.add(ContractCall.async("resumeOrLogin", () -> client.async().resumeOrLogin("bob", PASSWORD)));
            c.add(ContractCall.async("auth.createGuestSession", () -> client.async().auth().createGuestSession()));
            c.add(ContractCall.async("auth.convertV4", () -> client.async().auth().convertV4(access)));
            c.add(ContractCall.async("auth.deleteSession", () -> client.async().auth().deleteSession(tmdbSession)));
            c.add(ContractCall.async("v4.createAccessToken", () -> v4.async().auth().createAccessToken(v4Request)));
            c.add(ContractCall.async("account", () -> client.async().account(tmdbSession)));
            c.add(ContractCall.async("v4.createV4RequestToken", () -> v4.async().auth().createV4RequestToken(null)));
            c.add(ContractCall.async("v4.deleteAccessToken", () -> v4.async().auth().deleteAccessToken(access)));
            c.add(ContractCall.async("account.rateMovie", () -> account.async().rateMovie(550, 8.0)));
            c.add(ContractCall.async("account.deleteTvRating", () -> account.async().deleteTvRating(1399)));
            c.add(ContractCall.async("account.markFavorite", () -> account.async().markFavorite(MediaType.MOVIE, 550,
                    false)));
            c.add(ContractCall.async("account.watchlistTv", () -> account.async().watchlistTv().firstPage()));
            c.add(ContractCall.async("account.favoriteTv", () -> account.async().favoriteTv().firstPage()));
            c.add(ContractCall.async("account.watchlistMovies", () -> account.async().watchlistMovies().firstPage()));
            c.add(ContractCall.async("guest.rateMovie", () -> guest.async().rateMovie(550, 6.0)));
            c.add(ContractCall.async("guest.deleteTvRating", () -> guest.async().deleteTvRating(1399)));
            c.add(ContractCall.async("account.details", () -> account.async().details()));
            c.add(ContractCall.async("account.favoriteMovies", () -> account.async().favoriteMovies().firstPage()));
            c.add(ContractCall.async("account.ratedTv", () -> account.async().ratedTv().firstPage()));
            c.add(ContractCall.async("account.markWatchlist", () -> account.async().markWatchlist(MediaType.TV, 1399,
                    true)));
            c.add(ContractCall.async("account.rateTv", () -> account.async().rateTv(1399, 6.5)));
            c.add(ContractCall.async("account.deleteMovieRating", () -> account.async().deleteMovieRating(550)));
            c.add(ContractCall.async("account.movieStates", () -> account.async().movieStates(550)));
            c.add(ContractCall.async("account.logout", () -> account.async().logout()));
            c.add(ContractCall.async("guest.rateTv", () -> guest.async().rateTv(1399, 7.0)));
            c.add(ContractCall.async("guest.ratedMovies", () -> guest.async().ratedMovies().firstPage()));
            c.add(ContractCall.async("guest.ratedTv", () -> guest.async().ratedTv().collect(50)));
            c.add(ContractCall.async("account.favoriteMoviesPage", () -> account.async().favoriteMoviesPage(true)));
            c.add(ContractCall.async("account.ratedMovies", () -> account.async().ratedMovies().collect(50)));
            c.add(ContractCall.async("request", () -> client.async().request("GET", "/3/movie/550",
                    Map.of("language", "en"), null, Object.class)));
            return c;
        }

        @Override
        public List<String> secrets() {
            return List.of(API_KEY, READ_TOKEN, PASSWORD, SESSION, GUEST, REQUEST_TOKEN, V4_TOKEN);
        }

        @Override
        public Object sessionState() {
            return List.of(store.load(key), store.load(client.storeKey(GuestSession.STORE_NAME)));
        }

        @Override
        public List<Object> apiObjects() {
            return List.of(client, client.auth(), client.async(), client.async().auth(), account, account.async(),
                    guest, guest.async());
        }

        @Override
        public Optional<Object> sample(Class<?> type) {
            if (type == RequestToken.class) {
                return Optional.of(new RequestToken(REQUEST_TOKEN, Instant.parse("2030-01-01T00:00:00Z")));
            }
            if (type == V4AccessToken.class) {
                return Optional.of(new V4AccessToken(V4_TOKEN, "4bc889XXXXa3c0z92001001"));
            }
            if (type == V4RequestToken.class) {
                return Optional.of(new V4RequestToken(REQUEST_TOKEN));
            }
            if (type == TmdbSession.class) {
                return Optional.of(new TmdbSession(SESSION));
            }
            return Optional.empty();
        }

        @Override
        public boolean nullable(Method method, int index) {
            String n = method.getName();
            // The escape hatch's query and body, a v4 request token's redirect and a guest session's expiry are
            // optional by contract.
            return n.equals("request") && (index == 2 || index == 3)
                    || n.equals("createV4RequestToken") && index == 0
                    || n.equals("guest") && index == 1;
        }

        @Override
        public void close() {
            client.close();
            v4.close();
        }
    }
}
