package dev.latchkey.core.page;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, page after page, fetched only as they are consumed: {@code stream().limit(100)} fetches
 * only the pages those 100 items are on. Each iteration starts again from the first page.
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

            @Override
            public boolean hasNext() {
                // Loop: a provider may send an empty page that is not the last.
                while (!items.hasNext()) {
                    if (!page.hasNext()) {
                        return false;
                    }
                    page = page.next();
                    items = page.items().iterator();
                }
                return true;
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

    /** @return the items as a sequential, lazy stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
