package dev.latchkey.redis;

import dev.latchkey.core.RateLimit;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import dev.latchkey.tmdb.TmdbClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One worker process of {@link FleetTest}: for each phase it waits at a barrier in Redis, makes its calls, prints
 * {@code RESULT phase ok limited failed}, and says it is done. Budget phases pace the calls with the fleet's shared
 * budget; control phases do not. No retries: every 429 the fake sends shows as a failed call.
 */
public final class FleetWorker {
    static final String[] PHASES = {"kemono-budget", "kemono-control", "tmdb-budget", "tmdb-control"};
    static final RateLimit BUDGET = RateLimit.perSecond(16);

    private FleetWorker() {
    }

    /**
     * @param args Redis URL, key prefix, Kemono fake URL, TMDb fake URL, calls per phase
     */
    public static void main(String[] args) throws Exception {
        String redisUrl = args[0];
        String prefix = args[1];
        int calls = Integer.parseInt(args[4]);
        RedisClient barrierClient = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> c = barrierClient.connect();
                RedisFleet fleet = RedisFleet.builder(redisUrl).keyPrefix(prefix).connect()) {
            RedisCommands<String, String> barrier = c.sync();
            for (String phase : PHASES) {
                barrier.incr(prefix + ":ready:" + phase);
                while (!"1".equals(barrier.get(prefix + ":go:" + phase))) {
                    Thread.sleep(5);
                }
                // A control phase makes three times the calls, so that even a burst split across two clock seconds
                // passes the fake's limit.
                int n = phase.endsWith("control") ? 3 * calls : calls;
                int[] counts = phase.startsWith("kemono") ? kemono(fleet, args[2], phase, n)
                        : tmdb(fleet, args[3], phase, n);
                System.out.println("RESULT " + phase + ' ' + counts[0] + ' ' + counts[1] + ' ' + counts[2]);
                barrier.incr(prefix + ":done:" + phase);
            }
        } finally {
            barrierClient.shutdown();
        }
    }

    private static int[] kemono(RedisFleet fleet, String url, String phase, int calls) {
        KemonoClient.Builder b = KemonoClient.builder().baseUrl(url).sessionStore(fleet.sessionStore())
                .reloginOnExpiry(true).options(o -> o.retryPolicy(RetryPolicy.builder().maxRetries(0).build()));
        if (phase.endsWith("budget")) {
            b.rateBudget(fleet.rateBudget("kemono:" + FakeKemono.DEMO_USER, BUDGET));
        }
        try (KemonoClient client = b.build()) {
            KemonoAccount alice = client.resumeOrLogin(FakeKemono.DEMO_USER, FakeKemono.DEMO_PASSWORD);
            return run(calls, () -> alice.favoriteCreators());
        }
    }

    private static int[] tmdb(RedisFleet fleet, String url, String phase, int calls) {
        TmdbClient.Builder b = TmdbClient.builder().baseUrl(url).apiKey(FakeTmdb.API_KEY)
                .options(o -> o.retryPolicy(RetryPolicy.builder().maxRetries(0).build()));
        if (phase.endsWith("budget")) {
            b.rateBudget(fleet.rateBudget("tmdb:" + FakeTmdb.API_KEY.substring(0, 4), BUDGET));
        }
        try (TmdbClient client = b.build()) {
            return run(calls, () -> client.auth().createRequestToken());
        }
    }

    /** @return calls that succeeded, were refused with 429, and failed otherwise */
    private static int[] run(int calls, Runnable call) {
        int[] counts = new int[3];
        for (int i = 0; i < calls; i++) {
            try {
                call.run();
                counts[0]++;
            } catch (RateLimitedException e) {
                counts[1]++;
            } catch (LatchkeyException e) {
                counts[2]++;
                System.out.println("FAILED " + e);
            }
        }
        return counts;
    }
}
