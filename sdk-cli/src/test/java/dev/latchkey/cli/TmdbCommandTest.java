package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TmdbCommandTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir).env("TMDB_API_KEY", FakeTmdb.API_KEY);
    }

    Cli.Run tmdb(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "tmdb";
        all[1] = args[0];
        all[2] = "--base-url=" + fake.baseUrl();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return cli.run(all);
    }

    @Test
    void tokenApprovalThenSession() throws Exception {
        Cli.Run token = tmdb("token");
        assertThat(token.exit()).as(token.all()).isZero();
        Matcher m = Pattern.compile("authenticate/([0-9a-f]{40})").matcher(token.out());
        assertThat(m.find()).as(token.out()).isTrue();
        assertThat(tmdb("session").exit()).isEqualTo(ExitCodes.UNAUTHORIZED); // not approved yet (code 17)
        Cli.Run again = tmdb("token");
        Matcher m2 = Pattern.compile("authenticate/([0-9a-f]{40})").matcher(again.out());
        assertThat(m2.find()).isTrue();
        fake.approveRequestToken(m2.group(1), "alice");
        Cli.Run session = tmdb("session");
        assertThat(session.exit()).as(session.all()).isZero();
        assertThat(session.out()).contains("Session kept for alice (account 548).");
        Path file = dir.resolve("sessions.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"session_id\"").doesNotContain(m2.group(1));
        assertThat(tmdb("account").out()).contains("username: alice");
    }

    @Test
    void tokenAsJsonCarriesTheTokenItselfForAScriptToFinishElsewhere() throws Exception {
        Cli.Run token = tmdb("token", "--json");
        assertThat(token.exit()).as(token.all()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(token.out());
        String value = json.get("request_token").asText();
        assertThat(value).matches("[0-9a-f]{40}");
        assertThat(json.get("approval_url").asText()).endsWith("/authenticate/" + value);
        assertThat(json.get("expires_at").asText()).isNotBlank();
    }

    @Test
    void loginFavoritesRatingsAndLogout() {
        Cli.Run login = cli.env("TMDB_PASSWORD", FakeTmdb.DEMO_PASSWORD).run("tmdb", "login", "--base-url",
                fake.baseUrl(), "--user", "alice");
        assertThat(login.exit()).as(login.all()).isZero();
        Cli.Run favorites = tmdb("favorites");
        assertThat(favorites.out().lines().count()).isEqualTo(1 + FakeTmdb.DEMO_FAVORITE_MOVIES);
        assertThat(favorites.out()).contains("TITLE", "Fight Club", "RELEASED", "1999-10-15");
        assertThat(tmdb("favorites", "--tv").out()).contains("NAME", "Game of Thrones", "FIRST AIRED", "2011-04-17")
                .doesNotContain("TITLE");
        assertThat(tmdb("favorites", "--limit", "3", "--json").out()).startsWith("[").contains("\"title\"");
        Cli.Run rate = tmdb("rate", "13", "8.5");
        assertThat(rate.exit()).as(rate.all()).isZero();
        assertThat(rate.out()).contains("Rated movie 13: 8.5");
        assertThat(tmdb("ratings").out()).contains("Forrest Gump", "8.5");
        assertThat(tmdb("rate", "13", "11").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(tmdb("rate", "1", "5").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(tmdb("rate", "1399", "7", "--tv").out()).contains("Rated show 1399: 7.0");
        assertThat(tmdb("ratings", "--tv").out()).contains("Game of Thrones");
        Cli.Run out = tmdb("logout");
        assertThat(out.exit()).as(out.all()).isZero();
        assertThat(out.out()).contains("Logged out alice.");
        assertThat(fake.activeSessions()).isZero();
        assertThat(storeText()).doesNotContain("alice"); // the session and the remembered user both went
        assertThat(tmdb("account").exit()).isEqualTo(ExitCodes.UNAUTHORIZED);
    }

    private String storeText() {
        try {
            java.nio.file.Path store = dir.resolve("sessions.json");
            return java.nio.file.Files.exists(store) ? java.nio.file.Files.readString(store) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void guestSessions() {
        assertThat(tmdb("guest").out()).contains("Guest session kept");
        assertThat(tmdb("rate", "550", "7", "--guest").exit()).isZero();
        assertThat(tmdb("ratings", "--guest").out()).contains("Fight Club", "7.0");
        assertThat(tmdb("rate", "1399", "8", "--guest", "--tv").out()).contains("Rated show 1399: 8.0");
        assertThat(tmdb("ratings", "--guest", "--tv").out()).contains("Game of Thrones", "8.0");
        assertThat(new Cli(dir.resolve("other")).env("TMDB_API_KEY", FakeTmdb.API_KEY)
                .run("tmdb", "ratings", "--guest", "--base-url", fake.baseUrl()).exit())
                .isEqualTo(ExitCodes.UNAUTHORIZED);
    }

    @Test
    void badKeysAndPasswords() {
        Cli.Run badKey = new Cli(dir).env("TMDB_API_KEY", "wrong").run("tmdb", "token", "--base-url", fake.baseUrl());
        assertThat(badKey.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
        assertThat(badKey.err()).contains("Invalid API key").doesNotContain("wrong");
        Cli.Run noKey = new Cli(dir).run("tmdb", "token", "--base-url", fake.baseUrl());
        assertThat(noKey.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noKey.err()).contains("TMDB_API_KEY");
        Cli.Run wrong = cli.env("TMDB_PASSWORD", "wrong-pass").run("tmdb", "login", "--base-url", fake.baseUrl(),
                "--user", "alice");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.INVALID_CREDENTIALS);
    }

    @Test
    void theReadAccessTokenWorksToo() {
        Cli.Run r = new Cli(dir).env("TMDB_READ_ACCESS_TOKEN", fake.readAccessToken())
                .run("tmdb", "token", "--base-url", fake.baseUrl());
        assertThat(r.exit()).as(r.all()).isZero();
    }
}
