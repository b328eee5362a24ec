/**
 * Paging: a {@link dev.latchkey.core.page.Page} knows how to fetch the next one, and its
 * {@link dev.latchkey.core.page.AutoPager} walks them lazily (the server's page numbers are never trusted: an empty page
 * ends the walk).
 *
 * <pre>{@code
 * me.favoriteMovies().stream().limit(30).forEach(m -> System.out.println(m.title()));   // two pages fetched
 * }</pre>
 */
package dev.latchkey.core.page;
