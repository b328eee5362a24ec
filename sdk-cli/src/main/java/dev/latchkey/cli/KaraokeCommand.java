package dev.latchkey.cli;

import dev.latchkey.karaokemugen.KaraokeMugenAccount;
import dev.latchkey.karaokemugen.KaraokeMugenClient;
import dev.latchkey.karaokemugen.model.AuthInfo;
import dev.latchkey.karaokemugen.model.Kara;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.User;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.karaokemugen.model.UserType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latchkey karaoke ...}: the Karaoke Mugen App's users, for scripts. */
@Command(name = "karaoke", mixinStandardHelpOptions = true, description = "Karaoke Mugen App users.",
        subcommands = {KaraokeCommand.Login.class, KaraokeCommand.Guest.class, KaraokeCommand.WhoAmI.class,
            KaraokeCommand.Users.class, KaraokeCommand.UserCmd.class, KaraokeCommand.Create.class,
            KaraokeCommand.Edit.class, KaraokeCommand.Delete.class, KaraokeCommand.ResetPassword.class,
            KaraokeCommand.AnimeList.class})
public final class KaraokeCommand extends ProviderCommand.Group {
    @Override
    String provider() {
        return "karaoke";
    }

    @Override
    String defaultBaseUrl() {
        return KaraokeMugenClient.DEFAULT_BASE_URL;
    }

    /** The Karaoke Mugen part every command shares: its client and its stored account. */
    abstract static class Sub extends ProviderCommand {
        @Option(names = "--lan", description = "Allow plain http to a private-network address (the app on another "
                + "machine of the LAN, e.g. http://192.168.1.20:1337). Everything crosses the LAN unencrypted.")
        boolean lan;

        KaraokeMugenClient client() {
            KaraokeMugenClient.Builder b = root().proxied(KaraokeMugenClient.builder()).baseUrl(baseUrl())
                    .sessionStore(root().sessionStore());
            return b.options(o -> o.allowPlainHttpOnPrivateNetwork(lan)).build();
        }

        KaraokeMugenAccount account(KaraokeMugenClient client) {
            String user = user();
            return stored(client.resume(user), "no stored Karaoke Mugen session for " + user
                    + ": run 'latchkey karaoke login --user " + user + "'");
        }

        String newPassword(Path file) {
            return SecretInput.read(env(), file, "KARAOKE_NEW_PASSWORD", "new password", err());
        }

        String securityCode() {
            return SecretInput.read(env(), null, "KARAOKE_SECURITY_CODE", "security code", err());
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Log in and keep the session. The password comes from $KARAOKE_PASSWORD, --password-file, "
                    + "or a prompt; with --operator, the app's security code from $KARAOKE_SECURITY_CODE or a prompt.")
    static final class Login extends Sub {
        @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password.")
        Path passwordFile;

        @Option(names = "--operator", description = "Become the operator with the app's security code.")
        boolean operator;

        @Override
        public Integer call() {
            String password = SecretInput.loginPassword(env(), common.user, passwordFile, "KARAOKE_PASSWORD", err());
            try (KaraokeMugenClient client = client()) {
                KaraokeMugenAccount me = operator ? client.login(common.user, password, securityCode())
                        : client.login(common.user, password);
                rememberUser(me.username());
                out().value(Map.of("username", me.username(), "role", me.role().role()), "Logged in as " + me.username()
                        + " (" + me.role() + ").");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "guest", mixinStandardHelpOptions = true, description = "Log in as a free guest account.")
    static final class Guest extends Sub {
        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                KaraokeMugenAccount me = client.loginGuest();
                rememberUser(me.username());
                out().value(Map.of("username", me.username(), "role", me.role().role()), "Logged in as guest "
                        + me.username() + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "What the app says of the stored token.")
    static final class WhoAmI extends Sub {
        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                AuthInfo a = account(client).checkAuth();
                out().value(a, a.username() + " (" + a.role() + ")");
            }
            return ExitCodes.OK;
        }
    }

    /** A type the app left out is shown as unknown. */
    static String typeName(java.util.Optional<UserType> type) {
        return type.map(Object::toString).orElse("unknown");
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "List the users (the operator sees all).")
    static final class Users extends Sub {
        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                List<UserSummary> users = account(client).users();
                out().table(users, List.of("LOGIN", "NICKNAME", "TYPE", "PUBLIC", "LOGGED-IN"), users.stream()
                        .map(u -> List.of(u.login(), String.valueOf(u.nickname()), typeName(u.type()),
                                String.valueOf(u.publicProfile()), String.valueOf(u.loggedIn()))).toList());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Show a user's profile.")
    static final class UserCmd extends Sub {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The user's login.")
        String login;

        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                User u = account(client).user(login).orElseThrow(() -> new KemonoCommand.NotFound("no user " + login
                        + " the caller may see on " + baseUrl()));
                out().value(u, "login: " + u.login(), "nickname: " + u.nickname(), "type: " + typeName(u.type()),
                        "public: " + u.publicProfile());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an account: with the stored session when there is one (an operator's may set "
                    + "--type), else anonymously.", "Its password comes from $KARAOKE_NEW_PASSWORD, "
                    + "--new-password-file or a prompt; --with-code sends $KARAOKE_SECURITY_CODE (or a prompt)."})
    static final class Create extends Sub {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The new login.")
        String login;

        @Option(names = "--nickname", paramLabel = "NAME", description = "The name shown.")
        String nickname;

        @Option(names = "--type", paramLabel = "operator|user|guest", description = "The type (operator only).")
        String type;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "A file whose first line is the "
                + "new account's password.")
        Path passwordFile;

        @Option(names = "--with-code", description = "Send the app's security code (when it asks for one).")
        boolean withCode;

        @Override
        public Integer call() {
            NewUser user = NewUser.of(login, newPassword(passwordFile));
            if (nickname != null) {
                user = user.withNickname(nickname);
            }
            if (type != null) {
                user = user.withType(type(type));
            }
            if (withCode) {
                user = user.withSecurityCode(securityCode());
            }
            try (KaraokeMugenClient client = client()) {
                boolean loggedIn = common.user != null || hasRemembered();
                if (loggedIn) {
                    account(client).createUser(user);
                } else {
                    client.createUser(user);
                }
                out().value(Map.of("created", user.login()), "Created " + user.login() + ".");
            }
            return ExitCodes.OK;
        }

        private boolean hasRemembered() {
            try {
                user();
                return true;
            } catch (ExitCodes.NotLoggedInException none) {
                return false;
            }
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Edit another account (operator): its nickname, its type.")
    static final class Edit extends Sub {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The account's login.")
        String login;

        @Option(names = "--nickname", paramLabel = "NAME", description = "A new nickname.")
        String nickname;

        @Option(names = "--type", paramLabel = "operator|user|guest", description = "A new type.")
        String type;

        @Override
        public Integer call() {
            if (nickname == null && type == null) {
                throw new ExitCodes.UsageException("nothing to edit: give --nickname or --type");
            }
            try (KaraokeMugenClient client = client()) {
                KaraokeMugenAccount op = account(client);
                if (nickname != null) {
                    op.editUser(login, ProfileEdit.empty().nickname(nickname));
                }
                if (type != null) {
                    op.setUserType(login, type(type));
                }
                out().value(Map.of("edited", login), "Edited " + login + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete another account (operator).")
    static final class Delete extends Sub {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The account's login.")
        String login;

        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                account(client).deleteUser(login);
                out().value(Map.of("deleted", login), "Deleted " + login + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password with the app's security code ($KARAOKE_SECURITY_CODE or a prompt); the "
                    + "password from $KARAOKE_NEW_PASSWORD, --new-password-file or a prompt.")
    static final class ResetPassword extends Sub {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "The account's login.")
        String login;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "A file whose first line is the "
                + "new password.")
        Path passwordFile;

        @Override
        public Integer call() {
            String password = newPassword(passwordFile);
            try (KaraokeMugenClient client = client()) {
                client.resetUserPassword(login, password, securityCode());
                out().value(Map.of("reset", login), "The password of " + login + " was changed.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "anime-list", mixinStandardHelpOptions = true, description = "The songs of the anime list.")
    static final class AnimeList extends Sub {
        @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N songs (default: "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            try (KaraokeMugenClient client = client()) {
                List<Kara> songs = account(client).animeList().stream().limit(Math.max(0, limit)).toList();
                out().table(songs, List.of("KID", "TITLE", "SERIES"), songs.stream().map(k -> List.of(k.kid(),
                        String.valueOf(k.title()), String.join(", ", k.series()))).toList());
            }
            return ExitCodes.OK;
        }
    }

    static UserType type(String name) {
        return switch (name) {
            case "operator", "admin", "0" -> UserType.OPERATOR;
            case "user", "1" -> UserType.USER;
            case "guest", "2" -> UserType.GUEST;
            default -> throw new ExitCodes.UsageException("--type must be operator, user or guest, not " + name);
        };
    }
}
