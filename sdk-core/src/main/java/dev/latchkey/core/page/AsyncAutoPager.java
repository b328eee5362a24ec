package dev.latchkey.core.page;

import dev.latchkey.core.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every item of a listing, fetched page by page without blocking a thread.
 *
 * @param <T> the item type
 */
public final class AsyncAutoPager<T> {
    private final CompletableFuture<Page<T>> first;

    /** @param first the first page, when it arrives */
    public AsyncAutoPager(CompletableFuture<Page<T>> first) {
        this.first = Objects.requireNonNull(first, "first");
    }

    /**
     * @return the first page, when it arrives, to walk page by page with {@link Page#nextAsync()}; cancelling it
     *     cancels the call in flight
     */
    public CompletableFuture<Page<T>> firstPage() {
        return first;
    }

    /**
     * Hands each item to the consumer, in order, fetching pages as needed.
     *
     * @param consumer takes each item
     * @return completes when every page was read, or fails with the first error
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> consumer) {
        return forEachWhile(item -> {
            consumer.accept(item);
            return true;
        });
    }

    /**
     * Hands items to the consumer until it returns {@code false}; no further page is fetched after that.
     *
     * @param consumer takes each item; returns whether to go on
     * @return completes when done, or fails with the first error
     */
    public CompletableFuture<Void> forEachWhile(Predicate<? super T> consumer) {
        return Async.compose(first, page -> walk(page, consumer));
    }

    /**
     * @param limit the most items to collect
     * @return up to {@code limit} items, fetching no page beyond what they need
     */
    public CompletableFuture<List<T>> collect(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more: " + limit);
        }
        List<T> out = new ArrayList<>();
        if (limit == 0) {
            return CompletableFuture.completedFuture(out);
        }
        return Async.map(forEachWhile(item -> {
            out.add(item);
            return out.size() < limit;
        }), v -> out);
    }

    private CompletableFuture<Void> walk(Page<T> page, Predicate<? super T> consumer) {
        return walk(page, consumer, true);
    }

    private CompletableFuture<Void> walk(Page<T> page, Predicate<? super T> consumer, boolean first) {
        if (!first && page.items().isEmpty()) {
            return CompletableFuture.completedFuture(null); // an empty page ends the walk, as in AutoPager
        }
        for (T item : page.items()) {
            if (!consumer.test(item)) {
                return CompletableFuture.completedFuture(null);
            }
        }
        if (!page.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        return Async.compose(page.nextAsync(), next -> walk(next, consumer, false));
    }
}
