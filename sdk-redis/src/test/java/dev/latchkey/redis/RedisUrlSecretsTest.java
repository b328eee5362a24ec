package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.internal.Secrets;
import dev.latchkey.redis.internal.RedisConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which forms of a Redis URL's password must never show, and that messages are scrubbed of every one. */
class RedisUrlSecretsTest {

    @Test
    void thePasswordAsWrittenAndAsDecodedAreBothSecret() {
        assertThat(RedisFleet.Builder.passwordForms("redis://worker:p%40ss%2Fw0rd@10.0.0.5:6379/2"))
                .containsExactly("p%40ss%2Fw0rd", "p@ss/w0rd");
        // No user name: all of the user info is the password (Redis before ACLs).
        assertThat(RedisFleet.Builder.passwordForms("redis://s3cret-pass@10.0.0.5:6379")).containsExactly("s3cret-pass");
        // A '+' is a plus in a URL's user info, not a space.
        assertThat(RedisFleet.Builder.passwordForms("redis://u:a+b-pass@h:6379")).containsExactly("a+b-pass");
        // The last '@' ends the user info: a password may hold one, encoded or not.
        assertThat(RedisFleet.Builder.passwordForms("redis://u:p@ss-word@h:6379")).containsExactly("p@ss-word");
    }

    @Test
    void aUrlWithoutAPasswordHasNoSecret() {
        assertThat(RedisFleet.Builder.passwordForms("redis://h:6379")).isEmpty();
        assertThat(RedisFleet.Builder.passwordForms("redis://user:@h:6379")).isEmpty();
        assertThat(RedisFleet.Builder.passwordForms("redis://@h:6379")).isEmpty();
        assertThat(RedisFleet.Builder.passwordForms("h@redis")).isEmpty();
    }

    @Test
    void aFailuresMessageIsScrubbedOfEveryFormAndCutShort() {
        Secrets secrets = Secrets.NONE.with(RedisFleet.Builder.passwordForms("redis://u:p%40ss%2Fw0rd@h:6379"));
        String described = RedisConnection.describe(new IllegalStateException(
                "AUTH p@ss/w0rd refused; URL redis://u:p%40ss%2Fw0rd@h:6379; " + "x".repeat(400)), secrets);
        assertThat(described).startsWith("IllegalStateException: AUTH ").doesNotContain("p@ss/w0rd")
                .doesNotContain("p%40ss%2Fw0rd").hasSizeLessThan(340);
        assertThat(RedisConnection.describe(new IllegalStateException(), secrets)).isEqualTo("IllegalStateException");
        assertThat(RedisFleet.builder("redis://u:p%40ss%2Fw0rd@10.0.0.5:6379").toString())
                .isEqualTo("RedisFleet.Builder(10.0.0.5:6379)");
    }
}
