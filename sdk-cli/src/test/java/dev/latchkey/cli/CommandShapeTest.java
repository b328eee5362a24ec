package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every provider subcommand takes the shared options from one mixin, and acts on the provider's own API root. */
class CommandShapeTest {
    private static CommandLine cli() {
        return new CommandLine(new LatchkeyCommand(new CliEnvironment(Map.of(), t -> Optional.empty(),
                Path.of("/nonexistent"))));
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
}
