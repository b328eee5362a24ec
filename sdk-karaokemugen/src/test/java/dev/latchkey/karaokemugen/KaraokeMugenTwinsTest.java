package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.testing.contract.TwinParity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every sync call has its async twin, with the same parameters and result ({@link TwinParity}). */
class KaraokeMugenTwinsTest {
    static final Map<String, String> NO_TWIN_NEEDED = Map.ofEntries(
            Map.entry("KaraokeMugenClient.resume", "reads the local session store; no HTTP call to wait for"),
            Map.entry("KaraokeMugenClient.withOptions", "derives a client; no call"),
            Map.entry("KaraokeMugenClient.baseUrl", "accessor"),
            Map.entry("KaraokeMugenAccount.username", "accessor"),
            Map.entry("KaraokeMugenAccount.role", "accessor"),
            Map.entry("KaraokeMugenAccount.online", "accessor"),
            Map.entry("KaraokeMugenAccount.session", "accessor"),
            Map.entry("KaraokeMugenAccount.storeKey", "accessor"),
            Map.entry("KaraokeMugenAccount.forget", "clears the local session store; the app has no logout"));

    @Test
    void everySyncCallHasItsAsyncTwin() {
        assertThat(TwinParity.problems(Map.of(KaraokeMugenClient.class, KaraokeMugenClientAsync.class,
                KaraokeMugenAccount.class, KaraokeMugenAccountAsync.class), NO_TWIN_NEEDED)).isEmpty();
    }
}
