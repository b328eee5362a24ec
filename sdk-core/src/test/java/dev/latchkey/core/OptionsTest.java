package dev.latchkey.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The client-wide and per-call options: defaults, checks, copies and what they print. */
class OptionsTest {

    @Test
    void retryPolicyDefaultsAndBackoff() {
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.maxRetries()).isEqualTo(2);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.multiplier()).isEqualTo(2.0);
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
        assertThat(d.jitter()).isEqualTo(0.25);
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        RetryPolicy exact = RetryPolicy.builder().random(() -> 0.0).build();
        // 500, 1000, 2000, 4000, 8000, then capped at 8000; retry 0 counts as the first.
        assertThat(List.of(exact.backoffMillis(0), exact.backoffMillis(1), exact.backoffMillis(2),
                exact.backoffMillis(3), exact.backoffMillis(5), exact.backoffMillis(9)))
                .containsExactly(500L, 500L, 1000L, 2000L, 8000L, 8000L);
        RetryPolicy fullJitter = RetryPolicy.builder().random(() -> 1.0).jitter(0.5).build();
        assertThat(fullJitter.backoffMillis(2)).isEqualTo(500L); // 1000 * (1 - 0.5 * 1.0)
        RetryPolicy flat = RetryPolicy.builder().multiplier(1.0).initialBackoff(Duration.ofMillis(300))
                .maxBackoff(Duration.ofMillis(250)).jitter(0).build();
        assertThat(flat.backoffMillis(4)).isEqualTo(250L);
    }

    @Test
    void retryPolicyRefusesWhatMakesNoSense() {
        RetryPolicy.Builder b = RetryPolicy.builder();
        assertThatThrownBy(() -> b.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> b.multiplier(0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.multiplier(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.jitter(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.jitter(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.jitter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.initialBackoff(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxBackoff(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxRetryAfter(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.random(null)).isInstanceOf(NullPointerException.class);
        // The edges are allowed.
        RetryPolicy edges = b.maxRetries(0).multiplier(1.0).jitter(0).jitter(1).maxRetryAfter(Duration.ZERO).build();
        assertThat(edges.jitter()).isEqualTo(1.0);
        assertThat(edges.maxRetryAfter()).isZero();
    }

    @Test
    void retryPolicyCopiesEveryField() {
        RetryPolicy p = RetryPolicy.builder().maxRetries(5).initialBackoff(Duration.ofMillis(7)).multiplier(3)
                .maxBackoff(Duration.ofSeconds(2)).jitter(0.1).maxRetryAfter(Duration.ofSeconds(9))
                .random(() -> 0.5).build();
        RetryPolicy copy = p.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(p.toString())
                .isEqualTo("RetryPolicy{maxRetries=5, initialBackoff=PT0.007S, multiplier=3.0, maxBackoff=PT2S, "
                        + "jitter=0.1, maxRetryAfter=PT9S}");
        assertThat(copy.backoffMillis(2)).isEqualTo(p.backoffMillis(2)).isEqualTo(20L); // 21 * 0.95, rounded
    }

    @Test
    void clientOptionsDefaultsCopiesAndPrintsNoHeaderValues() {
        ClientOptions d = ClientOptions.builder().build();
        assertThat(d.baseUrl()).isEmpty();
        assertThat(d.httpClient()).isEmpty();
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.totalTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(d.retryPolicy()).isSameAs(RetryPolicy.defaults());
        assertThat(d.userAgent()).isEmpty();
        assertThat(d.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(d.headers()).isEmpty();

        OkHttpClient http = new OkHttpClient();
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        Sleeper sleeper = Sleeper.system();
        SessionStore store = SessionStore.inMemory();
        ClientOptions o = ClientOptions.builder().baseUrl("http://127.0.0.1:9/api").httpClient(http)
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(4))
                .totalTimeout(Duration.ofSeconds(5)).maxRetries(7).userAgent("bot/1.0").sessionStore(store)
                .clock(clock).sleeper(sleeper).maxResponseBytes(99).header("X-Token", "secret-value-123").build();
        ClientOptions copy = o.toBuilder().build();
        for (ClientOptions c : new ClientOptions[] {o, copy}) {
            assertThat(c.baseUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://127.0.0.1:9/api"));
            assertThat(c.httpClient()).containsSame(http);
            assertThat(List.of(c.connectTimeout(), c.readTimeout(), c.writeTimeout(), c.callTimeout(),
                    c.totalTimeout())).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                            Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5));
            assertThat(c.retryPolicy().maxRetries()).isEqualTo(7);
            assertThat(c.userAgent()).contains("bot/1.0");
            assertThat(c.sessionStore()).isSameAs(store);
            assertThat(c.clock()).isSameAs(clock);
            assertThat(c.sleeper()).isSameAs(sleeper);
            assertThat(c.maxResponseBytes()).isEqualTo(99);
            assertThat(c.headers()).containsExactly(Map.entry("X-Token", "secret-value-123"));
        }
        assertThat(o.toString()).contains("httpClient=caller's", "headers=[X-Token]", "userAgent=bot/1.0")
                .doesNotContain("secret-value-123");
        assertThat(d.toString()).contains("httpClient=own");
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void clientOptionsRefuseWhatMakesNoSense() {
        ClientOptions.Builder b = ClientOptions.builder();
        List<Runnable> refused = new ArrayList<>(List.of(
                () -> b.connectTimeout(Duration.ZERO), () -> b.readTimeout(Duration.ZERO),
                () -> b.writeTimeout(Duration.ofMillis(-1)), () -> b.userAgent("bad\nagent"),
                () -> b.userAgent(" "), () -> b.userAgent("caf\u00e9")));
        for (Runnable r : refused) {
            assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.maxResponseBytes(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.retryPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.sessionStore(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.sleeper(null)).isInstanceOf(NullPointerException.class);
        assertThat(b.userAgent("a~").build().userAgent()).contains("a~"); // the printable range's last character
    }

    @Test
    void requestOptionsCarryOverridesAndPrintNoSecrets() {
        RequestOptions none = RequestOptions.none();
        assertThat(none.timeout()).isEmpty();
        assertThat(none.maxRetries()).isEmpty();
        assertThat(none.headers()).isEmpty();
        assertThat(none.idempotencyKey()).isEmpty();
        RequestOptions o = RequestOptions.builder().timeout(Duration.ofSeconds(3)).maxRetries(0)
                .header("X-Trace", "t-1").idempotencyKey("op-42").build();
        assertThat(o.timeout()).contains(Duration.ofSeconds(3));
        assertThat(o.maxRetries()).contains(0);
        assertThat(o.headers()).containsEntry("X-Trace", "t-1");
        assertThat(o.idempotencyKey()).contains("op-42");
        assertThat(o.toString()).contains("headers=[X-Trace]", "idempotencyKey=set").doesNotContain("t-1", "op-42");
        assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The smallest provider builder. */
    static final class DemoBuilder extends ClientBuilder<DemoBuilder> {
        ClientOptions built() {
            return clientOptions();
        }

        /** A setting made before {@code options(all)}: replaced by it. */
        DemoBuilder userAgentLost() {
            return options(b -> b.userAgent("lost/1"));
        }
    }

    @Test
    void everyProviderBuilderSetsTheSameOptions() {
        OkHttpClient http = new OkHttpClient();
        SessionStore store = SessionStore.inMemory();
        ClientOptions o = new DemoBuilder().baseUrl("http://127.0.0.1:8/x").httpClient(http).sessionStore(store)
                .options(b -> b.maxRetries(4).userAgent("demo/1")).options(b -> b.readTimeout(Duration.ofSeconds(9)))
                .built();
        assertThat(o.baseUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://127.0.0.1:8/x"));
        assertThat(o.httpClient()).containsSame(http);
        assertThat(o.sessionStore()).isSameAs(store);
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(4);
        assertThat(o.userAgent()).contains("demo/1");
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThatThrownBy(() -> new DemoBuilder().options((java.util.function.Consumer<ClientOptions.Builder>) null))
                .isInstanceOf(NullPointerException.class);
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aBuilderStartsFromOptionsBuiltElsewhereWithoutChangingThem() {
        ClientOptions shared = ClientOptions.builder().baseUrl("http://127.0.0.1:8/x").maxRetries(5)
                .userAgent("shared/1").build();
        ClientOptions o = new DemoBuilder().userAgentLost().options(shared).options(b -> b.maxRetries(1)).built();
        assertThat(o.baseUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://127.0.0.1:8/x"));
        assertThat(o.userAgent()).contains("shared/1");
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(1);
        assertThat(shared.retryPolicy().maxRetries()).isEqualTo(5);
        assertThatThrownBy(() -> new DemoBuilder().options((ClientOptions) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theCallersOkHttpTimeoutsStandUnlessSetInTheOptionsToo() {
        OkHttpClient callers = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(100))
                .readTimeout(Duration.ofMillis(200)).writeTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofMillis(400)).build();
        ClientOptions kept = ClientOptions.builder().httpClient(callers).build();
        assertThat(List.of(kept.connectTimeout(), kept.readTimeout(), kept.writeTimeout(), kept.callTimeout()))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                        Duration.ofMillis(400));

        ClientOptions overridden = ClientOptions.builder().httpClient(callers).readTimeout(Duration.ofSeconds(2))
                .build();
        assertThat(overridden.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(overridden.connectTimeout()).isEqualTo(Duration.ofMillis(100));
        // toBuilder keeps "not set" as not set: another client's timeouts apply after a swap.
        OkHttpClient other = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(700)).build();
        ClientOptions swapped = overridden.toBuilder().httpClient(other).build();
        assertThat(swapped.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(swapped.readTimeout()).isEqualTo(Duration.ofSeconds(2));

        // OkHttp's defaults are 10 s each and no call timeout: the call keeps Latchkey's 60 s deadline.
        ClientOptions plain = ClientOptions.builder().httpClient(new OkHttpClient()).build();
        assertThat(plain.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plain.callTimeout()).isEqualTo(ClientOptions.DEFAULT_CALL_TIMEOUT);
    }
}
