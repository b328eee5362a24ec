package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.testkit.kemono.FakeKemono;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 29, item 4: the CLI speaks to people, not to Java callers, and to scripts in JSON when asked. */
class PeopleMessagesTest {
    @RegisterExtension
    static FakeKemono fake = FakeKemono.create();

    @TempDir
    Path dir;

    @Test
    void aSealedStoreWithoutItsKeySaysWhichVariableToSet() {
        String key = SessionCipher.newBase64Key();
        Cli sealed = new Cli(dir).env("LATCHKEY_SESSION_KEY", key).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
        assertThat(sealed.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice").exit()).isZero();
        Cli.Run without = new Cli(dir).run("kemono", "account", "--base-url", fake.baseUrl());
        assertThat(without.exit()).isNotZero();
        assertThat(without.err()).contains("latchkey: set LATCHKEY_SESSION_KEY");
    }

    @Test
    void withJsonAFailureIsOneJsonObjectOnStandardError() throws Exception {
        Cli.Run r = new Cli(dir).env("KEMONO_PASSWORD", "not-the-password").run("kemono", "login", "--json",
                "--base-url", fake.baseUrl(), "--user", "alice");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        String line = r.err().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonNode error = new ObjectMapper().readTree(line).get("error");
        assertThat(error.get("type").asText()).isEqualTo("InvalidCredentialsException");
        assertThat(error.get("exit").asInt()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").asText()).contains("POST /v1/authentication/login");
        assertThat(r.err()).doesNotContain("latchkey: HTTP 400");
    }

    @Test
    void anEmptyAnswerOrTheEndOfInputAtAPromptSaySo() {
        Cli empty = new Cli(dir);
        empty.promptAnswer = "";
        Cli.Run r = empty.run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("the password is empty").doesNotContain("run in a terminal");
        // Ctrl+D: the console's reading gives null.
        assertThatThrownBy(() -> CliEnvironment.consolePrompt(text -> () -> null).apply("Password: "))
                .isInstanceOf(ExitCodes.UsageException.class).hasMessageContaining("the input ended (Ctrl+D)");
        assertThat(CliEnvironment.consolePrompt(text -> null).apply("Password: ")).as("no console").isEmpty();
        assertThat(CliEnvironment.consolePrompt(text -> () -> "pw".toCharArray()).apply("Password: "))
                .hasValueSatisfying(c -> assertThat(new String(c)).isEqualTo("pw"));
        Cli.Run noConsole = new Cli(dir).run("kemono", "login", "--base-url", fake.baseUrl(), "--user", "alice");
        assertThat(noConsole.err()).contains("set KEMONO_PASSWORD or pass a file (no terminal to prompt on");
    }
}
