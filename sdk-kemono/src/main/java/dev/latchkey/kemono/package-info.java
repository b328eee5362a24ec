/**
 * Kemono and Coomer accounts: cookie login, register, logout, change password, favorites, creators and posts.
 *
 * <pre>{@code
 * try (KemonoClient kemono = KemonoClient.builder().build()) {
 *     KemonoAccount me = kemono.resumeOrLogin("alice", password);
 *     List<FavoriteCreator> creators = me.favoriteCreators();
 * }
 * }</pre>
 */
package dev.latchkey.kemono;
