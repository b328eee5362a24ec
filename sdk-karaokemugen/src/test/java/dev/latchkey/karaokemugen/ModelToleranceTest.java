package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.latchkey.core.testing.ModelTolerance.model;

import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ModelTolerance;
import dev.latchkey.karaokemugen.model.AuthInfo;
import dev.latchkey.karaokemugen.model.Kara;
import dev.latchkey.karaokemugen.model.SocialNetworks;
import dev.latchkey.karaokemugen.model.User;
import dev.latchkey.karaokemugen.model.UserSummary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The field policy on every model (docs/architecture.md): only what the client cannot go on without is required; every
 * other field may be {@code null} or absent. Samples are built as the app builds its answers (karaokemugen-app @
 * e77b334: {@code src/dao/sql/user.ts:12-47} for users, {@code src/controllers/auth.ts:104} for checkAuth,
 * {@code src/dao/sql/kara.ts} for songs).
 */
class ModelToleranceTest {
    static final String SUMMARY = "{\"type\":1,\"login\":\"alice\",\"nickname\":\"Alice\",\"avatar_file\":\"blank.png\","
            + "\"last_login_at\":\"2026-08-22T10:00:00.000Z\",\"flag_temporary\":null,\"flag_public\":true,"
            + "\"flag_logged_in\":false";

    @TestFactory
    Stream<DynamicNode> everyModel() {
        DynamicNodes made = DynamicNodes.of(ModelTolerance.tests(User.class, List.of(
                model(UserSummary.class, SUMMARY + "}", "login"),
                model(User.class, SUMMARY + ",\"bio\":null,\"url\":null,\"email\":\"alice@example.org\","
                        + "\"main_series_lang\":\"eng\",\"fallback_series_lang\":\"jpn\",\"flag_tutorial_done\":false,"
                        + "\"flag_sendstats\":null,\"location\":null,\"language\":\"en\",\"flag_parentsonly\":false,"
                        + "\"flag_displayfavorites\":false,\"social_networks\":" + SOCIAL + ",\"banner\":\"default.jpg\","
                        + "\"anime_list_to_fetch\":\"anilist\",\"anime_list_last_modified_at\":null,"
                        + "\"anime_list_ids\":[1,2,3]}", "login"),
                model(SocialNetworks.class, SOCIAL),
                model(AuthInfo.class, "{\"username\":\"axel@kara.moe\",\"role\":\"user\",\"onlineAvailable\":true}",
                        "username"),
                model(Kara.class, "{\"kid\":\"4b415241-0000-0000-0000-000000000001\",\"titles\":{\"eng\":\"Song 1\"},"
                        + "\"titles_default_language\":\"eng\",\"series\":[{\"name\":\"Anime 1\"}],\"duration\":61}",
                        "kid"))));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("null and absent cases of the models").isGreaterThanOrEqualTo(112);
        return made.stream();
    }

    static final String SOCIAL = "{\"mastodon\":\"@alice@example.social\",\"instagram\":null,\"bluesky\":null,"
            + "\"discord\":\"alice\",\"twitch\":null,\"anilist\":\"alice\",\"myanimelist\":null,\"kitsu\":12,"
            + "\"gitlab\":null}";
}
