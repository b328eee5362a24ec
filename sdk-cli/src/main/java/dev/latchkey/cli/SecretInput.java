package dev.latchkey.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

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
     * @param err where a warning goes (a file others can read)
     * @return the secret
     * @throws ExitCodes.UsageException if none of the three gives one
     */
    static String read(CliEnvironment env, Path file, String envName, String what, PrintWriter err) {
        if (file != null) {
            warnIfOthersCanRead(file, what, err);
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
        Optional<String> typed = env.prompt().apply(capitalize(what) + ": ").map(String::new);
        if (typed.isPresent() && typed.get().isEmpty()) {
            throw new ExitCodes.UsageException("the " + what + " is empty: type it at the prompt, or set " + envName);
        }
        return typed.orElseThrow(() -> new ExitCodes.UsageException("no " + what + ": set " + envName + " or pass a "
                + "file (no terminal to prompt on; secrets are never read from arguments)"));
    }

    /**
     * For {@code login} commands: the user name is required, the password is read as {@link #read} says.
     *
     * @return the password
     */
    static String loginPassword(CliEnvironment env, String user, Path file, String envName, PrintWriter err) {
        if (user == null || user.isBlank()) {
            throw new ExitCodes.UsageException("--user is required to log in");
        }
        return read(env, file, envName, "password", err);
    }

    /**
     * Warns, as ssh does of a private key, when a secret's file can be read by its group or by anyone: the secret is
     * then not a secret on this machine. A warning, not a refusal: the file is the user's to protect.
     */
    static void warnIfOthersCanRead(Path file, String what, PrintWriter err) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return; // not POSIX, or unreadable: reading it will say so
        }
        if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
            err.println("latchkey: warning: the " + what + " file " + file + " can be read by others (mode "
                    + PosixFilePermissions.toString(mode) + "); chmod 600 it");
            err.flush();
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
