package dev.latchkey.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.page.AsyncAutoPager;
import dev.latchkey.core.page.AutoPager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The parity check itself must catch each kind of drift, or the provider modules' parity tests prove nothing. */
class TwinParityTest {

    public static final class Sync {
        public int count(String a) {
            return 0;
        }

        public void drop(long id) {
        }

        public AutoPager<String> names() {
            return null;
        }

        public Nav nav() {
            return null;
        }

        public String id() {
            return "";
        }
    }

    public static final class Async {
        public CompletableFuture<Integer> count(String a) {
            return null;
        }

        public CompletableFuture<Void> drop(long id) {
            return null;
        }

        public AsyncAutoPager<String> names() {
            return null;
        }

        public NavAsync nav() {
            return null;
        }
    }

    public static final class Nav {
        public List<String> all() {
            return null;
        }
    }

    public static final class NavAsync {
        public CompletableFuture<List<String>> all() {
            return null;
        }
    }

    public static final class Drifted {
        public CompletableFuture<Long> count(String a) { // wrong result
            return null;
        }

        public CompletableFuture<Void> drop(int id) { // other parameters
            return null;
        }

        public CompletableFuture<List<String>> names() { // a page list, not a pager
            return null;
        }

        public CompletableFuture<Void> extra() { // no sync original
            return null;
        }
    }

    @Test
    void twinsThatAgreeHaveNoProblems() {
        assertThat(TwinParity.problems(Map.of(Sync.class, Async.class, Nav.class, NavAsync.class),
                Map.of("Sync.id", "an accessor"))).isEmpty();
    }

    @Test
    void everyKindOfDriftIsReported() {
        List<String> problems = TwinParity.problems(Map.of(Sync.class, Drifted.class), Map.of("Sync.gone", "stale"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Drifted.count(String) returns")
                        .contains("CompletableFuture<java.lang.Integer>"))
                .anySatisfy(p -> assertThat(p).contains("Sync.drop(long) has no async twin"))
                .anySatisfy(p -> assertThat(p).contains("Drifted.names() returns").contains("AsyncAutoPager"))
                .anySatisfy(p -> assertThat(p).contains("Drifted.extra() has no sync original"))
                .anySatisfy(p -> assertThat(p).contains("Sync.nav() has no async twin"))
                .anySatisfy(p -> assertThat(p).contains("Sync.id() has no async twin").doesNotContain("allow"))
                .anySatisfy(p -> assertThat(p).contains("allow-list entry Sync.gone"));
    }
}
