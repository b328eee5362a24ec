package dev.latchkey.bench;

import com.uwetrottmann.tmdb2.Tmdb;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * tmdb-java (UweTrottmann, Retrofit + Gson), pointed at the benchmark's loopback server and given the same shared
 * OkHttp client (pool) as the other contenders. Its interceptor only decorates requests to api.themoviedb.org, so here
 * it skips adding {@code api_key} and the session to the URL: slightly less work than against the real API.
 */
final class TmdbJavaPeer extends Tmdb {
    private final OkHttpClient shared;
    private final String base;
    private OkHttpClient client;

    TmdbJavaPeer(String apiKey, OkHttpClient shared, String base) {
        super(apiKey);
        this.shared = shared;
        this.base = base;
    }

    @Override
    protected Retrofit.Builder retrofitBuilder() {
        return super.retrofitBuilder().baseUrl(base + "/3/");
    }

    @Override
    protected synchronized OkHttpClient okHttpClient() {
        if (client == null) {
            OkHttpClient.Builder builder = shared.newBuilder();
            setOkHttpClientDefaults(builder);
            client = builder.build();
        }
        return client;
    }
}
