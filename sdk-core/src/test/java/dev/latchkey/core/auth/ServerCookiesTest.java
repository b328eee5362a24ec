package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Issue 31: what a server sets is kept in the session as a browser would keep it, and nothing else. */
class ServerCookiesTest {
    private static final HttpUrl URL = HttpUrl.get("https://kemono.cr/api/v1/account");
    private static final Instant NOW = Instant.now();
    private final Session session = Session.builder("kemono").cookie("session", "s-1").cookie("__ddg9_", "old")
            .build();

    private static Headers set(String... cookies) {
        Headers.Builder h = new Headers.Builder().add("Content-Type", "text/css");
        for (String c : cookies) {
            h.add("Set-Cookie", c);
        }
        return h.build();
    }

    @Test
    void newAndChangedCookiesAreKeptExpiredOnesRemoved() {
        Session kept = ServerCookies.merged(session, URL, set("__ddg1_=fresh-1; Path=/; Max-Age=600",
                "session=s-2; HttpOnly; Path=/", "__ddg9_=gone; Max-Age=0"), NOW);
        assertThat(kept.cookies()).containsExactly(java.util.Map.entry("session", "s-2"),
                java.util.Map.entry("__ddg1_", "fresh-1"));
        assertThat(kept.attributes()).isEqualTo(session.attributes());
    }

    @Test
    void aCookieForAnotherHostOrOverPlainHttpWhenSecureIsDropped() {
        Session kept = ServerCookies.merged(session, URL, set("evil=1; Domain=evil.example",
                "sub=2; Domain=api.kemono.cr", "parent=3; Domain=kemono.cr"), NOW);
        assertThat(kept.cookies()).containsKey("parent").doesNotContainKeys("evil", "sub");
        Session plain = ServerCookies.merged(session, HttpUrl.get("http://kemono.cr/api"), set("s=1; Secure"), NOW);
        assertThat(plain).as("a Secure cookie over http").isSameAs(session);
    }

    @Test
    void nothingSetOrNothingNewIsTheSameSession() {
        assertThat(ServerCookies.merged(session, URL, set(), NOW)).isSameAs(session);
        assertThat(ServerCookies.merged(session, URL, set("__ddg9_=old"), NOW)).isSameAs(session);
        assertThat(ServerCookies.merged(session, URL, set("absent=x; Max-Age=0"), NOW)).isSameAs(session);
        assertThat(ServerCookies.merged(session, URL, set("broken=\"a b\""), NOW)).as("not RFC 6265's")
                .isSameAs(session);
        assertThat(ServerCookies.merged(session, URL, set("__ddg9_="), NOW).cookies()).doesNotContainKey("__ddg9_");
    }
}
