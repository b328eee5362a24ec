package dev.latchkey.core.page;

import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.HttpPipeline;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Listings paged by number from 1 (TMDb and the like): each answer says its page and how many there are. Builds
 * {@link Page}s whose next page is fetched on demand, sync or async, never past {@code maxPage}.
 */
public final class NumberedPages {
    private NumberedPages() {
    }

    /**
     * One page as the provider answered it.
     *
     * @param items the items
     * @param page its number, from 1
     * @param totalPages how many pages there are
     * @param <T> the item type
     */
    public record Slice<T>(List<T> items, int page, int totalPages) {
        public Slice {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * @param pipeline runs the calls
     * @param call the call for page n
     * @param first the first page to fetch
     * @param maxPage the last page the provider serves (TMDb: 500)
     * @param <T> the item type
     * @return the first page, fetched now
     */
    public static <T> Page<T> fetch(HttpPipeline pipeline, IntFunction<ApiCall<Slice<T>>> call, int first,
            int maxPage) {
        return toPage(call.apply(first).execute(pipeline), pipeline, call, maxPage);
    }

    /** @return the first page, fetched without blocking */
    public static <T> CompletableFuture<Page<T>> fetchAsync(HttpPipeline pipeline,
            IntFunction<ApiCall<Slice<T>>> call, int first, int maxPage) {
        return call.apply(first).executeAsync(pipeline).thenApply(s -> toPage(s, pipeline, call, maxPage));
    }

    private static <T> Page<T> toPage(Slice<T> slice, HttpPipeline pipeline, IntFunction<ApiCall<Slice<T>>> call,
            int maxPage) {
        Objects.requireNonNull(slice, "slice");
        int next = slice.page() + 1;
        if (next > Math.min(slice.totalPages(), maxPage)) {
            return Page.last(slice.items());
        }
        return Page.of(slice.items(), new PageFetcher<>() {
            @Override
            public Page<T> fetch() {
                return NumberedPages.fetch(pipeline, call, next, maxPage);
            }

            @Override
            public CompletableFuture<Page<T>> fetchAsync() {
                return NumberedPages.fetchAsync(pipeline, call, next, maxPage);
            }
        });
    }
}
