package dev.latchkey.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.testing.contract.TwinParity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every sync call has its async twin, with the same parameters and result ({@link TwinParity}). */
class TmdbTwinsTest {
    static final Map<String, String> NO_TWIN_NEEDED = Map.ofEntries(
            Map.entry("TmdbClient.resume", "reads the local session store; no HTTP call to wait for"),
            Map.entry("TmdbClient.resumeGuest", "reads the local session store; no HTTP call to wait for"),
            Map.entry("TmdbClient.guest", "wraps a known guest session id; no call"),
            Map.entry("TmdbClient.withOptions", "derives a client; no call"),
            Map.entry("TmdbClient.baseUrl", "accessor"),
            Map.entry("TmdbAccount.id", "accessor"),
            Map.entry("TmdbAccount.username", "accessor"),
            Map.entry("TmdbAccount.session", "accessor"),
            Map.entry("TmdbAccount.storeKey", "accessor"),
            Map.entry("GuestSession.id", "accessor"),
            Map.entry("GuestSession.expiresAt", "accessor"));

    @Test
    void everySyncCallHasItsAsyncTwin() {
        assertThat(TwinParity.problems(Map.of(TmdbClient.class, TmdbClientAsync.class, TmdbAuth.class,
                TmdbAuthAsync.class, TmdbAccount.class, TmdbAccountAsync.class, GuestSession.class,
                GuestSessionAsync.class), NO_TWIN_NEEDED)).isEmpty();
    }
}
