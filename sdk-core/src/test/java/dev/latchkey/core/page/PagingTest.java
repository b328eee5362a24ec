package dev.latchkey.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {
    /** Pages of 3 items, numbered from 1; page 2 is empty to prove empty middle pages are skipped. */
    static final class Source {
        final AtomicInteger fetches = new AtomicInteger();
        final int pages;

        final int emptyPage;

        Source(int pages) {
            this(pages, 0);
        }

        Source(int pages, int emptyPage) {
            this.pages = pages;
            this.emptyPage = emptyPage;
        }

        Page<Integer> page(int n) {
            fetches.incrementAndGet();
            List<Integer> items = n == emptyPage ? List.of() : IntStream.range(0, 3).map(i -> n * 10 + i).boxed().toList();
            if (n == pages) {
                return Page.last(items);
            }
            return Page.of(items, new PageFetcher<>() {
                @Override
                public Page<Integer> fetch() {
                    return page(n + 1);
                }

                @Override
                public CompletableFuture<Page<Integer>> fetchAsync() {
                    return CompletableFuture.supplyAsync(() -> page(n + 1));
                }
            });
        }
    }

    @Test
    void autoPagerWalksEveryPageLazily() {
        Source src = new Source(4);
        Page<Integer> first = src.page(1);
        assertThat(src.fetches).hasValue(1);
        assertThat(first.autoPager().stream().limit(2).toList()).containsExactly(10, 11);
        assertThat(src.fetches).hasValue(1);
        List<Integer> all = new ArrayList<>();
        first.autoPager().forEach(all::add);
        assertThat(all).containsExactly(10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42);
        assertThat(src.fetches).hasValue(4);
    }

    @Test
    void anEmptyPageEndsTheWalkEvenIfItClaimsMore() {
        Source src = new Source(1000, 2);
        List<Integer> all = new ArrayList<>();
        src.page(1).autoPager().forEach(all::add);
        assertThat(all).containsExactly(10, 11, 12);
        assertThat(src.fetches).hasValue(2);
        List<Integer> async = new ArrayList<>();
        new AsyncAutoPager<>(CompletableFuture.completedFuture(src.page(1))).forEach(async::add).join();
        assertThat(async).containsExactly(10, 11, 12);
        assertThat(src.fetches).hasValue(4);
    }

    @Test
    void pagesWalkOneByOne() {
        Source src = new Source(2);
        Page<Integer> p = src.page(1);
        assertThat(p.hasNext()).isTrue();
        Page<Integer> last = p.next();
        assertThat(last.hasNext()).isFalse();
        assertThatThrownBy(last::next).isInstanceOf(NoSuchElementException.class);
        assertThat(last.nextAsync()).isCompletedExceptionally();
    }

    @Test
    void asyncPagerCollectsWithoutFetchingBeyondTheLimit() throws Exception {
        Source src = new Source(5);
        assertThat(src.page(1).autoPagerAsync().collect(4).get()).containsExactly(10, 11, 12, 20);
        assertThat(src.fetches).hasValue(2); // pages 1 and 2: nothing after the 4th item
        List<Integer> all = new ArrayList<>();
        new AsyncAutoPager<>(CompletableFuture.completedFuture(src.page(1))).forEach(all::add).get();
        assertThat(all).hasSize(15);
    }
}
