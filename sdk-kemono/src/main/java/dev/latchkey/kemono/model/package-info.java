/**
 * What Kemono answers, as records: only what a client cannot go on without is required (ids, a service); every other
 * field tolerates {@code null} and absence, as the real server sends them.
 *
 * <pre>{@code
 * for (FavoritePost p : me.favoritePosts()) {
 *     System.out.println(p.post().title() + " " + p.favCount().orElse(0));
 * }
 * }</pre>
 */
package dev.latchkey.kemono.model;
