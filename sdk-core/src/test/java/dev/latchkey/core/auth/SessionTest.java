package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The immutable session: what it holds, what it refuses, what it prints, when it expires, and how it compares. */
class SessionTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Session full() {
        return Session.builder("p").cookie("session", "c00kie1").token(Session.ACCESS_TOKEN, "tok3n.v4lue")
                .header("X-Auth", "h3ader value").attribute("username", "alice").createdAt(T0)
                .expiresAt(T0.plusSeconds(60)).build();
    }

    @Test
    void itHoldsWhatItWasGivenAndCopiesWhole() {
        Session s = full();
        assertThat(s.provider()).isEqualTo("p");
        assertThat(s.cookies()).containsExactly(Map.entry("session", "c00kie1"));
        assertThat(s.cookie("session")).contains("c00kie1");
        assertThat(s.cookie("other")).isEmpty();
        assertThat(s.token(Session.ACCESS_TOKEN)).contains("tok3n.v4lue");
        assertThat(s.tokens()).hasSize(1);
        assertThat(s.headers()).containsExactly(Map.entry("X-Auth", "h3ader value"));
        assertThat(s.attribute("username")).contains("alice");
        assertThat(s.attributes()).hasSize(1);
        assertThat(s.createdAt()).isEqualTo(T0);
        assertThat(s.expiresAt()).contains(T0.plusSeconds(60));
        assertThat(s.secretValues()).containsExactly("c00kie1", "tok3n.v4lue", "h3ader value");
        Session copy = s.toBuilder().build();
        assertThat(copy).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(s.toBuilder().removeToken(Session.ACCESS_TOKEN).build().tokens()).isEmpty();
        assertThatThrownBy(() -> s.cookies().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyPartTakesPartInEquality() {
        Session s = full();
        Session.Builder b = s.toBuilder();
        assertThat(s).isNotEqualTo(null).isNotEqualTo("session");
        assertThat(Session.builder("q").cookie("session", "c00kie1").token(Session.ACCESS_TOKEN, "tok3n.v4lue")
                .header("X-Auth", "h3ader value").attribute("username", "alice").createdAt(T0)
                .expiresAt(T0.plusSeconds(60)).build()).isNotEqualTo(s);
        assertThat(s.toBuilder().cookie("session", "other1").build()).isNotEqualTo(s);
        assertThat(s.toBuilder().token(Session.ACCESS_TOKEN, "other").build()).isNotEqualTo(s);
        assertThat(s.toBuilder().header("X-Auth", "other").build()).isNotEqualTo(s);
        assertThat(s.toBuilder().attribute("username", "bob").build()).isNotEqualTo(s);
        assertThat(s.toBuilder().createdAt(T0.plusSeconds(1)).build()).isNotEqualTo(s);
        assertThat(s.toBuilder().expiresAt(null).build()).isNotEqualTo(s);
        assertThat(b.build()).isEqualTo(s);
    }

    @Test
    void itExpiresAtItsInstantOnTheGivenClock() {
        Session s = full();
        assertThat(s.isExpired(Clock.fixed(T0.plusSeconds(59), ZoneOffset.UTC))).isFalse();
        assertThat(s.isExpired(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))).isTrue();
        assertThat(s.toBuilder().expiresAt(null).build().isExpired(Clock.fixed(Instant.MAX, ZoneOffset.UTC)))
                .isFalse();
    }

    @Test
    void itPrintsNamesNeverValues() {
        String printed = full().toString();
        assertThat(printed).contains("provider=p", "session=***", "access_token=***", "X-Auth=***",
                "username=alice", "expiresAt=" + T0.plusSeconds(60));
        assertThat(printed).doesNotContain("c00kie1", "tok3n", "h3ader");
        assertThat(Session.builder("p").createdAt(T0).build().toString())
                .isEqualTo("Session{provider=p, cookies=[], tokens=[], headers=[], attributes={}, createdAt=" + T0
                        + "}");
    }

    @Test
    void itRefusesWhatCannotTravel() {
        assertThatThrownBy(() -> Session.builder(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Session.builder(null)).isInstanceOf(InvalidInputException.class);
        Session.Builder b = Session.builder("p");
        assertThatThrownBy(() -> b.token("t", "has space")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("index 3").hasMessageNotContaining("has space");
        assertThatThrownBy(() -> b.token("t", "caf\u00e9")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.token("t", "del\u007f")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.token("t", "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.token(" ", "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.header("H", "a\r\nb")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.header("H", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.attribute("a", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.createdAt(null)).isInstanceOf(NullPointerException.class);
        assertThat(b.token("t", "!~").build().token("t")).contains("!~"); // the visible range's edges
    }
}
