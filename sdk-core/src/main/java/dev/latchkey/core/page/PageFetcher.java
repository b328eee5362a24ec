package dev.latchkey.core.page;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches one page, blocking or not; a provider module supplies one per list endpoint.
 *
 * @param <T> the item type
 */
public interface PageFetcher<T> {

    /** @return the page, fetched now */
    Page<T> fetch();

    /** @return the page, fetched without blocking */
    CompletableFuture<Page<T>> fetchAsync();
}
