package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code latchkey karaoke ...} in-process against the fake. */
class KaraokeCommandTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
    }

    Cli.Run run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--base-url";
        all[args.length + 1] = fake.baseUrl();
        return cli.run(all);
    }

    @Test
    void theOperatorLogsInWithTheCodeAndManagesUsers() {
        Cli.Run login = cli.env("KARAOKE_PASSWORD", FakeKaraokeMugen.OPERATOR_PASSWORD)
                .env("KARAOKE_SECURITY_CODE", fake.securityCode())
                .run("karaoke", "login", "--operator", "--user", "admin", "--base-url", fake.baseUrl());
        assertThat(login.exit()).as(login.all()).isZero();
        assertThat(login.out()).contains("Logged in as admin (operator).");
        assertThat(run("karaoke", "whoami").out()).contains("admin (admin)");
        Cli.Run create = cli.env("KARAOKE_NEW_PASSWORD", "carol-password").run("karaoke", "create", "carol",
                "--nickname", "Caro", "--base-url", fake.baseUrl());
        assertThat(create.exit()).as(create.all()).isZero();
        assertThat(create.out()).contains("Created carol.");
        // With the operator's stored session (no --user given), --type is honoured: the call is the operator's.
        Cli.Run erin = cli.env("KARAOKE_NEW_PASSWORD", "erin-password").run("karaoke", "create", "erin", "--type",
                "operator", "--base-url", fake.baseUrl());
        assertThat(erin.exit()).as(erin.all()).isZero();
        assertThat(fake.userType("erin")).isZero();
        Cli.Run users = run("karaoke", "users");
        assertThat(users.out()).contains("LOGIN", "carol", "Caro", "bob");
        assertThat(run("karaoke", "edit", "carol", "--type", "operator").out()).contains("Edited carol.");
        assertThat(fake.userType("carol")).isZero();
        assertThat(run("karaoke", "edit", "carol", "--nickname", "Carolina").exit()).isZero();
        assertThat(run("karaoke", "user", "carol").out()).contains("Carolina");
        assertThat(run("karaoke", "user", "carol", "--json").out()).contains("\"login\" : \"carol\"");
        assertThat(run("karaoke", "delete", "carol").out()).contains("Deleted carol.");
        assertThat(run("karaoke", "delete", "erin").exit()).isZero();
        assertThat(fake.logins()).doesNotContain("carol");
        Cli.Run admin = run("karaoke", "delete", "admin");
        assertThat(admin.exit()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(admin.err()).contains("USER_DELETE_ADMIN_DAMEDESU");
        assertThat(login.all() + users.all()).doesNotContain(FakeKaraokeMugen.OPERATOR_PASSWORD);
    }

    @Test
    void usersGuestsPasswordsAndExitCodes() {
        Cli.Run wrong = cli.env("KARAOKE_PASSWORD", "not-the-password").run("karaoke", "login", "--user", "alice",
                "--base-url", fake.baseUrl());
        assertThat(wrong.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        Cli.Run alice = cli.env("KARAOKE_PASSWORD", FakeKaraokeMugen.DEMO_PASSWORD).run("karaoke", "login",
                "--user", "alice", "--base-url", fake.baseUrl());
        assertThat(alice.exit()).as(alice.all()).isZero();
        Cli.Run songs = run("karaoke", "anime-list", "--limit", "3");
        assertThat(songs.out()).contains("Song 1", "Song 3").doesNotContain("Song 4");
        Cli.Run forbidden = run("karaoke", "delete", "bob");
        assertThat(forbidden.exit()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(forbidden.err()).contains("ADMIN_PLEASE");
        assertThat(run("karaoke", "user", "bob").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        Cli.Run badCode = cli.env("KARAOKE_NEW_PASSWORD", "brand-new-pw").env("KARAOKE_SECURITY_CODE", "000000")
                .run("karaoke", "reset-password", "alice", "--base-url", fake.baseUrl());
        assertThat(badCode.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        Cli.Run reset = cli.env("KARAOKE_SECURITY_CODE", fake.securityCode()).run("karaoke", "reset-password",
                "alice", "--base-url", fake.baseUrl());
        assertThat(reset.exit()).as(reset.all()).isZero();
        assertThat(reset.out()).contains("The password of alice was changed.");
        Cli.Run guest = run("karaoke", "guest");
        assertThat(guest.out()).contains("Logged in as guest guest-");
        assertThat(run("karaoke", "whoami").out()).as("the guest is remembered").contains("guest-");
        Cli.Run lan = cli.run("karaoke", "users", "--user", "alice", "--base-url", "http://192.168.1.20:1337");
        assertThat(lan.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(lan.err()).contains("opt-in");
        assertThat(run("karaoke", "edit", "bob").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anAccountIsCreatedAnonymouslyWithoutAStoredSessionAndSendsTheCodeOnlyWhenAsked() {
        fake.requireSecurityCodeForNewAccounts(true);
        try {
            Cli.Run noCode = cli.env("KARAOKE_NEW_PASSWORD", "dave-password").run("karaoke", "create", "dave",
                    "--base-url", fake.baseUrl());
            assertThat(noCode.exit()).as(noCode.all()).isNotZero();
            assertThat(fake.logins()).doesNotContain("dave");
            Cli.Run withCode = cli.env("KARAOKE_SECURITY_CODE", fake.securityCode()).run("karaoke", "create", "dave",
                    "--with-code", "--nickname", "Dave", "--base-url", fake.baseUrl());
            assertThat(withCode.exit()).as(withCode.all()).isZero();
            assertThat(withCode.out()).contains("Created dave.");
        } finally {
            fake.requireSecurityCodeForNewAccounts(false);
        }
        assertThat(fake.logins()).contains("dave");
        assertThat(fake.userType("dave")).isEqualTo(1);
    }
}
