package dev.latchkey.cli;

import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.LoopbackRedirectReceiver;
import dev.latchkey.core.page.Page;
import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.eternaltwin.EternaltwinAccount;
import dev.latchkey.eternaltwin.EternaltwinClient;
import dev.latchkey.eternaltwin.model.User;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latchkey eternaltwin ...}: log in through Eternaltwin's OAuth with the system browser, and read users. */
@Command(name = "eternaltwin", mixinStandardHelpOptions = true, description = "Eternaltwin: OAuth login and users.",
        subcommands = {EternaltwinCommand.Login.class, EternaltwinCommand.Logout.class, EternaltwinCommand.Self.class,
            EternaltwinCommand.UserCmd.class, EternaltwinCommand.Search.class, EternaltwinCommand.Count.class})
public final class EternaltwinCommand extends ProviderCommand.Group {
    /** The loopback port the callback is registered on unless said otherwise (the sandbox's demo client's). */
    static final int DEFAULT_PORT = 50321;
    static final String CALLBACK_PATH = "/oauth/callback";

    @Override
    String provider() {
        return "eternaltwin";
    }

    @Override
    String defaultBaseUrl() {
        return EternaltwinClient.DEFAULT_BASE_URL;
    }

    /** The Eternaltwin part every command shares: a client (with OAuth settings when logging in). */
    abstract static class Sub extends ProviderCommand {
        EternaltwinClient client() {
            return root().proxied(EternaltwinClient.builder()).baseUrl(baseUrl()).sessionStore(root().sessionStore())
                    .build();
        }

        EternaltwinAccount account(EternaltwinClient client) {
            String user = user();
            return stored(client.resume(user), "no stored Eternaltwin login for user " + user
                    + ": run 'latchkey eternaltwin login'");
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Log in with the browser: prints the authorization URL (and opens it when there is a "
                    + "desktop), then waits for Eternaltwin to send the browser back to 127.0.0.1.",
                "The client secret comes from $ETERNALTWIN_CLIENT_SECRET, --client-secret-file, or a prompt."})
    static final class Login extends Sub {
        @Option(names = "--client-id", paramLabel = "ID", description = "The registered client: <name>@clients or "
                + "its UUID (default: $ETERNALTWIN_CLIENT_ID).")
        String clientId;

        @Option(names = "--client-secret-file", paramLabel = "FILE", description = "A file whose first line is the "
                + "client secret.")
        Path secretFile;

        @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "N", description = "The loopback "
                + "port of the callback registered with Eternaltwin: http://127.0.0.1:N" + CALLBACK_PATH
                + " (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION",
                description = "How long to wait for the browser (ISO-8601, default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--no-browser", description = "Only print the URL; do not try to open a browser.")
        boolean noBrowser;

        @Override
        public Integer call() {
            String id = clientId != null ? clientId : env().get("ETERNALTWIN_CLIENT_ID").orElseThrow(() ->
                    new ExitCodes.UsageException("no client id: pass --client-id or set ETERNALTWIN_CLIENT_ID"));
            String secret = SecretInput.read(env(), secretFile, "ETERNALTWIN_CLIENT_SECRET", "client secret", err());
            try (LoopbackRedirectReceiver receiver = receiver(port);
                    EternaltwinClient client = root().proxied(EternaltwinClient.builder()).baseUrl(baseUrl())
                            .sessionStore(root().sessionStore()).clientId(id).clientSecret(secret)
                            .redirectUri(receiver.redirectUri().toString()).build()) {
                Authorization start = client.startAuthorization(timeout.plusMinutes(1), null);
                receiver.expectState(start.state()); // only this login's redirect ends the wait
                var err = spec.commandLine().getErr();
                err.println("Open this URL to log in (waiting " + Output.human(timeout) + " for the browser to "
                        + "come back to " + receiver.redirectUri() + "):");
                err.println(start.url());
                err.flush();
                if (!noBrowser) {
                    env().browser().accept(start.url());
                }
                AuthorizationCallback callback = receiver.await(timeout);
                EternaltwinAccount me = client.fromCallback(callback, start.state());
                rememberUser(me.id());
                out().value(me.user(), "Logged in as " + me.displayName() + " (user " + me.id() + ").");
            }
            return ExitCodes.OK;
        }

        /** The loopback receiver on the registered port; a port another program holds says what to do. */
        static LoopbackRedirectReceiver receiver(int port) {
            try {
                return LoopbackRedirectReceiver.start(port, CALLBACK_PATH);
            } catch (dev.latchkey.core.error.InvalidInputException e) {
                throw new ExitCodes.UsageException("--port: " + e.getMessage());
            } catch (dev.latchkey.core.error.LatchkeyException e) {
                throw new ExitCodes.UsageException(e.getMessage() + "; or, with a callback registered with "
                        + "Eternaltwin on another port, pass --port N");
            }
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Forget the stored token (Eternaltwin has no revocation: it stays valid there until it "
                    + "expires).")
    static final class Logout extends Sub {
        @Override
        public Integer call() {
            try (EternaltwinClient client = client()) {
                EternaltwinAccount me;
                try {
                    me = account(client);
                } catch (ExitCodes.NotLoggedInException none) {
                    return alreadyLoggedOut(none);
                }
                me.forget();
                forgetUser();
                out().value(Map.of("logged_out", me.id()), "Forgot the login of " + me.displayName() + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "self", mixinStandardHelpOptions = true, description = "Show who the stored token is.")
    static final class Self extends Sub {
        @Override
        public Integer call() {
            try (EternaltwinClient client = client()) {
                User u = account(client).self();
                out().value(u, "id: " + u.id(), "display name: " + u.displayName());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Show a user by id.")
    static final class UserCmd extends Sub {
        @Parameters(index = "0", paramLabel = "ID", description = "The user's UUID.")
        String id;

        @Override
        public Integer call() {
            try (EternaltwinClient client = client()) {
                User u = client.user(id).orElseThrow(() -> new KemonoCommand.NotFound("no user " + id + " on "
                        + baseUrl()));
                out().value(u, "id: " + u.id(), "display name: " + u.displayName(), "administrator: "
                        + u.administrator().map(String::valueOf).orElse("?"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Users whose name contains QUERY.")
    static final class Search extends Sub {
        @Parameters(index = "0", paramLabel = "QUERY", defaultValue = "", description = "Text to look for (none: "
                + "every user).")
        String query;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Page size (default: "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "Matches to skip.")
        int offset;

        @Option(names = "--all", description = "Every match from the offset on, page after page.")
        boolean all;

        @Override
        public Integer call() {
            try (EternaltwinClient client = client()) {
                Page<User> page = client.search(query, limit, offset);
                List<User> users = all ? page.autoPager().stream().toList() : page.items();
                out().table(users, List.of("ID", "NAME"), users.stream().map(u -> List.of(u.id(), u.displayName()))
                        .toList());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "How many users' names contain QUERY.")
    static final class Count extends Sub {
        @Parameters(index = "0", paramLabel = "QUERY", defaultValue = "", description = "Text to look for (none: "
                + "every user).")
        String query;

        @Override
        public Integer call() {
            try (EternaltwinClient client = client()) {
                long n = client.count(query);
                out().value(Map.of("count", n), String.valueOf(n));
            }
            return ExitCodes.OK;
        }
    }
}
