package dev.latchkey.core.page;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, page after page, fetched only as they are consumed: {@code stream().limit(100)} fetches
 * only the pages those 100 items are on. Each iteration starts again from the first page. An empty page ends the
 * walk, even one that claims more pages follow.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Page<T> first;

    AutoPager(Page<T> first) {
        this.first = first;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = first;
            private Iterator<T> items = first.items().iterator();

            private boolean ended;

            @Override
            public boolean hasNext() {
                if (items.hasNext()) {
                    return true;
                }
                if (ended || !page.hasNext()) {
                    return false;
                }
                // An empty page ends the walk: a server answering "more to come" with nothing would otherwise be
                // asked forever.
                page = page.next();
                items = page.items().iterator();
                ended = !items.hasNext();
                return !ended;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /** @return how many items the listing holds, when the provider said so on its first page */
    public java.util.OptionalLong totalItems() {
        return first.totalItems();
    }

    /** @return the items as a sequential, lazy stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
