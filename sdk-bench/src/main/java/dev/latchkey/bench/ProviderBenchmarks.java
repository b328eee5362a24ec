package dev.latchkey.bench;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** What the provider benchmarks share: one OkHttp client for every contender, and Latchkey's retries off. */
final class ProviderBenchmarks {
    private ProviderBenchmarks() {
    }

    /** One attempt per call, as the floor makes. */
    static final Consumer<ClientOptions.Builder> ONE_ATTEMPT = o -> o.retryPolicy(RetryPolicy.none());

    static OkHttpClient sharedClient() {
        return new OkHttpClient();
    }

    static void shutDown(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
