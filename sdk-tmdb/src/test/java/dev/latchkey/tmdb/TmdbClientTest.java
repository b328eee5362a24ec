package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.NotFoundException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.page.Page;
import dev.latchkey.testkit.ManualClock;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TmdbClientTest {
    static final ManualClock clock = new ManualClock();

    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.builder().clock(clock).build();

    final SessionStore store = SessionStore.inMemory();
    TmdbClient tmdb;

    @BeforeEach
    void setUp() {
        tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).sessionStore(store)
                .options(o -> o.clock(clock)).build();
    }

    @AfterEach
    void tearDown() {
        tmdb.close();
    }

    TmdbAccount alice() {
        return tmdb.account(tmdb.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD));
    }

    @Test
    void resumeOrLoginLogsInOnceAmongEveryoneSharingTheStoreSyncAndAsync() throws Exception {
        // Issue 32: one login across a fleet, as Kemono has it; a refused password costs one attempt, not one each.
        int logins = (int) fake.calls().stream().filter(c -> c.path().endsWith("validate_with_login")).count();
        TmdbAccount first = tmdb.resumeOrLogin(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD);
        try (TmdbClient other = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl())
                .sessionStore(store).options(o -> o.clock(clock)).build()) {
            TmdbAccount second = other.async().resumeOrLogin(FakeTmdb.DEMO_USER, "not-even-read").get(5,
                    TimeUnit.SECONDS);
            assertThat(second.session()).isEqualTo(first.session());
            assertThat(second.favoriteMovies().stream().findFirst()).isPresent();
        }
        assertThat(fake.calls().stream().filter(c -> c.path().endsWith("validate_with_login")).count())
                .isEqualTo(logins + 1);
        assertThatThrownBy(() -> tmdb.resumeOrLogin("carol-nobody", "wrong-password"))
                .isInstanceOf(dev.latchkey.core.error.InvalidCredentialsException.class);
        assertThat(store.load(tmdb.baseUrl() == null ? "" : "tmdb:" + tmdb.baseUrl() + "#carol-nobody")).isEmpty();
    }

    @Test
    void theRecommendedWebFlow() {
        tmdb.auth().validateApiKey();
        RequestToken token = tmdb.auth().createRequestToken();
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(token.approvalUrl(URI.create("http://localhost/approved")).toString())
                .startsWith("https://www.themoviedb.org/authenticate/" + token.value() + "?redirect_to=http");
        assertThat(token.toString()).doesNotContain(token.value());
        assertThatThrownBy(() -> tmdb.auth().createSession(token)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("code: 17");
        fake.approveRequestToken(token.value(), "alice");
        TmdbSession session = tmdb.auth().createSession(token);
        TmdbAccount me = tmdb.account(session);
        assertThat(me.username()).isEqualTo("alice");
        assertThat(me.id()).isEqualTo(fake.accountId("alice"));
        assertThat(store.load(me.storeKey())).isPresent();
        assertThatThrownBy(() -> tmdb.auth().createSession(token)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("code: 33");
    }

    @Test
    void aWebCallbacksTokenStringMakesASessionSyncAndAsync() {
        String fromCallback = tmdb.auth().createRequestToken().value(); // ?request_token=...&approved=true
        fake.approveRequestToken(fromCallback, "alice");
        assertThat(tmdb.account(tmdb.auth().createSession(fromCallback)).username()).isEqualTo("alice");
        String another = tmdb.auth().createRequestToken().value();
        fake.approveRequestToken(another, "alice");
        assertThat(tmdb.async().auth().createSession(another).join().sessionId()).isNotBlank();
        assertThatThrownBy(() -> tmdb.auth().createSession(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessage("request token is blank");
        assertThat(tmdb.async().auth().createSession((String) null)).isCompletedExceptionally();
    }

    @Test
    void aBaseUrlEndingInTheVersionAsAsynctmdbWritesItWorksToo() {
        for (String base : List.of(fake.baseUrl() + "/3", fake.baseUrl() + "/3/")) {
            try (TmdbClient withVersion = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(base).build()) {
                assertThat(withVersion.baseUrl().encodedPath()).isEqualTo("/");
                withVersion.auth().validateApiKey();
                assertThat(withVersion.auth().createGuestSession().id()).isNotBlank();
            }
        }
        assertThat(TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl("https://api.themoviedb.org/3").build()
                .baseUrl().toString()).isEqualTo("https://api.themoviedb.org/");
        // Only the version: a proxy path that merely contains a 3 stays.
        assertThat(TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl("https://proxy.example/tmdb3").build()
                .baseUrl().toString()).isEqualTo("https://proxy.example/tmdb3");
    }

    @Test
    void thePasswordFlowAndItsErrors() {
        assertThat(alice().details().username()).isEqualTo("alice");
        assertThatThrownBy(() -> tmdb.auth().login("alice", "wrong-pass"))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("code: 30")
                .hasMessageContaining("POST /3/authentication/token/validate_with_login?api_key=***");
        assertThatThrownBy(() -> tmdb.auth().login(FakeTmdb.UNVERIFIED_USER, "carol-demo-pass"))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("Email not verified");
        assertThatThrownBy(() -> tmdb.auth().login("", "x")).isInstanceOf(InvalidInputException.class);
        RequestToken token = tmdb.auth().createRequestToken();
        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> tmdb.auth().validateWithLogin(token, "alice", FakeTmdb.DEMO_PASSWORD))
                .isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void aBadApiKeyIsItsOwnException() {
        try (TmdbClient bad = TmdbClient.builder().apiKey("0000").baseUrl(fake.baseUrl()).build()) {
            assertThatThrownBy(() -> bad.auth().validateApiKey()).isInstanceOf(InvalidApiKeyException.class)
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("code: 7")
                    .hasMessageNotContaining("0000");
        }
        assertThatThrownBy(() -> TmdbClient.builder().build()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void favoriteMoviesAutoPageLazily() {
        TmdbAccount me = alice();
        fake.clearCalls();
        List<Movie> first30 = me.favoriteMovies().stream().limit(30).toList();
        assertThat(first30).hasSize(30);
        assertThat(first30.get(0).title()).isEqualTo("Fight Club");
        assertThat(fake.calls()).hasSize(2);
        assertThat(me.favoriteMovies().stream().count()).isEqualTo(FakeTmdb.DEMO_FAVORITE_MOVIES);
        Page<Movie> newest = me.favoriteMoviesPage(true);
        assertThat(newest.items()).hasSize(20);
        assertThat(newest.next().next().hasNext()).isFalse();
        assertThat(me.favoriteTv().stream().map(s -> s.name()).toList()).containsExactly("Game of Thrones",
                "Breaking Bad");
        assertThat(me.watchlistMovies().stream().map(Movie::id).toList()).containsExactly(603);
        assertThat(me.watchlistTv().stream().count()).isZero();
    }

    @Test
    void markFavoriteAndWatchlist() {
        TmdbAccount me = alice();
        me.markFavorite(MediaType.TV, 66732, true);
        assertThat(me.favoriteTv().stream().map(s -> s.id()).toList()).contains(66732);
        me.markFavorite(MediaType.TV, 66732, false);
        assertThat(me.favoriteTv().stream().map(s -> s.id()).toList()).doesNotContain(66732);
        me.markWatchlist(MediaType.MOVIE, 11, true);
        assertThat(me.movieStates(11).watchlist()).isTrue();
        assertThatThrownBy(() -> me.markFavorite(MediaType.MOVIE, 1, true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> me.markFavorite(MediaType.MOVIE, -1, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ratingsAreCheckedBeforeTheCall() {
        TmdbAccount me = alice();
        fake.clearCalls();
        for (double bad : new double[] {0, -1, 10.5, 7.2, Double.NaN}) {
            assertThatThrownBy(() -> me.rateMovie(550, bad)).as("" + bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("0.5 to 10");
        }
        assertThat(fake.calls()).isEmpty();
        me.rateMovie(13, 8.5);
        me.rateTv(1399, 6.5);
        AccountStates states = me.movieStates(13);
        assertThat(states.rating()).contains(8.5);
        assertThat(me.ratedMovies().stream().map(RatedMovie::rating).toList()).containsExactly(8.5, 9.0, 8.5);
        assertThat(me.ratedTv().stream().map(r -> r.show().id()).toList()).containsExactly(1396, 1399);
        me.deleteMovieRating(13);
        me.deleteTvRating(1399);
        assertThat(me.movieStates(13).rating()).isEmpty();
        assertThatThrownBy(() -> me.deleteMovieRating(13)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void guestSessionsRateAndExpireUnused() {
        GuestSession guest = tmdb.auth().createGuestSession();
        assertThat(guest.expiresAt()).isPresent();
        assertThat(guest.toString()).doesNotContain(guest.id());
        guest.rateMovie(550, 7.0);
        guest.rateTv(1396, 9.5);
        assertThat(guest.ratedMovies().stream().map(RatedMovie::rating).toList()).containsExactly(7.0);
        assertThat(guest.ratedTv().stream().count()).isEqualTo(1);
        assertThat(guest.movieStates(550).rating()).contains(7.0);
        guest.deleteMovieRating(550);
        guest.deleteTvRating(1396);
        assertThat(tmdb.resumeGuest()).hasValueSatisfying(g -> assertThat(g.id()).isEqualTo(guest.id()));

        GuestSession unused = tmdb.auth().createGuestSession();
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> unused.rateMovie(550, 7.0)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("not used within 24 hours").hasMessageNotContaining(unused.id());
    }

    @Test
    void logoutDeletesTheSessionEverywhere() {
        TmdbAccount me = alice();
        TmdbSession session = me.session();
        me.logout();
        assertThat(store.load(me.storeKey())).isEmpty();
        assertThat(fake.activeSessions()).isZero();
        assertThatThrownBy(() -> tmdb.account(session)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> tmdb.auth().deleteSession(session)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("code: 37");
    }

    @Test
    void resumeFromTheStoreWithoutACall() {
        alice();
        fake.clearCalls();
        TmdbAccount again = tmdb.resume("alice").orElseThrow();
        assertThat(fake.calls()).isEmpty();
        assertThat(again.favoriteMovies().stream().limit(1).count()).isEqualTo(1);
        assertThat(tmdb.resume("nobody")).isEmpty();
    }

    @Test
    void v4RequestTokenAccessTokenAndConversion() {
        try (TmdbClient v4 = TmdbClient.builder().readAccessToken(fake.readAccessToken()).baseUrl(fake.baseUrl())
                .sessionStore(store).build()) {
            V4RequestToken rt = v4.auth().createV4RequestToken(URI.create("myapp://cb"));
            assertThat(rt.approvalUrl().toString()).startsWith("https://www.themoviedb.org/auth/access?request_token=");
            assertThat(rt.toString()).doesNotContain(rt.value());
            fake.approveV4RequestToken(rt.value(), "alice");
            V4AccessToken at = v4.auth().createAccessToken(rt);
            assertThat(at.accountObjectId()).isEqualTo(fake.accountObjectId("alice"));
            TmdbAccount me = v4.account(v4.auth().convertV4(at));
            assertThat(me.username()).isEqualTo("alice");
            v4.auth().deleteAccessToken(at);
            assertThatThrownBy(() -> v4.auth().convertV4(at)).isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> tmdb.auth().createV4RequestToken(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("read access token");
    }

    @Test
    void asyncCallsFailTheFutureOnBadInputInsteadOfThrowing() {
        TmdbAccountAsync meAsync = alice().async();
        fake.clearCalls();
        assertThat(meAsync.rateMovie(550, 0.3)).isCompletedExceptionally();
        assertThat(meAsync.markFavorite(MediaType.MOVIE, -1, true)).isCompletedExceptionally();
        assertThat(meAsync.movieStates(0)).isCompletedExceptionally();
        assertThat(tmdb.async().auth().login(" ", "x")).isCompletedExceptionally();
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void theEscapeHatchCarriesTheApiKey() {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> movie = tmdb.request("GET", "/3/movie/550", null, null, java.util.Map.class);
        assertThat(movie.get("title")).isEqualTo("Fight Club");
    }

    @Test
    void everyCallHasAnAsyncTwin() throws Exception {
        TmdbClientAsync async = tmdb.async();
        async.auth().validateApiKey().get(5, TimeUnit.SECONDS);
        RequestToken token = async.auth().createRequestToken().get(5, TimeUnit.SECONDS);
        async.auth().validateWithLogin(token, "alice", FakeTmdb.DEMO_PASSWORD).get(5, TimeUnit.SECONDS);
        TmdbSession session = async.auth().createSession(token).get(5, TimeUnit.SECONDS);
        TmdbAccount me = async.account(session).get(5, TimeUnit.SECONDS);
        TmdbAccountAsync meAsync = me.async();
        assertThat(meAsync.details().get(5, TimeUnit.SECONDS).username()).isEqualTo("alice");
        assertThat(meAsync.favoriteMovies().collect(45).get(5, TimeUnit.SECONDS)).hasSize(45);
        Page<Movie> first = meAsync.favoriteMovies().firstPage().get(5, TimeUnit.SECONDS);
        assertThat(first.autoPagerAsync().collect(45).get(5, TimeUnit.SECONDS)).hasSize(45);
        Page<Movie> newest = meAsync.favoriteMoviesPage(true).get(5, TimeUnit.SECONDS);
        assertThat(newest.items()).isEqualTo(me.favoriteMoviesPage(true).items());
        assertThat(meAsync.favoriteTv().collect(100).get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(meAsync.watchlistMovies().collect(100).get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(meAsync.watchlistTv().collect(100).get(5, TimeUnit.SECONDS)).isEmpty();
        meAsync.markFavorite(MediaType.TV, 66732, true).get(5, TimeUnit.SECONDS);
        meAsync.markWatchlist(MediaType.MOVIE, 11, true).get(5, TimeUnit.SECONDS);
        meAsync.rateMovie(13, 5.5).get(5, TimeUnit.SECONDS);
        meAsync.rateTv(1399, 6).get(5, TimeUnit.SECONDS);
        assertThat(meAsync.movieStates(13).get(5, TimeUnit.SECONDS).rating()).contains(5.5);
        assertThat(meAsync.ratedMovies().collect(100).get(5, TimeUnit.SECONDS)).hasSize(3);
        assertThat(meAsync.ratedTv().collect(100).get(5, TimeUnit.SECONDS)).hasSize(2);
        meAsync.deleteMovieRating(13).get(5, TimeUnit.SECONDS);
        meAsync.deleteTvRating(1399).get(5, TimeUnit.SECONDS);
        assertThat(meAsync.rateMovie(13, 11)).isCompletedExceptionally();
        GuestSession guest = async.auth().createGuestSession().get(5, TimeUnit.SECONDS);
        GuestSessionAsync g = guest.async();
        g.rateMovie(550, 7).get(5, TimeUnit.SECONDS);
        g.rateTv(1396, 8).get(5, TimeUnit.SECONDS);
        assertThat(g.ratedMovies().collect(100).get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(g.ratedTv().collect(100).get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(g.movieStates(550).get(5, TimeUnit.SECONDS).rating()).contains(7.0);
        g.deleteMovieRating(550).get(5, TimeUnit.SECONDS);
        g.deleteTvRating(1396).get(5, TimeUnit.SECONDS);
        TmdbSession viaLogin = async.auth().login("alice", FakeTmdb.DEMO_PASSWORD).get(5, TimeUnit.SECONDS);
        async.auth().deleteSession(viaLogin).get(5, TimeUnit.SECONDS);
        meAsync.logout().get(5, TimeUnit.SECONDS);
        assertThat(store.load(me.storeKey())).isEmpty();
        assertThatThrownBy(() -> async.auth().login("alice", "wrong-pass").get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(InvalidCredentialsException.class);
        try (TmdbClient v4 = TmdbClient.builder().readAccessToken(fake.readAccessToken()).baseUrl(fake.baseUrl())
                .build()) {
            TmdbAuthAsync a = v4.async().auth();
            V4RequestToken rt = a.createV4RequestToken(null).get(5, TimeUnit.SECONDS);
            fake.approveV4RequestToken(rt.value(), "alice");
            V4AccessToken at = a.createAccessToken(rt).get(5, TimeUnit.SECONDS);
            assertThat(a.convertV4(at).get(5, TimeUnit.SECONDS)).isNotNull();
            a.deleteAccessToken(at).get(5, TimeUnit.SECONDS);
        }
    }
}
