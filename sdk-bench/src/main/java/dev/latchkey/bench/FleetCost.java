package dev.latchkey.bench;

import dev.latchkey.core.RateBudget;
import dev.latchkey.core.RateLimit;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionCipher;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.redis.RedisFleet;
import dev.latchkey.testkit.redis.LocalRedis;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.TmdbClient;
import dev.latchkey.tmdb.TmdbSession;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * What fleet mode costs per call, counted by Redis itself ({@code INFO stats}: commands processed, bytes in and out),
 * so the numbers are exact and repeatable: the TMDb favorites call with no budget, with a local budget and with the
 * fleet's Redis budget; and the session store's operations (a worker resuming, a re-login, a save). Also the median
 * wall time per call, which depends on the machine. Run:
 * {@code java -cp sdk-bench/target/benchmarks.jar dev.latchkey.bench.FleetCost [calls]}; it starts its own
 * redis-server (embedded), or uses {@code LATCHKEY_TEST_REDIS_URL}.
 */
public final class FleetCost {
    private FleetCost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (CannedServer server = Fixtures.record().serve();
                RedisFleet fleet = RedisFleet.connect(LocalRedis.shared().url())) {
            String url = LocalRedis.shared().url();
            RedisClient statsClient = RedisClient.create(url);
            try (StatefulRedisConnection<String, String> stats = statsClient.connect()) {
                RedisCommands<String, String> info = stats.sync();
                OkHttpClient http = new OkHttpClient();
                System.out.printf("%-34s %10s %12s %12s %12s %s%n", "per call", "commands", "bytes to", "bytes from",
                        "median µs", "which");
                call("favorites, no budget", calls, info, http, server, b -> { });
                call("favorites, local budget", calls, info, http, server,
                        b -> b.rateBudget(RateBudget.local("bench", RateLimit.of(1_000_000, Duration.ofSeconds(1)))));
                call("favorites, Redis budget", calls, info, http, server,
                        b -> b.rateBudget(fleet.rateBudget("bench", RateLimit.of(1_000_000, Duration.ofSeconds(1)))));
                store("store: resume (stored session)", calls, info, fleet.sessionStore(), false);
                try (RedisFleet sealed = RedisFleet.builder(url).keyPrefix("sealed")
                        .cipher(SessionCipher.fromBase64(SessionCipher.newBase64Key())).connect()) {
                    store("store: resume, encrypted", calls, info, sealed.sessionStore(), false);
                    store("store: re-login, encrypted", calls / 4, info, sealed.sessionStore(), true);
                }
                store("store: re-login (lease, CAS)", calls / 4, info, fleet.sessionStore(), true);
                http.dispatcher().executorService().shutdown();
            } finally {
                statsClient.shutdown();
            }
        }
    }

    private static void call(String name, int calls, RedisCommands<String, String> info, OkHttpClient http,
            CannedServer server, Consumer<TmdbClient.Builder> config) {
        TmdbClient.Builder b = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(server.baseUrl()).httpClient(http)
                .sessionStore(SessionStore.inMemory()).options(o -> o.retryPolicy(RetryPolicy.none()));
        config.accept(b);
        try (TmdbClient tmdb = b.build()) {
            TmdbAccount account = tmdb.account(new TmdbSession(Fixtures.SESSION_ID));
            measure(name, calls, info, () -> account.favoriteMoviesPage(false).items());
        }
    }

    private static void store(String name, int calls, RedisCommands<String, String> info, SessionStore store,
            boolean relogin) {
        String key = "tmdb:bench#" + name.length();
        Session[] current = {Session.builder("tmdb").token(Session.SESSION_ID, Fixtures.SESSION_ID)
                .attribute("username", "alice").build()};
        store.save(key, current[0]);
        int[] n = {0};
        measure(name, calls, info, () -> {
            if (relogin) {
                // A worker whose session was rejected: one lease, one login, one compare-and-set, one release.
                current[0] = store.renew(key, current[0], () -> Session.builder("tmdb")
                        .token(Session.SESSION_ID, "fresh-" + (++n[0])).attribute("username", "alice").build());
            } else {
                store.renew(key, null, () -> {
                    throw new IllegalStateException("a stored session is resumed, not renewed");
                });
            }
        });
    }

    private static void measure(String name, int calls, RedisCommands<String, String> info, Runnable call) {
        for (int i = 0; i < Math.min(calls, 300); i++) {
            call.run();
        }
        Map<String, Long> idle = delta(info, () -> { });
        long[] nanos = new long[calls];
        Map<String, Long> d = delta(info, () -> {
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                call.run();
                nanos[i] = System.nanoTime() - t;
            }
        });
        java.util.Arrays.sort(nanos);
        StringBuilder which = new StringBuilder();
        d.forEach((k, v) -> {
            long n = v - idle.getOrDefault(k, 0L);
            if (k.startsWith("cmdstat_") && n > 0) {
                which.append(' ').append(k.substring(8)).append('=')
                        .append(String.format(java.util.Locale.ROOT, "%.1f", n / (double) calls));
            }
        });
        System.out.printf("%-34s %10.2f %12.1f %12.1f %12.1f %s%n", name,
                (d.get("total_commands_processed") - idle.get("total_commands_processed")) / (double) calls,
                (d.get("total_net_input_bytes") - idle.get("total_net_input_bytes")) / (double) calls,
                (d.get("total_net_output_bytes") - idle.get("total_net_output_bytes")) / (double) calls,
                nanos[calls / 2] / 1000.0, which.toString().strip());
    }

    /** @return how much Redis's counters moved while the work ran (the INFO that reads them included) */
    private static Map<String, Long> delta(RedisCommands<String, String> info, Runnable work) {
        Map<String, Long> before = stats(info);
        work.run();
        Map<String, Long> after = stats(info);
        Map<String, Long> d = new java.util.HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.get(k)));
        return d;
    }

    private static Map<String, Long> stats(RedisCommands<String, String> info) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (String line : info.info("stats").split("\r?\n")) {
            String[] kv = line.split(":", 2);
            if (kv.length == 2 && kv[0].startsWith("total_")) {
                try {
                    m.put(kv[0], Long.parseLong(kv[1].trim()));
                } catch (NumberFormatException ignored) {
                    // Not a counter.
                }
            }
        }
        // Per command: "cmdstat_get:calls=12,usec=..."
        for (String line : info.info("commandstats").split("\r?\n")) {
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("^(cmdstat_[a-z|]+):calls=(\\d+)").matcher(line);
            if (c.find()) {
                m.put(c.group(1), Long.parseLong(c.group(2)));
            }
        }
        return m;
    }
}
