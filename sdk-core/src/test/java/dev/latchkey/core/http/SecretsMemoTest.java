package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.internal.Secrets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client's calls with the same credentials share one {@link Secrets}; other credentials get their own. */
class SecretsMemoTest {
    @Test
    void theSameValuesGiveTheSameSecretsAndOthersTheirOwn() {
        SecretsMemo memo = new SecretsMemo();
        Secrets first = memo.of(new ArrayList<>(List.of("api-key-123456", "alpha-alpha-alpha")));
        assertThat(memo.of(List.of("api-key-123456", "alpha-alpha-alpha"))).isSameAs(first);
        Secrets other = memo.of(List.of("api-key-123456", "zeta-zeta-zeta"));
        assertThat(other).isNotSameAs(first);
        assertThat(other.scrub("zeta-zeta-zeta and alpha-alpha-alpha")).isEqualTo("*** and alpha-alpha-alpha");
        assertThat(memo.of(List.of())).isSameAs(Secrets.NONE);
    }

    @Test
    void aChangeToTheCallersListAfterwardsChangesNothing() {
        SecretsMemo memo = new SecretsMemo();
        List<String> values = new ArrayList<>(List.of("api-key-123456"));
        Secrets first = memo.of(values);
        values.set(0, "api-key-999999");
        assertThat(memo.of(List.of("api-key-123456"))).isSameAs(first);
        assertThat(memo.of(values)).isNotSameAs(first);
    }

    @Test
    void clearingForgetsTheSecrets() {
        SecretsMemo memo = new SecretsMemo();
        Secrets first = memo.of(List.of("api-key-123456"));
        memo.clear();
        assertThat(memo.of(List.of("api-key-123456"))).isNotSameAs(first);
    }

    @Test
    void theKeptEntryNeverPrintsItsValues() throws Exception {
        SecretsMemo memo = new SecretsMemo();
        memo.of(List.of("api-key-123456"));
        java.lang.reflect.Field last = SecretsMemo.class.getDeclaredField("last");
        last.setAccessible(true);
        assertThat(String.valueOf(last.get(memo))).doesNotContain("api-key").contains("***");
    }
}
