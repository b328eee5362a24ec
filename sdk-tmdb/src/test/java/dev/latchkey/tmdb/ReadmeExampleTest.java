package dev.latchkey.tmdb;

import dev.latchkey.core.testing.ReadmeSnippet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example runs as a user's code in {@code consumer/} ({@code TmdbReadmeTest}, on the module path,
 * against the fake); this keeps the README showing exactly that code.
 */
class ReadmeExampleTest {
    @Test
    void theReadmeShowsTheCodeTheConsumerRuns() throws Exception {
        ReadmeSnippet.assertInStep(Path.of("README.md"),
                Path.of("../consumer/src/test/java/dev/latchkey/consumer/TmdbReadmeTest.java"),
                Map.of(".apiKey(key).build()", ".apiKey(key).baseUrl(baseUrl).build()"));
    }
}
