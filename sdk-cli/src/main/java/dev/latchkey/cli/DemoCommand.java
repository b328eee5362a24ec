package dev.latchkey.cli;

import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.karaokemugen.KaraokeMugenAccount;
import dev.latchkey.karaokemugen.KaraokeMugenClient;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.eternaltwin.EternaltwinAccount;
import dev.latchkey.eternaltwin.EternaltwinClient;
import dev.latchkey.eternaltwin.model.User;
import dev.latchkey.testkit.eternaltwin.FakeEternaltwin;
import okhttp3.HttpUrl;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.BotChallengeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.Service;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.redis.LocalRedis;
import dev.latchkey.redis.RedisFleet;
import dev.latchkey.core.RateLimit;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.GuestSession;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RequestToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey demo}: starts the fake Kemono, TMDb, Eternaltwin and Karaoke Mugen servers on loopback and runs every flow through the real
 * client modules, faults included, printing a short report per step. Exits 0 only if every step behaved as expected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every provider flow against embedded fake servers (nothing leaves this machine).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--metrics", description = "End with a table per provider and operation: "
            + "calls, errors, p50 and p95 times, retries, and re-logins, as an observer of every client saw them.")
    boolean metrics;

    /** Sees every client of the demo when --metrics is on. */
    private final DemoMetrics observer = new DemoMetrics();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        int steps = 0;
        int failures = 0;
        // The sections run at once, each on its own fake, and are printed in order as each ends: their deliberate
        // waits (a Retry-After each) and their start-up overlap instead of adding up.
        ExecutorService pool = Executors.newFixedThreadPool(5, r -> {
            Thread t = new Thread(r, "latchkey-demo");
            t.setDaemon(true);
            return t;
        });
        try {
            // Each section starts its own fake, so the fakes start at once too.
            List<Future<Section>> running = List.of(
                    pool.submit(() -> new Section().run(sec -> {
                        try (FakeKemono fake = FakeKemono.builder().strictAccept(true).build().start()) {
                            kemono(sec, fake);
                        }
                    })),
                    pool.submit(() -> new Section().run(sec -> {
                        try (FakeTmdb fake = FakeTmdb.create().start()) {
                            tmdb(sec, fake);
                        }
                    })),
                    pool.submit(() -> new Section().run(sec -> {
                        // today's server, with its user search (the 2021 source had none)
                        try (FakeEternaltwin fake = FakeEternaltwin.builder().asGitlabMaster2026().build().start()) {
                            eternaltwin(sec, fake);
                        }
                    })),
                    pool.submit(() -> new Section().run(sec -> {
                        try (FakeKaraokeMugen fake = FakeKaraokeMugen.create().start()) {
                            karaoke(sec, fake);
                        }
                    })),
                    pool.submit(() -> new Section().run(this::fleet)));
            for (Future<Section> f : running) {
                Section done = f.get();
                out.print(done.text());
                out.flush();
                steps += done.steps;
                failures += done.failures;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures++;
        } catch (ExecutionException e) {
            out.printf("%nFAIL the demo stopped: %s%n", e.getCause());
            failures++;
        } finally {
            pool.shutdownNow();
        }
        out.printf("%n%d steps, %s, in %d ms.%n", steps, failures == 0 ? "all as expected"
                : failures + " not as expected", (System.nanoTime() - start) / 1_000_000);
        if (metrics) {
            try {
                dev.latchkey.core.observe.Observers.drain(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            observer.print(out);
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** @return the builder, observed by the metrics table when --metrics is on */
    private <B extends dev.latchkey.core.ClientBuilder<B>> B observed(B builder) {
        return metrics ? builder.observer(observer) : builder;
    }

    /** One provider's part of the demo: its lines, kept until it is printed, and its counts. */
    private static final class Section {
        private final StringWriter buffer = new StringWriter();
        private final PrintWriter out = new PrintWriter(buffer);
        int steps;
        int failures;

        Section run(java.util.function.Consumer<Section> body) {
            try {
                body.accept(this);
            } catch (RuntimeException e) {
                failures++;
                out.printf("  FAIL the section stopped: %s%n", e);
            }
            return this;
        }

        String text() {
            out.flush();
            return buffer.toString();
        }

        void title(String name, String baseUrl) {
            out.printf("%n%s (fake server on %s)%n", name, baseUrl);
        }

        <T> T step(String name, Supplier<T> action, Function<T, String> describe) {
            steps++;
            long start = System.nanoTime();
            try {
                T result = action.get();
                line(true, name, start, describe.apply(result));
                return result;
            } catch (RuntimeException e) {
                failures++;
                line(false, name, start, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return null;
            }
        }

        void fails(String name, Class<? extends LatchkeyException> expected, Runnable action) {
            steps++;
            long start = System.nanoTime();
            try {
                action.run();
                failures++;
                line(false, name, start, "succeeded, but " + expected.getSimpleName() + " was expected");
            } catch (RuntimeException e) {
                boolean ok = expected.isInstance(e);
                if (!ok) {
                    failures++;
                }
                line(ok, name, start, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void line(boolean ok, String name, long startNanos, String detail) {
            long ms = (System.nanoTime() - startNanos) / 1_000_000;
            out.printf("  %-4s %-42s %5d ms  %s%n", ok ? "ok" : "FAIL", name, ms, Output.safe(detail));
        }
    }

    private void kemono(Section sec, FakeKemono fake) {
        sec.title("Kemono", fake.baseUrl());
        try (KemonoClient kemono = observed(KemonoClient.builder()).baseUrl(fake.baseUrl())
                .sessionStore(SessionStore.inMemory())
                .build()) {
            KemonoAccount me = sec.step("log in as alice", () -> kemono.login(FakeKemono.DEMO_USER,
                    FakeKemono.DEMO_PASSWORD), a -> "account " + a.id() + ", " + a.role() + ", session cookie kept");
            if (me == null) {
                return;
            }
            sec.step("favorite creators", me::favoriteCreators, list -> list.size() + ": " + list.stream()
                    .map(c -> c.name() + " (" + c.service() + ")").collect(Collectors.joining(", ")));
            sec.step("add fanbox/49494721 to favorites", () -> {
                me.addFavoriteCreator(Service.FANBOX, "49494721");
                return me.favoriteCreators().size();
            }, n -> "now " + n + " favorites");
            sec.step("random post", () -> kemono.randomPost().flatMap(kemono::post).orElseThrow(),
                    p -> "\"" + p.title() + "\" (" + p.service() + "/" + p.creatorId() + "/" + p.id() + ")");
            fake.faults().next().onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(1));
            sec.step("favorites behind a 429 (Retry-After: 1)", me::favoriteCreators,
                    list -> "answered 429 " + refused(fake) + " time, waited as asked, retried, got " + list.size()
                            + " creators");
            fake.faults().next().htmlChallenge();
            sec.fails("favorites behind DDoS-Guard's challenge", BotChallengeException.class, me::favoriteCreators);
            sec.fails("log in with a wrong password", InvalidCredentialsException.class,
                    () -> kemono.login(FakeKemono.DEMO_USER, "not-the-pw-9"));
            sec.step("change password, log out, log in again", () -> {
                me.changePassword(FakeKemono.DEMO_PASSWORD, "a-new-demo-pass");
                me.logout();
                int left = fake.activeSessions();
                return left + " sessions after the logout; logged in again as "
                        + kemono.login(FakeKemono.DEMO_USER, "a-new-demo-pass").username();
            }, text -> text);
        }
        browserCookies(sec);
    }

    /** A site behind DDoS-Guard at every request, passed with a browser's cookies.txt, as gallery-dl users do. */
    private void browserCookies(Section sec) {
        try (FakeKemono guarded = FakeKemono.builder().ddosGuard(true).strictAccept(true).build().start()) {
            Map<String, String> solved = guarded.passDdosGuard();
            String cookiesTxt = "# Netscape HTTP Cookie File\n"
                    + "127.0.0.1\tFALSE\t/\tFALSE\t0\t__ddg1_\t" + solved.get("__ddg1_") + "\n"
                    + "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\t__ddg2_\t" + solved.get("__ddg2_") + "\n";
            sec.step("past DDoS-Guard with a browser's cookies", () -> {
                try (KemonoClient k = observed(KemonoClient.builder()).baseUrl(guarded.baseUrl())
                        .sessionStore(SessionStore.inMemory())
                        .cookies(dev.latchkey.core.auth.Cookies.fromNetscape(cookiesTxt)).build()) {
                    KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
                    alice.favoriteCreators();
                    return alice.favoriteCreators().size() + " favorites; the site's __ddg9_ kept in the session: "
                            + alice.session().cookie("__ddg9_").isPresent();
                }
            }, text -> text);
        }
        try (FakeKemono site = FakeKemono.create().start()) {
            String oldSite = site.startAlias().resolve("/api").toString();
            sec.step("the site moves mid-session (.su to .cr)", () -> {
                try (KemonoClient k = observed(KemonoClient.builder()).baseUrl(oldSite)
                        .sessionStore(SessionStore.inMemory())
                        .options(o -> o.mirrors(site.baseUrl())).build()) {
                    KemonoAccount alice = k.login(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
                    site.aliasMode(dev.latchkey.testkit.FakeServer.AliasMode.DOWN); // the old domain is gone
                    int n = alice.favoriteCreators().size();
                    return n + " favorites from " + k.currentBaseUrl().host() + ":" + k.currentBaseUrl().port()
                            + ", the same session, no code of ours";
                }
            }, text -> text);
        }
    }

    /**
     * Fleet mode on one machine: three workers (each its own Redis connection and client) share one Kemono login and
     * one rate budget through a real redis-server.
     */
    private void fleet(Section sec) {
        try (FakeKemono fake = FakeKemono.create().start(); LocalRedis redis = LocalRedis.start()) {
            sec.title("Fleet mode: Kemono shared through the redis-server at " + redis.url(), fake.baseUrl());
            List<RedisFleet> fleets = new java.util.ArrayList<>();
            List<KemonoClient> workers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RedisFleet fleet = RedisFleet.connect(redis.url());
                    fleets.add(fleet);
                    workers.add(observed(KemonoClient.builder()).baseUrl(fake.baseUrl())
                            .sessionStore(fleet.sessionStore())
                            .rateBudget(fleet.rateBudget("kemono:alice", RateLimit.perSecond(20)))
                            .reloginOnExpiry(true).build());
                }
                List<KemonoAccount> accounts = sec.step("three workers resume or log in at once",
                        () -> once(fake, workers.parallelStream()
                                .map(w -> w.resumeOrLogin(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD)).toList()),
                        a -> a.size() + " accounts, 1 login on the server");
                if (accounts == null) {
                    return;
                }
                sec.step("Kemono ends the session; every worker calls", () -> {
                    fake.revokeSessions();
                    fake.clearCalls();
                    return once(fake, accounts.parallelStream().mapToInt(a -> a.favoriteCreators().size()).sum());
                }, n -> n + " favorites read, 1 re-login for the whole fleet");
            } finally {
                workers.forEach(KemonoClient::close);
                fleets.forEach(RedisFleet::close);
            }
        }
    }

    /** @return how many 429s the fake has answered so far */
    private static long refused(dev.latchkey.testkit.FakeServer<?> fake) {
        return fake.calls().stream().filter(c -> c.status() == 429).count();
    }

    /** @return the result, if the fake saw exactly one login for it (else the step fails, saying how many) */
    private static <T> T once(FakeKemono fake, T result) {
        long logins = fake.calls().stream().filter(c -> c.target().endsWith("/authentication/login")).count();
        if (logins != 1) {
            throw new IllegalStateException(logins + " logins on the server, 1 expected");
        }
        return result;
    }

    private void tmdb(Section sec, FakeTmdb fake) {
        sec.title("TMDb", fake.baseUrl());
        try (TmdbClient tmdb = observed(TmdbClient.builder()).apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl())
                .sessionStore(SessionStore.inMemory()).build()) {
            RequestToken token = sec.step("create a request token", () -> tmdb.auth().createRequestToken(),
                    t -> "valid until " + t.expiresAt());
            if (token == null) {
                return;
            }
            sec.step("the user approves it on TMDb's site", () -> {
                fake.approveRequestToken(token.value(), FakeTmdb.DEMO_USER);
                return token.approvalUrl(null).toString().replace(token.value(), "***");
            }, url -> "approved at " + url);
            TmdbAccount me = sec.step("create a session", () -> tmdb.account(tmdb.auth().createSession(token)),
                    a -> "account " + a.id() + " (" + a.username() + ")");
            if (me == null) {
                return;
            }
            sec.step("favorite movies, walked across pages", () -> me.favoriteMovies().stream().toList(),
                    list -> list.size() + " movies over " + ((list.size() + 19) / 20) + " pages, first \""
                            + list.get(0).title() + "\"");
            // Alice rated Fight Club 8.5 and likes Inception already: each step changes what the server says.
            sec.step("rate Fight Club 9.5", () -> {
                me.rateMovie(550, 9.5);
                return me.movieStates(550);
            }, s -> "TMDb now says " + s.rating().orElseThrow());
            sec.step("take Inception off the favorites", () -> {
                me.markFavorite(MediaType.MOVIE, 27205, false);
                return me.movieStates(27205);
            }, s -> "favorite: " + s.favorite());
            GuestSession guest = sec.step("create a guest session", () -> tmdb.auth().createGuestSession(),
                    g -> "valid until " + g.expiresAt().map(Object::toString).orElse("?") + " unless used");
            if (guest != null) {
                sec.step("rate as the guest", () -> {
                    guest.rateMovie(680, 9.0);
                    return guest.ratedMovies().stream().count();
                }, n -> "the guest has " + n + " rating");
            }
            fake.faults().next().onPath("/3/account/*/favorite/movies").rateLimited(Duration.ofSeconds(1));
            sec.step("favorites behind a 429 (Retry-After: 1)", () -> me.favoriteMovies().stream().limit(5).count(),
                    n -> "answered 429 " + refused(fake) + " time, waited as asked, retried, got " + n + " movies");
            sec.fails("log in with a wrong password", InvalidCredentialsException.class,
                    () -> tmdb.auth().login(FakeTmdb.DEMO_USER, "not-the-pw-9"));
            sec.step("log out (delete the session)", () -> {
                me.logout();
                return fake.activeSessions();
            }, n -> n + " sessions left on the server");
        }
    }

    private void eternaltwin(Section sec, FakeEternaltwin fake) {
        sec.title("Eternaltwin", fake.baseUrl());
        try (EternaltwinClient etwin = observed(EternaltwinClient.builder()).baseUrl(fake.baseUrl())
                .sessionStore(SessionStore.inMemory()).clientId(FakeEternaltwin.DEMO_CLIENT)
                .clientSecret(FakeEternaltwin.DEMO_CLIENT_SECRET).redirectUri(FakeEternaltwin.DEMO_CALLBACK).build()) {
            Authorization start = sec.step("start the login (signed state, PKCE)", etwin::startAuthorization,
                    a -> HttpUrl.get(a.url()).querySize() + " parameters, state valid until " + a.expiresAt());
            if (start == null) {
                return;
            }
            AuthorizationCallback back = sec.step("alice approves in her browser", () -> callback(
                    fake.authorize(start.url().toString(), FakeEternaltwin.DEMO_USER)),
                    c -> "sent back to " + FakeEternaltwin.DEMO_CALLBACK + " with a code and the state");
            EternaltwinAccount me = back == null ? null : sec.step("check the state, redeem the code once",
                    () -> etwin.fromCallback(back, start.state()),
                    a -> "the token is " + a.displayName() + "'s (user " + a.id().substring(0, 8) + "...), kept");
            if (me == null) {
                return;
            }
            sec.step("who is this token (auth/self)", me::self, u -> u.displayName());
            sec.step("get a user by id", () -> etwin.user(fake.userId("demurgos")).orElseThrow(),
                    u -> u.displayName() + ", administrator: " + u.administrator().orElse(false));
            sec.step("search \"user\", one per page", () -> etwin.search("user", 1, 0).autoPager().stream().toList(),
                    list -> list.stream().map(User::displayName).collect(Collectors.joining(", ")) + " over "
                            + list.size() + " pages");
            sec.step("count users", () -> etwin.count(), n -> n + " users, " + etwin.count("user") + " match \"user\"");
            sec.fails("a tampered state", InvalidStateException.class, () -> {
                Authorization a = etwin.startAuthorization();
                String forged = a.state().substring(0, a.state().length() - 4) + "AAAA";
                etwin.fromAuthorizationCode(back.code().orElseThrow(), forged, forged);
            });
            // Eternaltwin redeems a code as often as it is sent: the single-use state is what stops a replay.
            sec.fails("the same redirect again", InvalidStateException.class,
                    () -> etwin.fromCallback(back, start.state()));
        }
    }

    private void karaoke(Section sec, FakeKaraokeMugen fake) {
        sec.title("Karaoke Mugen", fake.baseUrl());
        try (KaraokeMugenClient km = observed(KaraokeMugenClient.builder()).baseUrl(fake.baseUrl())
                .sessionStore(SessionStore.inMemory()).build()) {
            KaraokeMugenAccount op = sec.step("log in as operator with the security code", () -> km.login(
                    FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD, fake.securityCode()),
                    a -> a.username() + " is " + a.role() + ", the code is now used up");
            if (op == null) {
                return;
            }
            sec.step("create a user", () -> {
                op.createUser(NewUser.of("carol", "carol-demo-pass").withNickname("Carol"));
                return op.users().size();
            }, n -> "carol created; the operator sees " + n + " users");
            sec.fails("a too-short password", ValidationException.class,
                    () -> km.createUser(NewUser.of("dave", "short")));
            KaraokeMugenAccount carol = sec.step("log in as carol", () -> km.login("carol", "carol-demo-pass"),
                    a -> a.username() + " (" + a.role() + ")");
            if (carol == null) {
                return;
            }
            sec.step("convert carol to an online account", () -> {
                carol.convertToOnline(FakeKaraokeMugen.INSTANCE, "carol-demo-pass");
                return carol.username();
            }, u -> "now " + u + ", with an online token");
            sec.step("and back to a local one", () -> {
                carol.convertToLocal("carol-demo-pass");
                return carol.username();
            }, u -> "now " + u + " again");
            KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
            sec.step("alice's anime list, 7 songs a page", () -> alice.animeListPage(7, 0).autoPager().stream().toList(),
                    list -> list.size() + " songs over " + ((list.size() + 6) / 7) + " pages, first \""
                            + list.get(0).title() + "\"");
            KaraokeMugenAccount guest = sec.step("log in as a guest", km::loginGuest, g -> g.username() + " (guest)");
            if (guest != null) {
                sec.fails("a guest edits its profile", ForbiddenException.class,
                        () -> guest.editMyAccount(ProfileEdit.empty().nickname("Sneaky")));
            }
        }
    }

    /** The callback URL's query, as a web app or the loopback receiver would read it. */
    private static AuthorizationCallback callback(String url) {
        HttpUrl u = HttpUrl.get(url);
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        u.queryParameterNames().forEach(n -> params.put(n, u.queryParameter(n)));
        return new AuthorizationCallback(params);
    }




}
