package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.GuestSession;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.model.RequestToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sdk-tmdb's README example, on the module path, against the fake: it cannot rot. Keep the two in step. */
class TmdbReadmeTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    @Test
    void readmeExample() {
        String key = FakeTmdb.API_KEY;
        String baseUrl = fake.baseUrl(); // TmdbClient.DEFAULT_BASE_URL for the real API
        List<String> titles = new ArrayList<>();
        // --- README ---
        try (TmdbClient tmdb = TmdbClient.builder().apiKey(key).baseUrl(baseUrl).build()) {
            RequestToken token = tmdb.auth().createRequestToken();
            URI approve = token.approvalUrl(URI.create("http://localhost:8080/approved"));
            fake.approveRequestToken(token.value(), "alice"); // test only: the user clicks "Approve" at `approve`
            TmdbSession session = tmdb.auth().createSession(token);
            TmdbAccount me = tmdb.account(session);
            me.favoriteMovies().stream().limit(25).map(Movie::title).forEach(titles::add);   // two pages, lazily
            me.markFavorite(MediaType.MOVIE, 550, true);
            me.rateMovie(550, 8.5);
            GuestSession guest = tmdb.auth().createGuestSession();
            guest.rateMovie(550, 7.0);
            // --- end ---
            assertThat(approve.toString()).contains("/authenticate/");
        }
        assertThat(titles).hasSize(25).contains("Fight Club");
    }
}
