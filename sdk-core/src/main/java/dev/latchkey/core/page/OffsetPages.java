package dev.latchkey.core.page;

import dev.latchkey.core.Async;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.HttpPipeline;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Listings paged by {@code limit} and {@code offset} that say how many items match in all (Eternaltwin's users and the
 * like). Builds {@link Page}s whose next page is fetched on demand, sync or async.
 *
 * <p>The walk cannot be made endless or repetitive by the server: the total the first page reports bounds it (a server
 * that raises the total page after page extends nothing), the next offset is the one asked for plus the items
 * received, an empty page ends it, and a page identical to the one before (a server that ignores
 * {@code offset}) ends it without its items.
 */
public final class OffsetPages {
    private OffsetPages() {
    }

    /**
     * One page as the provider answered it.
     *
     * @param items the items
     * @param total how many items match in all
     * @param <T> the item type
     */
    public record Slice<T>(List<T> items, long total) {
        /**
         * Creates a {@code Slice}, checking and normalizing its components.
         *
         * @param items the items
         * @param total how many items match in all
         */
        public Slice {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** Makes the call for one page. */
    @FunctionalInterface
    public interface SliceCall<T> {
        /**
         * @param limit the most items to return
         * @param offset how many matching items to skip
         * @return the call
         */
        ApiCall<Slice<T>> apply(int limit, long offset);
    }

    /**
     * @param pipeline runs the calls
     * @param call the call for one page
     * @param limit the page size, 1 or more
     * @param offset the first item's offset, 0 or more
     * @param <T> the item type
     * @return the first page, fetched now
     */
    public static <T> Page<T> fetch(HttpPipeline pipeline, SliceCall<T> call, int limit, long offset) {
        check(limit, offset);
        return toPage(call.apply(limit, offset).execute(pipeline), new Walk<>(pipeline, call, limit, -1, null), offset);
    }

    /**
     * @param <T> the type the answer is read into
     * @param pipeline runs the calls
     * @param call the call
     * @param limit the page size, 1 or more
     * @param offset how many matching items to skip
     * @return the first page, fetched without blocking
     */
    public static <T> CompletableFuture<Page<T>> fetchAsync(HttpPipeline pipeline, SliceCall<T> call, int limit,
            long offset) {
        return Async.start(() -> {
            check(limit, offset);
            return Async.map(call.apply(limit, offset).executeAsync(pipeline),
                    s -> toPage(s, new Walk<>(pipeline, call, limit, -1, null), offset));
        });
    }

    private static void check(int limit, long offset) {
        if (limit < 1) {
            throw new InvalidInputException("limit must be 1 or more: " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset must be 0 or more: " + offset);
        }
    }

    /** What the walk knows between pages: the bound the first page set, and the items of the page before. */
    private record Walk<T>(HttpPipeline pipeline, SliceCall<T> call, int limit, long bound, List<T> previous) {
    }

    private static <T> Page<T> toPage(Slice<T> slice, Walk<T> walk, long offset) {
        Objects.requireNonNull(slice, "slice");
        List<T> items = slice.items();
        if (walk.previous() != null && !items.isEmpty() && items.equals(walk.previous())) {
            return Page.last(List.of()); // the same page again: the server ignored the offset
        }
        long bound = walk.bound() < 0 ? Math.max(0, slice.total()) : walk.bound();
        long next = offset + items.size();
        // A short page does not end the walk: a server may serve fewer than asked (a lower maximum) with more to come.
        boolean last = items.isEmpty() || next >= bound || next < 0;
        if (last) {
            return Page.of(items, null, slice.total());
        }
        Walk<T> following = new Walk<>(walk.pipeline(), walk.call(), walk.limit(), bound, items);
        return Page.of(items, new PageFetcher<>() {
            @Override
            public Page<T> fetch() {
                return toPage(following.call().apply(following.limit(), next).execute(following.pipeline()),
                        following, next);
            }

            @Override
            public CompletableFuture<Page<T>> fetchAsync() {
                return Async.start(() -> Async.map(following.call().apply(following.limit(), next)
                        .executeAsync(following.pipeline()), s -> toPage(s, following, next)));
            }
        }, slice.total());
    }
}
