package dev.latchkey.cli;

import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import java.nio.file.Path;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code latchkey} command. */
@Command(name = "latchkey", mixinStandardHelpOptions = true, version = "latchkey 0.1.0",
        description = "Typed account APIs (Kemono, TMDb, Eternaltwin, Karaoke Mugen) from the command line, and a demo of every flow against "
                + "embedded fake servers.",
        subcommands = {DemoCommand.class, SandboxCommand.class, KemonoCommand.class, TmdbCommand.class,
            EternaltwinCommand.class, KaraokeCommand.class,
            AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:usage (bad option, missing secret)",
            "3:invalid credentials (or API key), or a refused OAuth login (state, code, denial)", "4:unauthorized: no session or it expired; log in again",
            "5:not found", "6:rate limited", "7:transport: connection refused, reset or timed out",
            "8:invalid response (HTML page, broken JSON)", "9:other provider error"},
        footer = {"", "Secrets are never read from arguments: use the environment variable or file a command names, "
                + "or answer the prompt.", "Sessions are kept in $XDG_CONFIG_HOME/latchkey/sessions.json (mode 0600)."})
public final class LatchkeyCommand implements Runnable {
    final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log HTTP exchanges to standard error (secrets redacted).")
    boolean verbose;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where sessions are kept (default: $LATCHKEY_CONFIG_DIR, $XDG_CONFIG_HOME/latchkey, "
                    + "~/.config/latchkey).")
    Path configDir;

    /** @param env the environment (tests pass their own) */
    public LatchkeyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return the folder sessions are kept in */
    Path configDir() {
        return configDir != null ? configDir : env.configDir();
    }

    /** @return the file session store */
    SessionStore sessionStore() {
        return SessionStore.file(configDir().resolve("sessions.json"));
    }

    /** Remembers which user a provider's commands act as. */
    void rememberUser(String provider, String baseUrl, String username) {
        sessionStore().save(currentKey(provider, baseUrl), Session.builder("cli").attribute("username", username)
                .build());
    }

    /** Forgets the remembered user. */
    void forgetUser(String provider, String baseUrl) {
        sessionStore().delete(currentKey(provider, baseUrl));
    }

    /** @return the user given, else the one remembered at login */
    String user(String provider, String baseUrl, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        Optional<String> remembered = sessionStore().load(currentKey(provider, baseUrl))
                .flatMap(s -> s.attribute("username"));
        return remembered.orElseThrow(() -> new ExitCodes.NotLoggedInException("not logged in to " + provider
                + " at " + baseUrl + ": run 'latchkey " + provider + " login' first"));
    }

    private static String currentKey(String provider, String baseUrl) {
        return "cli:" + provider + ":" + baseUrl;
    }

    /** @return a command line with Latchkey's exit codes and error reporting */
    public static CommandLine commandLine(CliEnvironment env) {
        LatchkeyCommand root = new LatchkeyCommand(env);
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            commandLine.getErr().println("latchkey: " + message);
            if (root.verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return ExitCodes.of(e);
        });
        return cl;
    }
}
