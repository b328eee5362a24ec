package dev.latchkey.cli;

import dev.latchkey.core.auth.Session;
import dev.latchkey.tmdb.GuestSession;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import dev.latchkey.tmdb.model.AccountDetails;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import dev.latchkey.tmdb.model.RequestToken;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latchkey tmdb ...}: TMDb authentication and account commands for scripts. */
@Command(name = "tmdb", mixinStandardHelpOptions = true,
        description = "TMDb. The API key comes from $TMDB_API_KEY (or $TMDB_READ_ACCESS_TOKEN) or --api-key-file.",
        subcommands = {TmdbCommand.Token.class, TmdbCommand.SessionCmd.class, TmdbCommand.Login.class,
            TmdbCommand.Guest.class, TmdbCommand.Account.class, TmdbCommand.Favorites.class, TmdbCommand.Rate.class,
            TmdbCommand.Ratings.class, TmdbCommand.Logout.class})
public final class TmdbCommand extends ProviderCommand.Group {
    @Override
    String provider() {
        return "tmdb";
    }

    @Override
    String defaultBaseUrl() {
        return TmdbClient.DEFAULT_BASE_URL;
    }

    /** The TMDb part every TMDb command shares: the application's credentials, its client and stored sessions. */
    abstract static class Sub extends ProviderCommand {
        static final String PENDING = "pending-request-token";

        @Option(names = "--api-key-file", paramLabel = "FILE", description = "A file whose first line is the API key.")
        Path apiKeyFile;

        TmdbClient client() {
            TmdbClient.Builder b = root().proxied(TmdbClient.builder()).baseUrl(baseUrl())
                    .sessionStore(root().sessionStore());
            var token = env().get("TMDB_READ_ACCESS_TOKEN");
            if (token.isPresent() && apiKeyFile == null) {
                b.readAccessToken(token.get());
            } else {
                b.apiKey(SecretInput.read(env(), apiKeyFile, "TMDB_API_KEY", "TMDb API key", err()));
            }
            return b.build();
        }

        TmdbAccount account(TmdbClient client) {
            String user = user();
            return stored(client.resume(user), "no stored TMDb session for " + user
                    + ": run 'latchkey tmdb login' or 'latchkey tmdb session'");
        }

        GuestSession guest(TmdbClient client) {
            return stored(client.resumeGuest(), "no stored guest session: run 'latchkey tmdb guest'");
        }

        String pendingKey() {
            return "cli:tmdb:" + baseUrl() + ":" + PENDING;
        }

        void print(TmdbAccount me) {
            out().value(Map.of("account_id", me.id(), "username", me.username()),
                    "Session kept for " + me.username() + " (account " + me.id() + ").");
            rememberUser(me.username());
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create a request token and print the URL where the user approves it; then run "
                    + "'latchkey tmdb session'.")
    static final class Token extends Sub {
        @Option(names = "--redirect-to", paramLabel = "URL", description = "Where TMDb sends the user after approval.")
        URI redirectTo;

        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                RequestToken token = client.auth().createRequestToken();
                root().sessionStore().save(pendingKey(), Session.builder("cli").token("request_token",
                        token.value()).expiresAt(token.expiresAt()).build());
                URI approve = token.approvalUrl(redirectTo);
                // The token is in the approval URL anyway; a script needs it on its own to finish the flow elsewhere
                // (TmdbAuth.createSession(String)).
                out().value(Map.of("request_token", token.value(), "approval_url", approve.toString(), "expires_at",
                        token.expiresAt().toString()),
                        "Approve at: " + approve, "Then run: latchkey tmdb session   (before " + token.expiresAt()
                                + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "session", mixinStandardHelpOptions = true,
            description = "Turn the approved request token from 'latchkey tmdb token' into a session.")
    static final class SessionCmd extends Sub {
        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                Session pending = root().sessionStore().load(pendingKey()).orElseThrow(() ->
                        new ExitCodes.UsageException("no pending request token: run 'latchkey tmdb token' first"));
                RequestToken token = new RequestToken(pending.token("request_token").orElseThrow(),
                        pending.expiresAt().orElseThrow());
                TmdbAccount me = client.account(client.auth().createSession(token));
                root().sessionStore().delete(pendingKey());
                print(me);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Log in with user name and password (TMDb discourages this; prefer token + session). "
                    + "The password comes from $TMDB_PASSWORD, --password-file, or a prompt.")
    static final class Login extends Sub {
        @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password.")
        Path passwordFile;

        @Override
        public Integer call() {
            String password = SecretInput.loginPassword(env(), common.user, passwordFile, "TMDB_PASSWORD", err());
            try (TmdbClient client = client()) {
                TmdbSession session = client.auth().login(common.user, password);
                print(client.account(session));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "guest", mixinStandardHelpOptions = true, description = "Create a guest session (kept; TMDb "
            + "deletes it if unused for 24 hours).")
    static final class Guest extends Sub {
        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                GuestSession g = client.auth().createGuestSession();
                String expires = g.expiresAt().map(Object::toString).orElse("?");
                out().value(Map.of("expires_at", expires), "Guest session kept; it expires at " + expires
                        + " unless used.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "account", mixinStandardHelpOptions = true, description = "Show the account's details.")
    static final class Account extends Sub {
        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                AccountDetails d = account(client).details();
                out().value(d, "id: " + d.id(), "username: " + d.username(), "name: " + d.name(),
                        "language: " + d.language(), "country: " + d.country());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "favorites", mixinStandardHelpOptions = true, description = "List favorite movies (or shows), "
            + "walking TMDb's pages.")
    static final class Favorites extends Sub {
        @Option(names = "--tv", description = "TV shows instead of movies.")
        boolean tv;

        @Option(names = "--limit", defaultValue = "10000", description = "At most this many (default: all).")
        int limit;

        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                TmdbAccount me = account(client);
                // The bar is cleared before the table is printed (it used to be drawn into the table's header).
                var pager = tv ? me.favoriteTv() : me.favoriteMovies();
                // TMDb says how many there are: the bar shows a percentage, bounded by --limit.
                java.util.OptionalLong total = pager.totalItems().isPresent() ? java.util.OptionalLong.of(Math.min(
                        pager.totalItems().getAsLong(), limit)) : java.util.OptionalLong.empty();
                List<Object> values = Progress.collect(pager.stream().map(x -> (Object) x).limit(limit), "favorites",
                        common.json, total);
                List<List<String>> rows = new ArrayList<>();
                for (Object item : values) {
                    if (item instanceof dev.latchkey.tmdb.model.Movie m) {
                        rows.add(List.of(String.valueOf(m.id()), m.releaseDate().map(d -> d.toString()).orElse(""),
                                m.title()));
                    } else if (item instanceof dev.latchkey.tmdb.model.TvShow s) {
                        rows.add(List.of(String.valueOf(s.id()), s.firstAirDate().map(d -> d.toString()).orElse(""),
                                s.name()));
                    }
                }
                out().table(values, List.of("ID", tv ? "FIRST AIRED" : "RELEASED", tv ? "NAME" : "TITLE"), rows);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rate", mixinStandardHelpOptions = true, description = "Rate a movie (or show), 0.5 to 10.")
    static final class Rate extends Sub {
        @Parameters(index = "0", paramLabel = "ID", description = "TMDb movie (or series) id.")
        int id;

        @Parameters(index = "1", paramLabel = "VALUE", description = "0.5 to 10, in steps of 0.5.")
        double value;

        @Option(names = "--tv", description = "A TV show.")
        boolean tv;

        @Option(names = "--guest", description = "With the stored guest session instead of the account.")
        boolean guest;

        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                if (guest) {
                    GuestSession g = guest(client);
                    if (tv) {
                        g.rateTv(id, value);
                    } else {
                        g.rateMovie(id, value);
                    }
                } else {
                    TmdbAccount me = account(client);
                    if (tv) {
                        me.rateTv(id, value);
                    } else {
                        me.rateMovie(id, value);
                    }
                }
                out().value(Map.of("id", id, "rating", value), "Rated " + (tv ? "show " : "movie ") + id + ": "
                        + value);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ratings", mixinStandardHelpOptions = true, description = "List rated movies (or shows).")
    static final class Ratings extends Sub {
        @Option(names = "--tv", description = "TV shows instead of movies.")
        boolean tv;

        @Option(names = "--guest", description = "The stored guest session's ratings.")
        boolean guest;

        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                List<Object> values = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                if (tv) {
                    var pager = guest ? guest(client).ratedTv() : account(client).ratedTv();
                    for (RatedTvShow r : pager) {
                        values.add(r);
                        rows.add(List.of(String.valueOf(r.show().id()), String.valueOf(r.rating()), r.show().name()));
                    }
                } else {
                    var pager = guest ? guest(client).ratedMovies() : account(client).ratedMovies();
                    for (RatedMovie r : pager) {
                        values.add(r);
                        rows.add(List.of(String.valueOf(r.movie().id()), String.valueOf(r.rating()),
                                r.movie().title()));
                    }
                }
                out().table(values, List.of("ID", "RATING", tv ? "NAME" : "TITLE"), rows);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true, description = "Delete the session on TMDb and here.")
    static final class Logout extends Sub {
        @Override
        public Integer call() {
            try (TmdbClient client = client()) {
                TmdbAccount me;
                try {
                    me = account(client);
                } catch (ExitCodes.NotLoggedInException none) {
                    return alreadyLoggedOut(none);
                }
                String name = me.username();
                me.logout();
                forgetUser();
                out().value(Map.of("logged_out", name), "Logged out " + name + ".");
            }
            return ExitCodes.OK;
        }
    }
}
