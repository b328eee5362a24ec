package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.testing.LogCapture;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Full TMDb flows at TRACE: no key, token, password or session id appears in logs, messages or toString(). */
class RedactionTest {
    @RegisterExtension
    static FakeTmdb fake = FakeTmdb.create();

    @Test
    void v3AndV4FlowsLeakNoSecret() {
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(FakeTmdb.API_KEY, fake.readAccessToken(),
                FakeTmdb.DEMO_PASSWORD));
        try (LogCapture logs = new LogCapture();
                TmdbClient tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).build();
                TmdbClient v4 = TmdbClient.builder().readAccessToken(fake.readAccessToken()).baseUrl(fake.baseUrl())
                        .build()) {
            RequestToken token = tmdb.auth().createRequestToken();
            secrets.add(token.value());
            tmdb.auth().validateWithLogin(token, "alice", FakeTmdb.DEMO_PASSWORD);
            TmdbSession session = tmdb.auth().createSession(token);
            secrets.add(session.sessionId());
            TmdbAccount me = tmdb.account(session);
            me.favoriteMovies().stream().limit(25).count();
            me.rateMovie(550, 9.5);
            me.markFavorite(MediaType.MOVIE, 13, true);
            GuestSession guest = tmdb.auth().createGuestSession();
            secrets.add(guest.id());
            guest.rateMovie(550, 6.0);
            guest.ratedMovies().stream().count();
            try {
                tmdb.auth().login("alice", "Wrong-" + FakeTmdb.DEMO_PASSWORD);
            } catch (LatchkeyException e) {
                seen.add(e.getMessage());
            }
            try {
                tmdb.auth().createSession(token); // used: code 33
            } catch (LatchkeyException e) {
                seen.add(e.getMessage());
            }
            V4RequestToken rt = v4.auth().createV4RequestToken(null);
            secrets.add(rt.value());
            fake.approveV4RequestToken(rt.value(), "alice");
            V4AccessToken at = v4.auth().createAccessToken(rt);
            secrets.add(at.value());
            TmdbSession converted = v4.auth().convertV4(at);
            secrets.add(converted.sessionId());
            v4.auth().deleteAccessToken(at);
            seen.add(me.toString());
            seen.add(session.toString());
            seen.add(guest.toString());
            seen.add(token.toString());
            seen.add(at.toString());
            seen.add(rt.toString());
            me.logout();
            seen.add(logs.text());
            assertThat(logs.text()).contains("api_key=***").contains("session_id=***").contains("Authorization: ***")
                    .contains("/3/guest_session/***/rated/movies");
        }
        for (String text : seen) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void theEscapeHatchMasksTmdbsOwnSecretNames() {
        // Issue 28: TMDb declares its secret query names (ProviderSpec.withSecretQueryNames); core knows none of them.
        String session = "sess-7c1f9a2e4b6d8035";
        try (TmdbClient tmdb = TmdbClient.builder().apiKey(FakeTmdb.API_KEY).baseUrl(fake.baseUrl()).build();
                LogCapture logs = new LogCapture()) {
            try {
                tmdb.request("GET", "/3/account", java.util.Map.of("session_id", session), null, java.util.Map.class);
            } catch (LatchkeyException e) {
                assertThat(e.getMessage()).contains("session_id=***").doesNotContain(session);
            }
            assertThat(logs.text()).contains("session_id=***").doesNotContain(session);
        }
    }
}
