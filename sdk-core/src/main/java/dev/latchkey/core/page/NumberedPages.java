package dev.latchkey.core.page;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.InvalidInputException;
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
     * @param totalItems how many items the listing holds, or a negative number when the provider does not say
     * @param <T> the item type
     */
    public record Slice<T>(List<T> items, int page, int totalPages, long totalItems) {
        /**
         * Creates a {@code Slice}, checking and normalizing its components.
         *
         * @param items the items
         * @param page its number, from 1
         * @param totalPages how many pages there are
         * @param totalItems how many items the listing holds, or a negative number when the provider does not say
         */
        public Slice {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /**
         * A page whose provider does not say how many items the listing holds.
         *
         * @param items the items
         * @param page its number, from 1
         * @param totalPages how many pages there are
         */
        public Slice(List<T> items, int page, int totalPages) {
            this(items, page, totalPages, -1);
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
        checkRange(first, maxPage);
        return toPage(call.apply(first).execute(pipeline), first, pipeline, call, maxPage);
    }

    /**
     * @param <T> the type the answer is read into
     * @param pipeline runs the calls
     * @param call the call
     * @param first the first page, when it arrives
     * @param maxPage the last page the provider serves (TMDb: 500)
     * @return the first page, fetched without blocking
     */
    public static <T> CompletableFuture<Page<T>> fetchAsync(HttpPipeline pipeline,
            IntFunction<ApiCall<Slice<T>>> call, int first, int maxPage) {
        return Async.start(() -> {
            checkRange(first, maxPage);
            return Async.map(call.apply(first).executeAsync(pipeline), s -> toPage(s, first, pipeline, call, maxPage));
        });
    }

    private static void checkRange(int page, int maxPage) {
        if (page < 1 || page > maxPage) {
            throw new InvalidInputException("page must be between 1 and " + maxPage + ": " + page);
        }
    }

    /**
     * The next page is the one asked for plus one, whatever the answer claims: a server that always says "page 1 of
     * 500", or a page number near {@code Integer.MAX_VALUE}, cannot make the walk loop or overflow. A page that does
     * not say it is the one asked for ends the walk without its items; one that holds nothing ends it too;
     * {@code maxPage} bounds it.
     */
    private static <T> Page<T> toPage(Slice<T> slice, int requested, HttpPipeline pipeline,
            IntFunction<ApiCall<Slice<T>>> call, int maxPage) {
        Objects.requireNonNull(slice, "slice");
        if (slice.page() != requested) {
            // Not the page asked for (a server that repeats page 1): its items would be served twice.
            return Page.last(List.of());
        }
        boolean last = slice.items().isEmpty() || requested >= maxPage || requested >= slice.totalPages();
        if (last) {
            return Page.of(slice.items(), null, slice.totalItems());
        }
        int next = requested + 1;
        return Page.of(slice.items(), new PageFetcher<>() {
            @Override
            public Page<T> fetch() {
                return NumberedPages.fetch(pipeline, call, next, maxPage);
            }

            @Override
            public CompletableFuture<Page<T>> fetchAsync() {
                return NumberedPages.fetchAsync(pipeline, call, next, maxPage);
            }
        }, slice.totalItems());
    }
}
