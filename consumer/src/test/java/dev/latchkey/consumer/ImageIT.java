package dev.latchkey.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application's {@code jlink} image (built in {@code package} by the {@code jlink-image} profile): its own
 * trimmed runtime runs the application's launcher, Latchkey and Jackson's reflection included, against a fake Kemono.
 */
class ImageIT {
    private static final Path IMAGE = Path.of("target", "image");

    @RegisterExtension
    static FakeKemono kemono = FakeKemono.create();

    @Test
    void theLauncherRunsTheApplicationOnTheImagesOwnRuntime() throws Exception {
        List<String> expected;
        try (KemonoClient client = KemonoClient.builder().baseUrl(kemono.baseUrl()).build()) {
            expected = FavoriteNames.kemono(client.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD));
        }
        Run run = run(Map.of("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD), launcher(), kemono.baseUrl(),
                FakeKemono.DEMO_USER);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(expected).isNotEmpty();
        assertThat(run.out().lines().toList()).isEqualTo(expected);
    }

    @Test
    void aFailedLoginIsLatchkeysTypedMessageNotAStackTrace() throws Exception {
        Run run = run(Map.of("KEMONO_PASSWORD", "not the password"), launcher(), kemono.baseUrl(),
                FakeKemono.DEMO_USER);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 400 on POST /v1/authentication/login").doesNotContain("Exception");
    }

    @Test
    void theImageHoldsExplicitModulesOnlyAndNoneItDoesNotUse() throws Exception {
        Run run = run(Map.of(), IMAGE.resolve("bin").resolve(exe("java")).toString(), "--list-modules");
        List<String> modules = run.out().lines().map(m -> m.replaceFirst("@.*", "")).toList();
        assertThat(modules).contains("dev.latchkey.consumer", "dev.latchkey.core", "dev.latchkey.kemono",
                "okhttp3", "okio", "kotlin.stdlib", "io.github.resilience4j.retry", "com.fasterxml.jackson.databind",
                "com.nimbusds.jose.jwt", "jdk.crypto.ec", "java.base");
        // Trimmed: no desktop toolkit, no compiler; and no Bucket4j, which no module of this application requires.
        assertThat(modules).doesNotContain("java.desktop", "jdk.compiler", "io.github.bucket4j.core");
    }

    private static String launcher() {
        return IMAGE.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "consumer.bat"
                : "consumer").toString();
    }

    private static String exe(String name) {
        return System.getProperty("os.name").startsWith("Windows") ? name + ".exe" : name;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        assertThat(Files.isRegularFile(Path.of(command[0]))).as("%s in the image", command[0]).isTrue();
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        return new Run(process.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
