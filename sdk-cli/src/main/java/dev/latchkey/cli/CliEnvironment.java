package dev.latchkey.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the CLI takes from its surroundings: environment variables, a console for prompts, and the user's home. Tests
 * pass their own, so commands run in-process without touching the real environment.
 *
 * @param env environment variables
 * @param prompt reads a secret without echo, given the prompt text; empty when there is no console
 * @param home the user's home folder
 */
public record CliEnvironment(Map<String, String> env, Function<String, Optional<char[]>> prompt, Path home) {

    /** @return the real environment */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), text -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", text));
        }, Path.of(System.getProperty("user.home")));
    }

    /** @return an environment variable, if set and not blank */
    public Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * @return where sessions are kept: {@code $LATCHKEY_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/latchkey}, else
     *     {@code ~/.config/latchkey}
     */
    public Path configDir() {
        return get("LATCHKEY_CONFIG_DIR").map(Path::of)
                .or(() -> get("XDG_CONFIG_HOME").map(x -> Path.of(x, "latchkey")))
                .orElse(home.resolve(".config").resolve("latchkey"));
    }
}
