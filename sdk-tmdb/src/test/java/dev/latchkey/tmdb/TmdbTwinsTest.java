package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.testing.contract.TwinParity;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every sync call has its async twin, with the same parameters and result ({@link TwinParity}). */
class TmdbTwinsTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    static final Map<String, String> NO_TWIN_NEEDED = Map.ofEntries(
            Map.entry("TmdbClient.resume", "reads the local session store; no HTTP call to wait for"),
            Map.entry("TmdbAccount.forget", "clears the local session store; no HTTP call"),
            Map.entry("TmdbClient.resumeGuest", "reads the local session store; no HTTP call to wait for"),
            Map.entry("TmdbClient.guest", "wraps a known guest session id; no call"),
            Map.entry("TmdbClient.withOptions", "derives a client; no call"),
            Map.entry("TmdbClient.baseUrl", "accessor"),
            Map.entry("TmdbAccount.id", "accessor"),
            Map.entry("TmdbAccount.username", "accessor"),
            Map.entry("TmdbAccount.session", "accessor"),
            Map.entry("TmdbAccount.storeKey", "accessor"),
            Map.entry("GuestSession.id", "accessor"),
            Map.entry("GuestSession.expiresAt", "accessor"));

    @Test
    void everySyncCallHasItsAsyncTwin() {
        assertThat(TwinParity.problems(Map.of(TmdbClient.class, TmdbClientAsync.class, TmdbAuth.class,
                TmdbAuthAsync.class, TmdbAccount.class, TmdbAccountAsync.class, GuestSession.class,
                GuestSessionAsync.class), NO_TWIN_NEEDED)).isEmpty();
    }

    @Test
    void theMissingAsyncTwinsBehaveAsTheirOriginals() throws Exception {
        // Issue 12, defect 3: TmdbAccountAsync lacked favoriteMoviesPage, its lists were a first Page where the sync
        // ones are AutoPagers, and TmdbClientAsync lacked request.
        try (TmdbClient tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).build()) {
            TmdbAccount me = tmdb.account(tmdb.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD));
            assertThat(me.async().favoriteMovies().collect(100).get(10, TimeUnit.SECONDS))
                    .isEqualTo(me.favoriteMovies().stream().toList()).hasSize(FakeTmdb.DEMO_FAVORITE_MOVIES);
            assertThat(me.async().favoriteMoviesPage(true).get(10, TimeUnit.SECONDS).items())
                    .isEqualTo(me.favoriteMoviesPage(true).items());
            assertThat(me.async().ratedTv().collect(100).get(10, TimeUnit.SECONDS))
                    .isEqualTo(me.ratedTv().stream().toList());
            assertThat(tmdb.async().request("GET", "/3/movie/550", null, null, Map.class).get(10, TimeUnit.SECONDS))
                    .isEqualTo(tmdb.request("GET", "/3/movie/550", null, null, Map.class));
        }
    }

    @Test
    void aListingSaysHowManyItemsItHoldsWhenTmdbDoes() {
        // Issue 29: TMDb sends total_results; the CLI's progress bar showed "40/?" without it.
        try (TmdbClient tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).build()) {
            TmdbAccount me = tmdb.account(tmdb.auth().login(FakeTmdb.DEMO_USER, FakeTmdb.DEMO_PASSWORD));
            assertThat(me.favoriteMovies().totalItems()).hasValue(FakeTmdb.DEMO_FAVORITE_MOVIES);
            assertThat(me.favoriteMoviesPage(true).totalItems()).hasValue(FakeTmdb.DEMO_FAVORITE_MOVIES);
            assertThat(dev.latchkey.core.page.Page.last(java.util.List.of()).totalItems()).isEmpty();
        }
    }
}
