package dev.latchkey.cli;

import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.redis.LocalRedis;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latchkey sandbox}: the fake servers, up until interrupted, for trying commands and for integration tests. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start the fake Kemono, TMDb, Eternaltwin and Karaoke Mugen servers on 127.0.0.1 (and with "
                + "--redis a redis-server) and keep them up until Ctrl+C.")
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "Kemono on N, TMDb on N+1, Eternaltwin on N+2, Karaoke Mugen on N+3 (default: free ports).")
    int port;

    @Option(names = "--redis", description = "Also start a redis-server (on N+4 with --port) for fleet mode: "
            + "every command run with LATCHKEY_SESSION_STORE set to its URL shares logins.")
    boolean redis;

    @Option(names = "--for", paramLabel = "DURATION", hidden = true,
            description = "Stop after this long (ISO-8601, e.g. PT10S); for tests.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (FakeKemono kemono = FakeKemono.builder().strictAccept(true).build().start(port);
                FakeTmdb tmdb = FakeTmdb.create().start(port == 0 ? 0 : port + 1);
                FakeEternaltwin etwin = FakeEternaltwin.builder().asGitlabMaster2026().build()
                        .start(port == 0 ? 0 : port + 2);
                FakeKaraokeMugen karaoke = FakeKaraokeMugen.create().start(port == 0 ? 0 : port + 3);
                LocalRedis fleet = redis ? LocalRedis.start(port == 0 ? 0 : port + 4) : null) {
            Thread hook = new Thread(stop::countDown, "latchkey-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("Kemono  %s%n        demo user %s / %s (moderator: %s / %s)%n", kemono.baseUrl(),
                    FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD, FakeKemono.DEMO_MODERATOR,
                    FakeKemono.DEMO_MODERATOR_PASSWORD);
            out.printf("TMDb    %s%n        demo user %s / %s, API key %s%n", tmdb.baseUrl(), FakeTmdb.DEMO_USER,
                    FakeTmdb.DEMO_PASSWORD, FakeTmdb.API_KEY);
            out.printf("        approve a request token: curl -X POST %s/_testkit/approve -d "
                    + "'{\"request_token\":\"...\",\"username\":\"alice\"}'%n", tmdb.baseUrl());
            out.printf("Eternaltwin %s%n        demo client %s / %s, callback %s%n        demo user %s / %s%n",
                    etwin.baseUrl(), FakeEternaltwin.DEMO_CLIENT, FakeEternaltwin.DEMO_CLIENT_SECRET,
                    FakeEternaltwin.DEMO_CALLBACK, FakeEternaltwin.DEMO_USER, FakeEternaltwin.DEMO_PASSWORD);
            out.printf("        approve a login as alice (the browser's part), with the URL 'eternaltwin login' prints:%n"
                    + "          curl -s -c jar -X PUT '%s/api/v1/auth/self?method=Etwin' -H 'Content-Type: "
                    + "application/json' -d '{\"login\":\"%s\",\"password\":\"%s\"}' >/dev/null%n"
                    + "          curl -s -L -b jar 'AUTHORIZATION_URL'%n", etwin.baseUrl(), FakeEternaltwin.DEMO_USER,
                    java.util.HexFormat.of().formatHex(FakeEternaltwin.DEMO_PASSWORD.getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
            out.printf("Karaoke Mugen %s%n        operator %s / %s, security code %s (changes after each use)%n"
                    + "        demo user %s / %s; instance %s with %s / %s%n", karaoke.baseUrl(),
                    FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD, karaoke.securityCode(),
                    FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD, FakeKaraokeMugen.INSTANCE,
                    FakeKaraokeMugen.ONLINE_USER, FakeKaraokeMugen.ONLINE_PASSWORD);
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
}
