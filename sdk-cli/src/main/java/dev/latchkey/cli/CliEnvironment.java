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
 * @param browser opens a URL for the user (the system browser; tests play the browser themselves)
 */
public record CliEnvironment(Map<String, String> env, Function<String, Optional<char[]>> prompt, Path home,
        java.util.function.Consumer<java.net.URI> browser) {

    /** An environment whose browser is the desktop's (when there is one). */
    public CliEnvironment(Map<String, String> env, Function<String, Optional<char[]>> prompt, Path home) {
        this(env, prompt, home, CliEnvironment::desktopBrowse);
    }

    /** Opens the system browser where there is one; on a headless machine nothing happens (the URL is printed). */
    static void desktopBrowse(java.net.URI url) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(url);
            }
        } catch (Exception | LinkageError noBrowser) {
            // The URL is printed: the user can open it by hand.
        }
    }

    /** @return the real environment */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), consolePrompt(text -> {
            Console console = System.console();
            return console == null ? null : () -> console.readPassword("%s", text);
        }), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param console the reading of one answer for a prompt's text, or {@code null} when there is no console
     * @return the prompt: empty without a console; a usage error when the input ends (Ctrl+D) instead of an answer
     */
    static Function<String, Optional<char[]>> consolePrompt(
            Function<String, java.util.function.Supplier<char[]>> console) {
        return text -> {
            java.util.function.Supplier<char[]> read = console.apply(text);
            if (read == null) {
                return Optional.empty();
            }
            char[] answer = read.get();
            if (answer == null) {
                throw new ExitCodes.UsageException("no answer at the prompt \"" + text.strip() + "\": the input ended "
                        + "(Ctrl+D)");
            }
            return Optional.of(answer);
        };
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
