package dev.latchkey.kemono;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.latchkey.core.testing.ModelTolerance.model;

import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ModelTolerance;
import dev.latchkey.kemono.model.AccountInfo;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.Post;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The field policy on every model (docs/architecture.md): ids, services and names used in later calls are required;
 * every other field may be {@code null} or absent. Samples follow Kemono2's source where the JSON API reuses it
 * (KaneTW/Kemono2 @ 2cf7a32: schema.sql's {@code posts} and {@code lookup} rows, src/lib/favorites.py) and today's
 * live clients where it adds fields (Kemonos' DTOs, gallery-dl's test results).
 */
class ModelToleranceTest {
    static final String POST = "\"id\":\"1001\",\"user\":\"6993449\",\"service\":\"fanbox\",\"title\":\"update 1\","
            + "\"substring\":\"update 1\",\"content\":\"<p>update 1</p>\",\"added\":\"2021-04-02T23:50:57.138135\","
            + "\"published\":\"2021-04-01T10:00:00\",\"edited\":null,\"tags\":[\"demo\"],"
            + "\"file\":{\"name\":\"1001.png\",\"path\":\"/data/1001.png\"},"
            + "\"attachments\":[{\"name\":\"1001.zip\",\"path\":\"/data/1001.zip\"}]";

    @TestFactory
    Stream<DynamicNode> everyModel() {
        DynamicNodes made = DynamicNodes.of(ModelTolerance.tests(Post.class, List.of(
                model(AccountInfo.class, "{\"id\":7,\"username\":\"alice\",\"created_at\":\"2024-01-01T10:00:00.123456\","
                        + "\"role\":\"consumer\"}", "id", "username"),
                model(Post.class, "{" + POST + "}", "id", "user", "service"),
                model(FavoritePost.class, "{" + POST + ",\"faved_seq\":12,\"fav_count\":3}", "id", "user", "service"),
                model(FavoriteCreator.class, "{\"faved_seq\":3,\"id\":\"6993449\",\"indexed\":\"2021-04-02T23:50:57\","
                        + "\"last_imported\":\"2025-08-01T00:00:00\",\"name\":\"someone\",\"public_id\":\"someone\","
                        + "\"relation_id\":91,\"service\":\"fanbox\",\"updated\":\"2025-08-01T00:00:00\"}",
                        "id", "service"),
                model(Creator.class, "{\"id\":\"49494721\",\"name\":\"soso\",\"service\":\"fanbox\",\"indexed\":"
                        + "\"2021-04-02T23:50:57\",\"updated\":\"2025-08-01T00:00:00\",\"public_id\":\"soso\","
                        + "\"relation_id\":null,\"post_count\":3,\"dm_count\":0}", "id", "service"),
                model(RandomCreator.class, "{\"service\":\"fanbox\",\"artist_id\":\"6993449\"}", "service",
                        "artist_id"),
                model(RandomPost.class, "{\"service\":\"fanbox\",\"artist_id\":\"6993449\",\"post_id\":\"1001\"}",
                        "service", "artist_id", "post_id"))));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("null and absent cases of the models").isGreaterThanOrEqualTo(128);
        return made.stream();
    }
}
