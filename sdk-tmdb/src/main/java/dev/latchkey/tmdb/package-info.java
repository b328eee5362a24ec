/**
 * TMDb accounts: v3 and v4 authentication, sessions and guest sessions, the account, favorites, watchlists and
 * ratings.
 *
 * <pre>{@code
 * try (TmdbClient tmdb = TmdbClient.builder().apiKey(apiKey).build()) {
 *     TmdbAccount me = tmdb.account(tmdb.auth().login("alice", password));
 *     me.rateMovie(550, 9.5);
 * }
 * }</pre>
 */
package dev.latchkey.tmdb;
