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
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code latchkey} command. */
@Command(name = "latchkey", mixinStandardHelpOptions = true, versionProvider = LatchkeyCommand.Version.class,
        description = "Typed account APIs (Kemono, TMDb, Eternaltwin, Karaoke Mugen) from the command line, and a demo of every flow against "
                + "embedded fake servers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:usage (bad option, missing secret)",
            "3:invalid credentials (or API key), or a refused OAuth login (state, code, denial)", "4:unauthorized: no session or it expired; log in again",
            "5:not found", "6:rate limited", "7:transport: connection refused, reset or timed out",
            "8:invalid response (HTML page, broken JSON)", "9:other provider error"},
        footer = {"", "Secrets are never read from arguments: use the environment variable or file a command names, "
                + "or answer the prompt.", "Sessions are kept in $XDG_CONFIG_HOME/latchkey/sessions.json (mode 0600), "
                + "or where --session-store / $LATCHKEY_SESSION_STORE says: a file, or redis://HOST:PORT to share "
                + "logins among machines (a password only in $LATCHKEY_SESSION_STORE). $LATCHKEY_SESSION_KEY (32 "
                + "bytes, Base64) encrypts them at rest."})
public final class LatchkeyCommand implements Runnable {
    /** The top-level commands, in the order help lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(DemoCommand.class, SandboxCommand.class,
            KemonoCommand.class, TmdbCommand.class, EternaltwinCommand.class, KaraokeCommand.class,
            AutoComplete.GenerateCompletion.class);
    final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "One line per call on standard error: operation, status, attempts, time, rate-budget "
                    + "waits, request id (secrets redacted). Twice (-vv): the HTTP exchanges' headers too.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where sessions are kept (default: $LATCHKEY_CONFIG_DIR, $XDG_CONFIG_HOME/latchkey, "
                    + "~/.config/latchkey).")
    Path configDir;

    @Option(names = "--session-store", scope = ScopeType.INHERIT, paramLabel = "FILE|URL",
            description = "Where sessions are kept: a JSON file, or redis://HOST:PORT[/DB] (rediss:// for TLS) shared "
                    + "by every machine of a fleet (default: $LATCHKEY_SESSION_STORE, else sessions.json in the "
                    + "config folder). A Redis password goes in $LATCHKEY_SESSION_STORE, never in an argument.")
    String sessionStoreSpec;

    @Option(names = "--proxy", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send every call through a proxy: http://HOST:PORT or socks5://HOST:PORT (default: "
                    + "$LATCHKEY_PROXY). Proxy credentials go in $LATCHKEY_PROXY (http://USER:PASSWORD@HOST:PORT), "
                    + "never in an argument.")
    String proxySpec;

    /**
     * @return the proxy every client of this run goes through, if any: --proxy, else $LATCHKEY_PROXY
     * @throws ExitCodes.UsageException if --proxy holds credentials (arguments show in the process list)
     */
    java.util.Optional<String> proxy() {
        if (proxySpec != null) {
            if (proxySpec.contains("@")) {
                throw new ExitCodes.UsageException("--proxy must not hold credentials (arguments show in the process "
                        + "list): put the whole URL in $LATCHKEY_PROXY");
            }
            return java.util.Optional.of(proxySpec);
        }
        return env.get("LATCHKEY_PROXY").filter(v -> !v.isBlank());
    }

    /**
     * @param builder a provider client's builder
     * @param <B> its type
     * @return it, going through the run's proxy when there is one
     */
    <B extends dev.latchkey.core.ClientBuilder<B>> B proxied(B builder) {
        proxy().ifPresent(url -> builder.options(o -> o.proxy(url)));
        return builder;
    }

    /** The store of this run, made on first use; a Redis connection is closed when the command ends. */
    private SessionStore store;
    private AutoCloseable storeResource;

    /** @param env the environment (tests pass their own) */
    public LatchkeyCommand(CliEnvironment env) {
        this.env = env;
    }

    /** Alone, {@code latchkey} is a usage mistake: the usage on standard error, exit code 2. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ExitCodes.UsageException("name a command (listed above)");
    }

    /** The build's own version (a snapshot says so), from the resource Maven fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"latchkey " + version()};
        }

        static String version() {
            try (java.io.InputStream in = LatchkeyCommand.class.getResourceAsStream("version.txt")) {
                String v = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .strip();
                return v.isEmpty() || v.startsWith("${") ? "(unknown version)" : v;
            } catch (java.io.IOException e) {
                return "(unknown version)";
            }
        }
    }

    /** @return the folder sessions are kept in */
    Path configDir() {
        return configDir != null ? configDir : env.configDir();
    }

    /** @return the session store of this run: a file, or a fleet's Redis */
    synchronized SessionStore sessionStore() {
        if (store == null) {
            store = openStore();
        }
        return store;
    }

    private SessionStore openStore() {
        String spec = sessionStoreSpec;
        if (spec != null && hasPassword(spec)) {
            throw new ExitCodes.UsageException("--session-store must not hold a password (arguments show in the "
                    + "process list): put the whole URL in $LATCHKEY_SESSION_STORE");
        }
        if (spec == null) {
            spec = env.get("LATCHKEY_SESSION_STORE").orElse(null);
        }
        dev.latchkey.core.auth.SessionCipher cipher = env.get("LATCHKEY_SESSION_KEY").map(k -> {
            try {
                return dev.latchkey.core.auth.SessionCipher.fromBase64(k);
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UsageException("$LATCHKEY_SESSION_KEY is not 32 bytes in Base64 ("
                        + e.getMessage() + "); make one with: openssl rand -base64 32");
            }
        }).orElse(null);
        if (spec != null && isRedis(spec)) {
            dev.latchkey.redis.RedisFleet.Builder b = dev.latchkey.redis.RedisFleet.builder(spec);
            if (cipher != null) {
                b.cipher(cipher);
            }
            dev.latchkey.redis.RedisFleet fleet = b.connect();
            storeResource = fleet;
            return fleet.sessionStore();
        }
        Path file = spec != null ? Path.of(spec) : configDir().resolve("sessions.json");
        return cipher == null ? SessionStore.file(file) : SessionStore.file(file, cipher);
    }

    static boolean isRedis(String spec) {
        String s = spec.strip().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("redis://") || s.startsWith("rediss://");
    }

    /**
     * @return whether a Redis URL carries credentials: {@code redis://[user]:password@host}, or the older
     *     {@code redis://password@host}
     */
    static boolean hasPassword(String spec) {
        if (!isRedis(spec)) {
            return false;
        }
        String rest = spec.substring(spec.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).contains("@");
    }

    /** Closes what the store of this run opened (a Redis connection). */
    synchronized void closeStore() {
        if (storeResource != null) {
            try {
                storeResource.close();
            } catch (Exception ignored) {
                // The command is over; a connection that does not close cleanly is dropped with the process.
            }
            storeResource = null;
        }
        store = null;
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

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** @return the first argument that is not an option or an option's value, or {@code null} */
    static String firstCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config-dir") || a.equals("--session-store")) {
                i++; // its value
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static String currentKey(String provider, String baseUrl) {
        return "cli:" + provider + ":" + baseUrl;
    }

    /** @return a command line with every command, Latchkey's exit codes and error reporting */
    public static CommandLine commandLine(CliEnvironment env) {
        return commandLine(env, null);
    }

    /**
     * A command line for these arguments: the one top-level command they name is built whole, the others only as far
     * as the root's help lists them (name and description). picocli builds a command by walking its annotations and
     * every subcommand's, which was most of a run's start-up (0.29 s of {@code latchkey --help}'s 0.45 s).
     *
     * @param env the environment
     * @param args the arguments the command line will execute
     * @return the command line
     */
    public static CommandLine commandLineFor(CliEnvironment env, String[] args) {
        String named = firstCommand(args);
        boolean known = COMMANDS.stream().anyMatch(c -> nameOf(c).equals(named));
        // The completion script lists every command's options: it needs the whole tree.
        return known && !named.equals("generate-completion") ? commandLine(env, named) : named == null
                ? commandLine(env, "") : commandLine(env, null);
    }

    /** @param only the one command to build whole, "" for none, or {@code null} for all */
    private static CommandLine commandLine(CliEnvironment env, String only) {
        LatchkeyCommand root = new LatchkeyCommand(env);
        CommandLine cl = new CommandLine(root);
        for (Class<?> command : COMMANDS) {
            String name = nameOf(command);
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command);
            } else {
                CommandSpec listed = CommandSpec.create().name(name);
                listed.usageMessage().description(command.getAnnotation(Command.class).description());
                cl.addSubcommand(name, listed);
            }
        }
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } finally {
                root.closeStore();
            }
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int exit = ExitCodes.of(e);
            String hint = ExitCodes.hint(e);
            ParseResult deepest = parseResult;
            while (deepest.hasSubcommand()) {
                deepest = deepest.subcommand();
            }
            if (deepest.hasMatchedOption("--json")) {
                // A script that asked for JSON reads its errors as JSON too, on standard error.
                commandLine.getErr().println(Output.errorJson(e, message, hint, exit));
            } else {
                // A Latchkey message shows its controls already; any other may quote a server's text as it came.
                commandLine.getErr().println("latchkey: " + Output.safe(message));
                if (hint != null) {
                    commandLine.getErr().println("latchkey: " + hint);
                }
            }
            if (root.verbose.length > 0) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exit;
        });
        return cl;
    }
}
