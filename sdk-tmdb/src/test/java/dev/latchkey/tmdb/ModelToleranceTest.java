package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.latchkey.core.testing.ModelTolerance.model;

import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ModelTolerance;
import dev.latchkey.tmdb.model.AccountDetails;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import dev.latchkey.tmdb.model.TvShow;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The field policy on every model (docs/architecture.md): ids, and the account's username (its session store key),
 * are required; everything else may be {@code null} or absent. Samples are the official OpenAPI export's examples
 * ({@code shared/specs/tmdb-v3-openapi.json}: {@code GET /3/account/{account_id}},
 * {@code /3/movie/{movie_id}/account_states}, {@code /3/account/{account_id}/rated/movies} and {@code /rated/tv}),
 * whose schema marks nothing required.
 */
class ModelToleranceTest {
    static final String MOVIE = "\"adult\":false,\"backdrop_path\":\"/dUVbWINfRMGojGZRcO6GF1Z2nV8.jpg\","
            + "\"genre_ids\":[12,14,28],\"id\":120,\"original_language\":\"en\",\"original_title\":\"The Lord of the "
            + "Rings: The Fellowship of the Ring\",\"overview\":\"Young hobbit Frodo Baggins...\",\"popularity\":84.737,"
            + "\"poster_path\":\"/6oom5QYQ2yQTMJIbnvbkBL9cHo6.jpg\",\"release_date\":\"2001-12-18\",\"title\":\"The Lord "
            + "of the Rings: The Fellowship of the Ring\",\"video\":false,\"vote_average\":8.396,\"vote_count\":22579";
    static final String SHOW = "\"adult\":false,\"backdrop_path\":\"/2yZXtM2Kky1Sy0kachbDlwybl3y.jpg\","
            + "\"genre_ids\":[10765,18,9648],\"id\":1705,\"origin_country\":[\"US\"],\"original_language\":\"en\","
            + "\"original_name\":\"Fringe\",\"overview\":\"FBI Special Agent Olivia Dunham...\",\"popularity\":151.906,"
            + "\"poster_path\":\"/sY9hg5dLJ93RJOyKEiu1nAtBRND.jpg\",\"first_air_date\":\"2008-09-09\",\"name\":"
            + "\"Fringe\",\"vote_average\":8.109,\"vote_count\":2050";

    @TestFactory
    Stream<DynamicNode> everyModel() {
        DynamicNodes made = DynamicNodes.of(ModelTolerance.tests(Movie.class, List.of(
                model(AccountDetails.class, "{\"avatar\":{\"gravatar\":{\"hash\":\"c9e9fc152ee756a900db85757c29815d\"},"
                        + "\"tmdb\":{\"avatar_path\":\"/xy44UvpbTgzs9kWmp4C3fEaCl5h.png\"}},\"id\":548,\"iso_639_1\":"
                        + "\"en\",\"iso_3166_1\":\"CA\",\"name\":\"Travis Bell\",\"include_adult\":false,\"username\":"
                        + "\"travisbell\"}", "id", "username"),
                model(AccountStates.class, "{\"id\":550,\"favorite\":true,\"rated\":{\"value\":9.0},"
                        + "\"watchlist\":false}", "id"),
                model(Movie.class, "{" + MOVIE + "}", "id"),
                model(RatedMovie.class, "{" + MOVIE + ",\"rating\":8.0}", "id"),
                model(TvShow.class, "{" + SHOW + "}", "id"),
                model(RatedTvShow.class, "{" + SHOW + ",\"rating\":9.0}", "id"))));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("null and absent cases of the models").isGreaterThanOrEqualTo(139);
        return made.stream();
    }
}
