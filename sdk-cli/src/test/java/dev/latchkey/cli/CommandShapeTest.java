package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every provider subcommand takes the shared options from one mixin, and acts on the provider's own API root. */
class CommandShapeTest {
    private static final CliEnvironment ENV = new CliEnvironment(Map.of(), t -> Optional.empty(),
            Path.of("/nonexistent"));

    private static CommandLine cli() {
        return LatchkeyCommand.commandLine(ENV);
    }

    /** @return what a command line prints and returns for these arguments */
    private static String run(CommandLine cl, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(out, true));
        int exit = cl.execute(args);
        return exit + "\n" + out;
    }

    @Test
    void theCommandLineBuiltForTheArgumentsPrintsWhatTheWholeTreePrints() {
        for (String[] args : java.util.List.of(new String[] {"--help"}, new String[] {"-V"},
                new String[] {"kemono", "--help"}, new String[] {"tmdb", "login", "--help"},
                new String[] {"--config-dir", "/nonexistent", "karaoke", "--help"}, new String[] {"nosuchcommand"},
                new String[] {"eternaltwin", "search", "--help"})) {
            assertThat(run(LatchkeyCommand.commandLineFor(ENV, args), args)).as(String.join(" ", args))
                    .isEqualTo(run(cli(), args));
        }
    }

    @Test
    void onlyTheNamedCommandIsBuiltWhole() {
        CommandLine forKemono = LatchkeyCommand.commandLineFor(ENV, new String[] {"-v", "kemono", "favorites"});
        assertThat(forKemono.getSubcommands().get("kemono").getSubcommands()).containsKey("favorites");
        assertThat(forKemono.getSubcommands().get("tmdb").getSubcommands()).isEmpty();
        assertThat(forKemono.getSubcommands()).containsOnlyKeys("demo", "sandbox", "kemono", "tmdb", "eternaltwin",
                "karaoke", "generate-completion");
        CommandLine forHelp = LatchkeyCommand.commandLineFor(ENV, new String[] {"--help"});
        assertThat(forHelp.getSubcommands().values()).allSatisfy(c -> assertThat(c.getSubcommands()).isEmpty());
        // The completion script covers every command's options: the whole tree.
        assertThat(LatchkeyCommand.commandLineFor(ENV, new String[] {"generate-completion"}).getSubcommands()
                .get("tmdb").getSubcommands()).isNotEmpty();
        assertThat(LatchkeyCommand.firstCommand(new String[] {"--session-store", "redis://h:1", "-v", "tmdb"}))
                .isEqualTo("tmdb");
        assertThat(LatchkeyCommand.firstCommand(new String[] {"--config-dir=/x", "--help"})).isNull();
    }

    @Test
    void everyProviderSubcommandTakesTheSharedOptions() {
        CommandLine root = cli();
        for (String provider : new String[] {"kemono", "tmdb", "eternaltwin", "karaoke"}) {
            CommandLine group = root.getSubcommands().get(provider);
            assertThat(group.getSubcommands()).isNotEmpty();
            group.getSubcommands().forEach((name, sub) -> {
                assertThat((Object) sub.getCommand()).as(provider + " " + name).isInstanceOf(ProviderCommand.class);
                assertThat(sub.getCommandSpec().optionsMap()).as(provider + " " + name)
                        .containsKeys("--base-url", "--json", "--user");
            });
        }
        assertThat(root.getSubcommands().get("tmdb").getSubcommands().get("favorites").getCommandSpec().optionsMap())
                .containsKey("--api-key-file");
    }

    @Test
    void withoutBaseUrlACommandUsesItsProvidersPublicApi() {
        CommandLine root = cli();
        root.parseArgs("kemono", "account");
        ProviderCommand kemono = root.getSubcommands().get("kemono").getSubcommands().get("account").getCommand();
        assertThat(kemono.baseUrl()).isEqualTo(dev.latchkey.kemono.KemonoClient.DEFAULT_BASE_URL);
        root.parseArgs("tmdb", "account", "--base-url", "http://127.0.0.1:1");
        ProviderCommand tmdb = root.getSubcommands().get("tmdb").getSubcommands().get("account").getCommand();
        assertThat(tmdb.baseUrl()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void eachProviderKeysItsSessionsByItsCommandNameAndDefaultsToItsSdksBaseUrl() {
        // The name is part of every stored key: changing it would orphan the sessions users already keep.
        Map<ProviderCommand.Group, String> sdkDefaults = Map.of(
                new KemonoCommand(), dev.latchkey.kemono.KemonoClient.DEFAULT_BASE_URL,
                new TmdbCommand(), dev.latchkey.tmdb.TmdbClient.DEFAULT_BASE_URL,
                new EternaltwinCommand(), dev.latchkey.eternaltwin.EternaltwinClient.DEFAULT_BASE_URL,
                new KaraokeCommand(), dev.latchkey.karaokemugen.KaraokeMugenClient.DEFAULT_BASE_URL);
        sdkDefaults.forEach((group, sdkDefault) -> {
            assertThat(group.provider()).isEqualTo(group.getClass().getAnnotation(CommandLine.Command.class).name());
            assertThat(group.defaultBaseUrl()).as(group.provider()).isEqualTo(sdkDefault);
        });
    }

    @Test
    void aGroupOrTheRootWithoutACommandPrintsItsUsage(@org.junit.jupiter.api.io.TempDir Path dir) {
        // Issue 29: alone, latchkey (or a group) is a usage mistake: the usage on standard error, exit code 2.
        Cli.Run root = new Cli(dir).run();
        assertThat(root.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(root.out()).isEmpty();
        assertThat(root.err()).startsWith("Usage: latchkey ").contains("kemono", "tmdb", "eternaltwin", "karaoke")
                .contains("latchkey: name a command");
        for (String group : new String[] {"kemono", "tmdb", "eternaltwin", "karaoke"}) {
            Cli.Run r = new Cli(dir).run(group);
            assertThat(r.exit()).as(group).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(group).startsWith("Usage: latchkey " + group + " ").contains("login");
        }
        assertThat(new Cli(dir).run("--help").exit()).as("help asked for").isZero();
    }

    @Test
    void theVersionIsTheBuildsAndTheHelpSpeaksOfEachProvider(@org.junit.jupiter.api.io.TempDir Path dir) {
        // Issue 29: --version said 0.1.0 for a 0.1.0-SNAPSHOT build; --base-url's help named Coomer everywhere.
        Cli.Run version = new Cli(dir).run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("latchkey " + LatchkeyCommand.Version.version())
                .doesNotContain("${").doesNotContain("unknown");
        assertThat(LatchkeyCommand.Version.version()).isEqualTo(System.getProperty("latchkey.version"));
        assertThat(new Cli(dir).run("tmdb", "login", "--help").out()).doesNotContain("Coomer");
        assertThat(new Cli(dir).run("kemono", "--help").out()).contains("coomer.st");
    }

    @Test
    void durationsAreSaidAsPeopleSayThem() {
        assertThat(Output.human(java.time.Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(Output.human(java.time.Duration.ofSeconds(5400))).isEqualTo("1 hour 30 minutes");
        assertThat(Output.human(java.time.Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
        assertThat(Output.human(java.time.Duration.ZERO)).isEqualTo("0 seconds");
        assertThat(Output.human(java.time.Duration.ofHours(2))).isEqualTo("2 hours");
    }
}
