package dev.latchkey.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.testing.contract.TwinParity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every sync call has its async twin, with the same parameters and result ({@link TwinParity}). */
class EternaltwinTwinsTest {
    static final Map<String, String> NO_TWIN_NEEDED = Map.ofEntries(
            Map.entry("EternaltwinClient.startAuthorization", "signs a state and builds a URL; no HTTP call"),
            Map.entry("EternaltwinClient.resume", "reads the local session store; no HTTP call to wait for"),
            Map.entry("EternaltwinClient.withOptions", "derives a client; no call"),
            Map.entry("EternaltwinClient.baseUrl", "accessor"),
            Map.entry("EternaltwinClient.clientId", "accessor"),
            Map.entry("EternaltwinAccount.id", "accessor"),
            Map.entry("EternaltwinAccount.displayName", "accessor"),
            Map.entry("EternaltwinAccount.user", "accessor"),
            Map.entry("EternaltwinAccount.expiresAt", "accessor"),
            Map.entry("EternaltwinAccount.session", "accessor"),
            Map.entry("EternaltwinAccount.storeKey", "accessor"),
            Map.entry("EternaltwinAccount.forget", "clears the local session store; Eternaltwin has no revocation"));

    @Test
    void everySyncCallHasItsAsyncTwin() {
        assertThat(TwinParity.problems(Map.of(EternaltwinClient.class, EternaltwinClientAsync.class,
                EternaltwinAccount.class, EternaltwinAccountAsync.class), NO_TWIN_NEEDED)).isEmpty();
    }
}
