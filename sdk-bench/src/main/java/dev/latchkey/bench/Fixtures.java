package dev.latchkey.bench;

import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The TMDb answers the benchmarks serve, recorded once from the testkit's FakeTmdb (its documented wire format). */
final class Fixtures {
    static final String SESSION_ID = "79191836ddaa0da3df76a5ffef6f07ad6ab0c641";
    static final int ACCOUNT_ID = 548;

    final byte[] favoritesPage;
    final byte[] accountDetails;
    final byte[] requestToken;
    final byte[] session;
    final byte[] notFound;

    private Fixtures(byte[] favoritesPage, byte[] accountDetails, byte[] requestToken, byte[] session,
            byte[] notFound) {
        this.favoritesPage = favoritesPage;
        this.accountDetails = accountDetails;
        this.requestToken = requestToken;
        this.session = session;
        this.notFound = notFound;
    }

    static Fixtures record() {
        OkHttpClient http = new OkHttpClient();
        try (FakeTmdb fake = FakeTmdb.create().start()) {
            String key = "api_key=" + FakeTmdb.API_KEY;
            byte[] token = get(http, fake.baseUrl() + "/3/authentication/token/new?" + key);
            String t = new String(token, StandardCharsets.UTF_8).replaceAll(".*\"request_token\":\"([0-9a-f]+)\".*",
                    "$1");
            fake.approveRequestToken(t, FakeTmdb.DEMO_USER);
            byte[] session = post(http, fake.baseUrl() + "/3/authentication/session/new?" + key,
                    "{\"request_token\":\"" + t + "\"}");
            String sid = new String(session, StandardCharsets.UTF_8).replaceAll(".*\"session_id\":\"([0-9a-f]+)\".*",
                    "$1");
            int id = fake.accountId(FakeTmdb.DEMO_USER);
            byte[] page = get(http, fake.baseUrl() + "/3/account/" + id + "/favorite/movies?" + key + "&session_id="
                    + sid);
            byte[] details = get(http, fake.baseUrl() + "/3/account?" + key + "&session_id=" + sid);
            byte[] missing = get(http, fake.baseUrl() + "/3/movie/1/account_states?" + key + "&session_id=" + sid);
            return new Fixtures(page, details, token, session, missing);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** @return a server, in its own process, answering every path the benchmarks use */
    CannedServer serve() {
        return CannedServer.start(new CannedAnswers()
                .json("/3/account", 200, accountDetails)
                .json("/3/account/" + ACCOUNT_ID, 200, accountDetails)
                .json("/3/account/" + ACCOUNT_ID + "/favorite/movies", 200, favoritesPage)
                .json("/3/authentication/token/new", 200, requestToken)
                .json("/3/authentication/token/validate_with_login", 200, requestToken)
                .json("/3/authentication/session/new", 200, session)
                .json("/3/movie/1/account_states", 404, notFound));
    }

    private static byte[] get(OkHttpClient http, String url) {
        return send(http, new Request.Builder().url(url).build());
    }

    private static byte[] post(OkHttpClient http, String url, String json) {
        return send(http, new Request.Builder().url(url).post(RequestBody.create(json,
                MediaType.get("application/json"))).build());
    }

    private static byte[] send(OkHttpClient http, Request request) {
        try (Response r = http.newCall(request).execute()) {
            return r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
