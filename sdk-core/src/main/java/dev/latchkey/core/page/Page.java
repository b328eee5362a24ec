package dev.latchkey.core.page;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a listing: its items, and the way to the next page if there is one. Walk one page at a time with
 * {@link #next()}, or every item lazily with {@link #autoPager()}.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final PageFetcher<T> next;
    /** How many items the whole listing holds, as the provider said; -1 when it did not. */
    private final long totalItems;

    private Page(List<T> items, PageFetcher<T> next, long totalItems) {
        this.items = List.copyOf(items);
        this.next = next;
        this.totalItems = totalItems < 0 ? -1 : totalItems;
    }

    /**
     * @param items this page's items
     * @param next fetches the next page, or {@code null} if this is the last
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, PageFetcher<T> next) {
        return of(items, next, -1);
    }

    /**
     * @param items this page's items
     * @param next fetches the next page, or {@code null} if this is the last
     * @param totalItems how many items the whole listing holds, as the provider said; negative when it did not
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, PageFetcher<T> next, long totalItems) {
        return new Page<>(Objects.requireNonNull(items, "items"), next, totalItems);
    }

    /**
     * @param <T> the type the answer is read into
     * @param items the items
     * @return a single last page
     */
    public static <T> Page<T> last(List<T> items) {
        return of(items, null);
    }

    /**
     * @return how many items the whole listing holds, when the provider says (TMDb's {@code total_results},
     *     Eternaltwin's {@code count}): for a progress bar or a summary, never to end a walk (an empty page does)
     */
    public java.util.OptionalLong totalItems() {
        return totalItems < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(totalItems);
    }

    /** @return this page's items */
    public List<T> items() {
        return items;
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return next != null;
    }

    /**
     * @return the next page, fetched now
     * @throws NoSuchElementException if this is the last page
     */
    public Page<T> next() {
        if (next == null) {
            throw new NoSuchElementException("this is the last page");
        }
        return next.fetch();
    }

    /** @return the next page, fetched without blocking; failed with {@link NoSuchElementException} on the last */
    public CompletableFuture<Page<T>> nextAsync() {
        return next == null ? CompletableFuture.failedFuture(new NoSuchElementException("this is the last page"))
                : next.fetchAsync();
    }

    /** @return every item from this page on, fetched lazily as they are consumed */
    public AutoPager<T> autoPager() {
        return new AutoPager<>(this);
    }

    /** @return every item from this page on, fetched without blocking */
    public AsyncAutoPager<T> autoPagerAsync() {
        return new AsyncAutoPager<>(CompletableFuture.completedFuture(this));
    }

    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", hasNext=" + hasNext() + '}';
    }
}
