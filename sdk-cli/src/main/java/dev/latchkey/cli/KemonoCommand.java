package dev.latchkey.cli;

import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Creator;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.kemono.model.FavoritePost;
import dev.latchkey.kemono.model.RandomCreator;
import dev.latchkey.kemono.model.RandomPost;
import dev.latchkey.kemono.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latchkey kemono ...}: Kemono (and Coomer) account commands for scripts. */
@Command(name = "kemono", mixinStandardHelpOptions = true, description = "Kemono and Coomer accounts (Coomer: "
        + "--base-url https://coomer.st/api).",
        subcommands = {KemonoCommand.Login.class, KemonoCommand.Logout.class, KemonoCommand.Account.class,
            KemonoCommand.Favorites.class, KemonoCommand.CreatorCmd.class, KemonoCommand.Random.class,
            KemonoCommand.ExportCookies.class})
public final class KemonoCommand extends ProviderCommand.Group {
    @Override
    String provider() {
        return "kemono";
    }

    @Override
    String defaultBaseUrl() {
        return KemonoClient.DEFAULT_BASE_URL;
    }

    /** The Kemono part every Kemono command shares: its client and its stored account. */
    abstract static class Sub extends ProviderCommand {
        @picocli.CommandLine.Option(names = "--cookies", paramLabel = "FILE", description = "A browser's cookies "
                + "(a Netscape cookies.txt, as browser extensions, curl and yt-dlp write it): those for the site are "
                + "sent with every call, DDoS-Guard's __ddg1_ and __ddg2_ among them.")
        java.nio.file.Path cookies;

        KemonoClient client() {
            KemonoClient.Builder b = root().proxied(KemonoClient.builder()).baseUrl(baseUrl())
                    .sessionStore(root().sessionStore());
            if (cookies != null) {
                if (!java.nio.file.Files.isRegularFile(cookies)) {
                    throw new ExitCodes.UsageException("--cookies: no file " + cookies);
                }
                b.cookies(dev.latchkey.core.auth.Cookies.fromNetscape(cookies));
            }
            return b.build();
        }

        KemonoAccount account(KemonoClient client) {
            String user = user();
            return stored(client.resume(user), "no stored Kemono session for " + user
                    + ": run 'latchkey kemono login --user " + user + "'");
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Log in and keep the session. The password comes from $KEMONO_PASSWORD, --password-file, "
                    + "or a prompt.")
    static final class Login extends Sub {
        @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password.")
        Path passwordFile;

        @Override
        public Integer call() {
            String password = SecretInput.loginPassword(env(), common.user, passwordFile, "KEMONO_PASSWORD", err());
            try (KemonoClient client = client()) {
                KemonoAccount me = client.login(common.user, password);
                rememberUser(me.username());
                out().value(me.info(), "Logged in as " + me.username() + " (account " + me.id() + ", " + me.role()
                        + ").");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true, description = "End the session, here and on Kemono.")
    static final class Logout extends Sub {
        @Override
        public Integer call() {
            try (KemonoClient client = client()) {
                KemonoAccount me;
                try {
                    me = account(client);
                } catch (ExitCodes.NotLoggedInException none) {
                    return alreadyLoggedOut(none);
                }
                me.logout();
                forgetUser();
                out().value(java.util.Map.of("logged_out", me.username()), "Logged out " + me.username() + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export-cookies", mixinStandardHelpOptions = true, description = "Write the logged-in "
            + "account's cookies (its session, and those the site set, DDoS-Guard's among them) to FILE as a Netscape "
            + "cookies.txt, readable by curl, yt-dlp, gallery-dl or a browser extension; only you may read it.")
    static final class ExportCookies extends Sub {
        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "Where to write them (replaced).")
        java.nio.file.Path file;

        @Override
        public Integer call() throws Exception {
            try (KemonoClient client = client()) {
                KemonoAccount me = account(client);
                okhttp3.HttpUrl site = client.baseUrl();
                List<dev.latchkey.core.auth.Cookie> cookies = new java.util.ArrayList<>();
                me.session().cookies().forEach((name, value) -> cookies.add(new dev.latchkey.core.auth.Cookie(name,
                        value, site.host(), false, "/", site.isHttps(), null, name.equals("session"))));
                java.nio.file.Files.deleteIfExists(file);
                try {
                    java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    java.nio.file.Files.createFile(file);
                }
                java.nio.file.Files.writeString(file, dev.latchkey.core.auth.Cookies.toNetscape(cookies));
                out().value(java.util.Map.of("file", file.toString(), "cookies", cookies.size(), "host", site.host()),
                        "Wrote " + cookies.size() + " cookies for " + site.host() + " to " + file + " (mode 600).");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "account", mixinStandardHelpOptions = true, description = "Show the logged-in account.")
    static final class Account extends Sub {
        @Override
        public Integer call() {
            try (KemonoClient client = client()) {
                var info = account(client).refresh();
                out().value(info, "id: " + info.id(), "username: " + info.username(), "role: " + info.role(),
                        "created: " + (info.createdAt() == null ? "?" : info.createdAt()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "favorites", mixinStandardHelpOptions = true, description = "List favorite creators or posts.")
    static final class Favorites extends Sub {
        @Option(names = "--type", defaultValue = "creators", paramLabel = "creators|posts",
                description = "What to list (default: ${DEFAULT-VALUE}).")
        String type;

        @Override
        public Integer call() {
            try (KemonoClient client = client()) {
                KemonoAccount me = account(client);
                if (type.equals("creators")) {
                    List<FavoriteCreator> all = Progress.collect(me.streamFavoriteCreators(), "favorites", common.json);
                    out().table(all, List.of("SERVICE", "ID", "NAME"), all.stream()
                            .map(c -> List.of(c.service().value(), c.id(), c.name())).toList());
                } else if (type.equals("posts")) {
                    List<FavoritePost> posts = me.favoritePosts();
                    out().table(posts, List.of("SERVICE", "CREATOR", "POST", "TITLE"), posts.stream()
                            .map(p -> List.of(p.post().service().value(), p.post().creatorId(), p.post().id(),
                                    p.post().title())).toList());
                } else {
                    throw new ExitCodes.UsageException("--type must be creators or posts, not " + type);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "creator", mixinStandardHelpOptions = true, description = "Show a creator's profile.")
    static final class CreatorCmd extends Sub {
        @Parameters(index = "0", paramLabel = "SERVICE", description = "fanbox, patreon, fantia, ...")
        String service;

        @Parameters(index = "1", paramLabel = "ID", description = "The creator's id on the service.")
        String id;

        @Override
        public Integer call() {
            try (KemonoClient client = client()) {
                Creator c = client.creator(Service.of(service), id).orElseThrow(() -> new NotFound(
                        "no creator " + service + "/" + id + " on " + baseUrl()));
                out().value(c, c.name() + " (" + c.service() + "/" + c.id() + "), " + (c.postCount().isPresent()
                        ? c.postCount().getAsInt() + " posts" : "post count unknown"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "random", mixinStandardHelpOptions = true, description = "Show a random post (or creator).")
    static final class Random extends Sub {
        @Option(names = "--creator", description = "A random creator instead of a post.")
        boolean creator;

        @Override
        public Integer call() {
            try (KemonoClient client = client()) {
                if (creator) {
                    RandomCreator c = client.randomCreator().orElseThrow(() -> new NotFound("Kemono has no creator"));
                    out().value(c, c.service() + "/" + c.creatorId());
                } else {
                    RandomPost p = client.randomPost().orElseThrow(() -> new NotFound("Kemono has no post"));
                    String title = client.post(p).map(post -> post.title()).orElse("?");
                    out().value(p, p.service() + "/" + p.creatorId() + "/" + p.postId() + "  " + title);
                }
            }
            return ExitCodes.OK;
        }
    }

    /** Nothing was found: exit code 5. */
    static final class NotFound extends dev.latchkey.core.error.NotFoundException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(new dev.latchkey.core.error.ApiError(404, "GET", "-", null, message, null, null));
        }

        @Override
        public String getMessage() {
            return error().serverMessage();
        }
    }
}
