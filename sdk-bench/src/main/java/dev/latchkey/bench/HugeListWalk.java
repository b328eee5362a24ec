package dev.latchkey.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.KemonoClient;
import dev.latchkey.kemono.model.FavoriteCreator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A Kemono favorites answer of 100,000 creators (about 26 MB), walked three ways: Latchkey's stream, Latchkey's list,
 * and the floor of reading it as a Jackson tree. Reports the live heap growth while the walk is half done (used heap
 * after GC, against a baseline after GC with the server's bytes already in memory) and the median wall time of 5
 * walks. Run: {@code java -Xmx1g -cp sdk-bench/target/benchmarks.jar dev.latchkey.bench.HugeListWalk}.
 */
public final class HugeListWalk {
    /** Kemono's answer to {@code GET /v1/account} for the cookie the walk uses. */
    static final byte[] ACCOUNT = ("{\"props\":{\"currentPage\":\"account\",\"account\":{\"id\":1,\"username\":"
            + "\"alice\",\"created_at\":\"2024-05-01T12:34:56.789012\",\"role\":\"consumer\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HugeListWalk() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        byte[] body = creators(n);
        System.out.printf("answer: %,d creators, %,d bytes%n", n, body.length);
        try (CannedServer server = CannedServer.start(new CannedAnswers().json("/api/v1/account/favorites", 200, body)
                .json("/api/v1/account", 200, ACCOUNT));
                KemonoClient kemono = KemonoClient.builder().baseUrl(server.baseUrl() + "/api").build()) {
            KemonoAccount me = kemono.withSessionCookie("bench-session-cookie");
            OkHttpClient http = new OkHttpClient();
            ObjectMapper mapper = new ObjectMapper();
            String url = server.baseUrl() + "/api/v1/account/favorites?type=artist";

            // Warm up each path once, so class loading is not counted as heap growth.
            walkStream(me, n, false);
            me.favoriteCreators();
            tree(http, mapper, url, false);

            long streamGrowth = walkStream(me, n, true);
            long listGrowth = list(me, n);
            long treeGrowth = tree(http, mapper, url, true);
            System.out.printf("live heap growth, half way (MiB): stream %.1f | list %.1f | tree (floor) %.1f%n",
                    mib(streamGrowth), mib(listGrowth), mib(treeGrowth));

            long[] streamMs = new long[5];
            long[] treeMs = new long[5];
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                walkStream(me, n, false);
                streamMs[i] = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                tree(http, mapper, url, false);
                treeMs[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            System.out.printf("walk time, median of 5 (ms): stream %d | tree (floor) %d%n", median(streamMs),
                    median(treeMs));
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Walks Latchkey's stream; if measuring, returns the live heap growth at the half-way item. */
    private static long walkStream(KemonoAccount me, int n, boolean measure) {
        long base = measure ? usedAfterGc() : 0;
        long growth = 0;
        int i = 0;
        try (Stream<FavoriteCreator> s = me.streamFavoriteCreators()) {
            Iterator<FavoriteCreator> it = s.iterator();
            while (it.hasNext()) {
                FavoriteCreator c = it.next();
                if (measure && ++i == n / 2) {
                    growth = usedAfterGc() - base;
                }
                if (c.id().isEmpty()) {
                    throw new IllegalStateException();
                }
            }
        }
        return growth;
    }

    private static long list(KemonoAccount me, int n) {
        long base = usedAfterGc();
        List<FavoriteCreator> all = me.favoriteCreators();
        long growth = usedAfterGc() - base;
        if (all.size() != n) {
            throw new IllegalStateException("got " + all.size());
        }
        return growth;
    }

    private static long tree(OkHttpClient http, ObjectMapper mapper, String url, boolean measure) throws Exception {
        long base = measure ? usedAfterGc() : 0;
        try (Response r = http.newCall(new Request.Builder().url(url).header("Accept", "text/css")
                .header("Cookie", "session=bench-session-cookie").build()).execute()) {
            JsonNode tree = mapper.readTree(r.body().byteStream());
            long growth = measure ? usedAfterGc() - base : 0;
            if (tree.size() == 0) {
                throw new IllegalStateException();
            }
            return growth;
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static byte[] creators(int n) {
        StringBuilder sb = new StringBuilder(n * 260).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"faved_seq\":").append(i).append(",\"id\":\"").append(1_000_000 + i)
                    .append("\",\"indexed\":\"2021-04-02T23:50:57.138135\",\"last_imported\":\"2025-08-01T00:00:00\","
                            + "\"name\":\"Creator number ").append(i).append("\",\"public_id\":\"creator").append(i)
                    .append("\",\"relation_id\":null,\"service\":\"fanbox\",\"updated\":\"2025-08-01T00:00:00\"}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
