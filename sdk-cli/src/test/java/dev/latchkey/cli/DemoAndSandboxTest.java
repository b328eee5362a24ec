package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.nio.file.Path;
import java.util.List;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoAndSandboxTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryFlowAndExitsZero() {
        Cli.Run demo = new Cli(dir).run("demo");
        assertThat(demo.exit()).as(demo.all()).isZero();
        assertThat(demo.out()).contains("Kemono (fake server on http://127.0.0.1:", "TMDb (fake server on",
                "log in as alice", "favorites behind a 429 (Retry-After: 1)", "BotChallengeException",
                "InvalidCredentialsException", "favorite movies, walked across pages", "45 movies over 3 pages",
                "rate as the guest", "all as expected").doesNotContain("FAIL");
        assertThat(demo.all()).doesNotContain(FakeKemono.DEMO_PASSWORD, FakeTmdb.API_KEY, "a-new-demo-pass");
        // Each step's own result, not only its "ok": a step that skipped its call would still print ok.
        assertThat(demo.out()).contains("account 1, consumer, session cookie kept",
                "2: someone (fanbox), artsy (patreon)", "now 3 favorites", "answered 429 1 time, waited as asked, retried, got 3 creators",
                "HTTP 403 on GET /v1/account/favorites", "HTTP 400 on POST /v1/authentication/login",
                "0 sessions after the logout; logged in again as alice",
                "2 favorites; the site's __ddg9_ kept in the session: true", "approved at https://www.themoviedb.org/authenticate/***",
                "account 548 (alice)", "first \"Fight Club\"", "TMDb now says 9.5", "favorite: false",
                "the guest has 1 rating", "answered 429 1 time, waited as asked, retried, got 5 movies", "(code: 30)",
                "0 sessions left on the server",
                        "3 accounts, 1 login on the server", "6 favorites read, 1 re-login for the whole fleet")
                .containsPattern("random post +\\d+ ms  \"[^\"]+ — update \\d\" \\([a-z]+/\\w+/\\d+\\)")
                .containsPattern("create a request token +\\d+ ms  valid until 20\\d\\d-")
                .containsPattern("create a guest session +\\d+ ms  valid until 20\\d\\d-.* unless used")
                .containsPattern("(?m)^41 steps, all as expected, in \\d+ ms\\.$")
                .containsPattern("2 favorites from 127\\.0\\.0\\.1:\\d+, the same session, no code of ours");
        assertThat(demo.out()).contains("Eternaltwin (fake server on http://127.0.0.1:", "8 parameters, state valid until",
                "sent back to http://127.0.0.1:50321/oauth/callback with a code and the state",
                "the token is Alice's (user ", "Demurgos, administrator: true", "Fleet mode: Kemono shared through the redis-server at redis://127.0.0.1:", "user1, user2 over 2 pages",
                "5 users, 2 match \"user\"", "InvalidStateException: OAuth state signature is invalid",
                "the same redirect again", "InvalidStateException: OAuth state was already used")
                .doesNotContain(FakeEternaltwin.DEMO_CLIENT_SECRET);
        assertThat(demo.out()).contains("Karaoke Mugen (fake server on http://127.0.0.1:",
                "admin is operator, the code is now used up", "carol created; the operator sees 7 users",
                "HTTP 411 on POST /api/command: createUser: the password must have at least 8 characters",
                "now carol@kara.moe, with an online token", "now carol again",
                "30 songs over 5 pages, first \"Song 1\"", "(code: NOT_GUEST)")
                .doesNotContain(FakeKaraokeMugen.OPERATOR_PASSWORD, "carol-demo-pass");
        assertThat(demo.out()).containsPattern("who is this token \\(auth/self\\) +\\d+ ms  Alice\n")
                .containsPattern("log in as carol +\\d+ ms  carol \\(user\\)")
                .containsPattern("log in as a guest +\\d+ ms  guest-\\w+ \\(guest\\)");
        assertThat(demo.out().lines().filter(l -> l.startsWith("  ok ")).count()).isEqualTo(41);
    }

    @Test
    void theDemoWithMetricsEndsWithATableOfWhatItsObserverSaw() {
        Cli.Run demo = new Cli(dir).run("demo", "--metrics");
        assertThat(demo.exit()).as(demo.all()).isZero();
        String table = demo.out().substring(demo.out().indexOf("Calls, as the demo's observer saw them"));
        assertThat(table).containsPattern("operation +calls +errors +p50 +p95 +retries")
                // the favorites behind a 429 were retried once; the wrong password is an error
                .containsPattern("kemono\\.favorites +\\d+ +\\d+ +[\\d.]+ +[\\d.]+ +[1-9]")
                .containsPattern("kemono\\.login +\\d+ +[1-9]")
                .contains("tmdb.newSession", "eternaltwin.token", "karaokemugen.login")
                .containsPattern("Re-logins: .*kemono [1-9]\\d* led, [1-9]\\d* followed");
    }

    @Test
    void verboseIsOneLinePerCallOnStandardError() {
        try (FakeKemono kemono = FakeKemono.builder().strictAccept(true).build().start()) {
            Cli cli = new Cli(dir).env("KEMONO_PASSWORD", FakeKemono.DEMO_PASSWORD);
            cli.run("kemono", "login", "--user", "alice", "--base-url", kemono.baseUrl());
            Cli.Run run = cli.run("-v", "kemono", "favorites", "--base-url", kemono.baseUrl());
            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.err()).containsPattern("kemono\\.favorites GET http://127\\.0\\.0\\.1:\\d+/api/v1/account/"
                    + "favorites\\?type=artist -> 200 in \\d+ ms, 1 attempt");
        }
    }

    @Test
    void theSandboxPrintsItsUrlsAndStops() {
        Cli.Run sandbox = new Cli(dir).run("sandbox", "--for", "PT0.2S");
        assertThat(sandbox.exit()).as(sandbox.all()).isZero();
        assertThat(sandbox.out()).containsPattern("Kemono  http://127\\.0\\.0\\.1:\\d+/api")
                .containsPattern("TMDb    http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("Eternaltwin http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("Karaoke Mugen http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("security code \\d{6} \\(changes after each use\\)")
                .contains("./latchkey eternaltwin login --no-browser", "method=Etwin", "./latchkey karaoke login --operator",
                        "Ctrl+C")
                .doesNotContain("Redis");
    }

    @Test
    void aSeedFileWithAMistakeExitsAsAUsageErrorNamingTheEntryAndField() throws Exception {
        Path seed = java.nio.file.Files.writeString(dir.resolve("seed.json"),
                "{\"tmdb\": {\"movies\": [{\"id\": 1, \"title\": \"ok\"}, {\"id\": \"two\", \"title\": \"x\"}]}}");
        Cli.Run bad = new Cli(dir).run("sandbox", "--seed", seed.toString(), "--for", "PT0.1S");
        assertThat(bad.exit()).as(bad.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains(seed + ": tmdb.movies[1]: 'id' must be an integer, not \"two\"");
        Cli.Run missing = new Cli(dir).run("sandbox", "--seed", dir.resolve("none.json").toString(), "--for", "PT0.1S");
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--seed: no file " + dir.resolve("none.json"));
    }

    @Test
    void sandboxWithRedisStartsARealServerForFleetMode() {
        Cli.Run sandbox = new Cli(dir).run("sandbox", "--redis", "--for", "PT0.3S");
        assertThat(sandbox.exit()).as(sandbox.all()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("export LATCHKEY_SESSION_STORE=(redis://\\S+)")
                .matcher(sandbox.out());
        assertThat(m.find()).as(sandbox.out()).isTrue();
        assertThat(sandbox.out()).containsPattern("Redis   redis://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = LatchkeyCommand.commandLine(CliEnvironment.system());
        List<CommandLine> all = new java.util.ArrayList<>();
        collect(root, all);
        assertThat(all).hasSizeGreaterThan(15);
        for (CommandLine c : all) {
            List<String> path = new java.util.ArrayList<>();
            for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
                path.add(0, p.getCommandName());
            }
            path.add("--help");
            Cli.Run r = new Cli(dir).run(path.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", path)).isZero();
            assertThat(r.out()).as(String.join(" ", path)).contains("Usage:");
        }
    }

    @Test
    void aCompletionScriptIsGenerated() {
        Cli.Run r = new Cli(dir).run("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F", "latchkey", "kemono", "tmdb");
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}
