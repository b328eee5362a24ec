package dev.latchkey.micrometer;

import dev.latchkey.core.testing.ReadmeSnippet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example runs as a user's code in {@code consumer-observed/} ({@code MicrometerReadmeTest}, on the module
 * path, against the fake); this keeps the README showing exactly that code.
 */
class ReadmeExampleTest {
    @Test
    void theReadmeShowsTheCodeTheConsumerRuns() throws Exception {
        ReadmeSnippet.assertInStep(Path.of("README.md"),
                Path.of("../consumer-observed/src/test/java/dev/latchkey/consumer/observed/MicrometerReadmeTest.java"),
                Map.of(".apiKey(key)", ".apiKey(key).baseUrl(baseUrl)"));
    }
}
