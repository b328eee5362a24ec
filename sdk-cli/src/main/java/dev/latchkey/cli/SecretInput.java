package dev.latchkey.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a secret the only ways the CLI allows: a file, an environment variable, or a prompt without echo. Never a
 * command-line argument: those show in process lists and shell history.
 */
final class SecretInput {
    private SecretInput() {
    }

    /**
     * @param env the environment
     * @param file a file holding the secret (first line), or {@code null}
     * @param envName the environment variable to try
     * @param what what the secret is, for the prompt and messages
     * @return the secret
     * @throws ExitCodes.UsageException if none of the three gives one
     */
    static String read(CliEnvironment env, Path file, String envName, String what) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String line = text.lines().findFirst().orElse("").strip();
                if (line.isEmpty()) {
                    throw new ExitCodes.UsageException(what + " file " + file + " is empty");
                }
                return line;
            } catch (IOException e) {
                throw new ExitCodes.UsageException("cannot read the " + what + " file " + file + ": "
                        + e.getClass().getSimpleName());
            }
        }
        Optional<String> fromEnv = env.get(envName);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        return env.prompt().apply(capitalize(what) + ": ").map(String::new).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ExitCodes.UsageException("no " + what + ": set " + envName + ", pass a file, "
                        + "or run in a terminal to be prompted (secrets are never read from arguments)"));
    }

    /**
     * For {@code login} commands: the user name is required, the password is read as {@link #read} says.
     *
     * @return the password
     */
    static String loginPassword(CliEnvironment env, String user, Path file, String envName) {
        if (user == null || user.isBlank()) {
            throw new ExitCodes.UsageException("--user is required to log in");
        }
        return read(env, file, envName, "password");
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
