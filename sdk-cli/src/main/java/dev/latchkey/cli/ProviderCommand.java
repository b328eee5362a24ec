package dev.latchkey.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every provider subcommand ({@code latchkey kemono favorites}, {@code latchkey tmdb login}, ...) shares: the
 * common options, the output, which user it acts as, and the sessions kept between runs. A provider's commands
 * extend it once (their own {@code Sub}) and add only what is theirs.
 */
abstract class ProviderCommand implements Callable<Integer> {
    @ParentCommand
    Group group;

    @Spec
    CommandSpec spec;

    @Mixin
    Options common;

    /** Options every provider command takes; a picocli mixin. */
    static final class Options {
        @Option(names = "--base-url", paramLabel = "URL", description = "API root (default: the provider's public "
                + "API; `latchkey sandbox` prints its fakes' URLs to try things).")
        String baseUrl;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--user", paramLabel = "NAME", description = "Act as this user (default: the last login).")
        String user;
    }

    /** A provider's command group ({@code latchkey kemono}): its name and public API root; prints its usage. */
    abstract static class Group implements Runnable {
        @ParentCommand
        LatchkeyCommand root;

        @Spec
        CommandSpec spec;

        /** @return the provider's short name, for stored sessions and messages */
        abstract String provider();

        /** @return the public API root used without {@code --base-url} */
        abstract String defaultBaseUrl();

        /** Alone, a group is a usage mistake: its usage on standard error, exit code 2. */
        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getErr());
            throw new ExitCodes.UsageException("name a " + provider() + " command (listed above)");
        }
    }

    LatchkeyCommand root() {
        return group.root;
    }

    CliEnvironment env() {
        return group.root.env;
    }

    String baseUrl() {
        return common.baseUrl != null ? common.baseUrl : group.defaultBaseUrl();
    }

    java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Output out() {
        return new Output(spec.commandLine().getOut(), common.json);
    }

    /** @return the user this command acts as: {@code --user}, else the last login on this base URL */
    String user() {
        return group.root.user(group.provider(), baseUrl(), common.user);
    }

    /** @return what the store held, or the "not logged in" failure that says which command to run */
    static <A> A stored(Optional<A> found, String missing) {
        return found.orElseThrow(() -> new ExitCodes.NotLoggedInException(missing));
    }

    void rememberUser(String username) {
        group.root.rememberUser(group.provider(), baseUrl(), username);
    }

    void forgetUser() {
        group.root.forgetUser(group.provider(), baseUrl());
    }

    /**
     * What {@code logout} answers when there is nothing to log out: success (exit 0), as {@code rm -f} on a missing
     * file, since the state the user asked for holds.
     *
     * @param why what said so
     * @return {@link ExitCodes#OK}
     */
    Integer alreadyLoggedOut(ExitCodes.NotLoggedInException why) {
        out().value(java.util.Map.of("was_logged_in", false), why.getMessage() + ": nothing to log out.");
        return ExitCodes.OK;
    }
}
