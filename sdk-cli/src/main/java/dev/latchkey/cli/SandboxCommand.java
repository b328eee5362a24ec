package dev.latchkey.cli;

import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.redis.LocalRedis;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.testkit.FakeServer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latchkey sandbox}: the fake servers, up until interrupted, for trying commands and for integration tests. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Start the fake Kemono, TMDb, Eternaltwin and Karaoke Mugen servers on 127.0.0.1 (and with "
                + "--redis a redis-server) and keep them up until Ctrl+C.",
            "Any project's tests can use them: --seed adds their users, OAuth clients and catalogue entries, and "
                    + "every fake answers GET /_testkit with what its admin routes accept."})
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "Kemono on N, TMDb on N+1, Eternaltwin on N+2, Karaoke Mugen on N+3 (default: free ports).")
    int port;

    @Option(names = "--redis", description = "Also start a redis-server (on N+4 with --port) for fleet mode: "
            + "every command run with LATCHKEY_SESSION_STORE set to its URL shares logins.")
    boolean redis;

    @Option(names = "--seed", paramLabel = "FILE", description = "A seed file (JSON): per provider (kemono, tmdb, "
            + "eternaltwin, karaokemugen), the users, OAuth clients and catalogue entries to add to the demo data. "
            + "The format is in the testkit README; every credential seeded is printed.")
    Path seed;

    @Option(names = "--for", paramLabel = "DURATION", hidden = true,
            description = "Stop after this long (ISO-8601, e.g. PT10S); for tests.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (seed != null && !Files.isRegularFile(seed)) {
            throw new ExitCodes.UsageException("--seed: no file " + seed);
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (FakeKemono kemono = seeded(FakeKemono.builder().strictAccept(true).build()).start(port);
                FakeTmdb tmdb = seeded(FakeTmdb.create()).start(port == 0 ? 0 : port + 1);
                FakeEternaltwin etwin = seeded(FakeEternaltwin.builder().asGitlabMaster2026().build())
                        .start(port == 0 ? 0 : port + 2);
                FakeKaraokeMugen karaoke = seeded(FakeKaraokeMugen.create()).start(port == 0 ? 0 : port + 3);
                LocalRedis fleet = redis ? LocalRedis.start(port == 0 ? 0 : port + 4) : null) {
            Thread hook = new Thread(stop::countDown, "latchkey-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            fake(out, "Kemono  ", kemono);
            fake(out, "TMDb    ", tmdb);
            out.printf("        approve a request token: curl -X POST %s/_testkit/approve -d "
                    + "'{\"request_token\":\"...\",\"username\":\"alice\"}'%n", tmdb.baseUrl());
            fake(out, "Eternaltwin ", etwin);
            out.printf("        approve a login as alice (the browser's part), with the URL 'eternaltwin login' prints:%n"
                    + "          curl -s -c jar -X PUT '%s/api/v1/auth/self?method=Etwin' -H 'Content-Type: "
                    + "application/json' -d '{\"login\":\"%s\",\"password\":\"%s\"}' >/dev/null%n"
                    + "          curl -s -L -b jar 'AUTHORIZATION_URL'%n", etwin.baseUrl(), FakeEternaltwin.DEMO_USER,
                    HexFormat.of().formatHex(FakeEternaltwin.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8)));
            out.printf("Karaoke Mugen %s%n        security code %s (changes after each use)%n", karaoke.baseUrl(),
                    karaoke.securityCode());
            karaoke.credentials().forEach(c -> out.printf("        %s%n", c));
            out.printf("%nEvery fake's admin routes (loopback only): GET /_testkit lists what it accepts, "
                    + "POST /_testkit/{kind} adds,%nGET /_testkit/credentials lists every credential, "
                    + "POST /_testkit/reset goes back to the seeded state.%n");
            out.printf("%nTry:%n  KEMONO_PASSWORD=%s ./latchkey kemono login --user alice --base-url %s%n"
                    + "  ./latchkey kemono favorites --base-url %s%n", FakeKemono.DEMO_PASSWORD, kemono.baseUrl(),
                    kemono.baseUrl());
            out.printf("  TMDB_API_KEY=%s TMDB_PASSWORD=%s ./latchkey tmdb login --user alice --base-url %s%n",
                    FakeTmdb.API_KEY, FakeTmdb.DEMO_PASSWORD, tmdb.baseUrl());
            out.printf("  ETERNALTWIN_CLIENT_ID=%s ETERNALTWIN_CLIENT_SECRET=%s ./latchkey eternaltwin login --no-browser "
                    + "--base-url %s%n", FakeEternaltwin.DEMO_CLIENT, FakeEternaltwin.DEMO_CLIENT_SECRET,
                    etwin.baseUrl());
            out.printf("  KARAOKE_PASSWORD=%s KARAOKE_SECURITY_CODE=%s ./latchkey karaoke login --operator --user admin "
                    + "--base-url %s%n", FakeKaraokeMugen.OPERATOR_PASSWORD, karaoke.securityCode(), karaoke.baseUrl());
            if (fleet != null) {
                out.printf("Redis   %s%n        fleet mode: in every shell (or on every machine) that should share "
                        + "logins:%n          export LATCHKEY_SESSION_STORE=%s%n", fleet.url(), fleet.url());
            }
            out.printf("%nFakes up; press Ctrl+C to stop.%n");
            out.flush();
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already stopping: nothing to remove.
            }
        }
        return ExitCodes.OK;
    }

    /** Seeds a fake from --seed, if given; a mistake in the file names the file, the entry and the field. */
    private <F extends FakeServer<F>> F seeded(F fake) {
        return seed == null ? fake : fake.seed(seed);
    }

    /** A fake's URL, then every credential it accepts: the demo data's and the seed's. */
    private static void fake(PrintWriter out, String label, FakeServer<?> fake) {
        out.printf("%s%s%n", label, fake.baseUrl());
        fake.credentials().forEach(c -> out.printf("        %s%n", c));
    }
}
