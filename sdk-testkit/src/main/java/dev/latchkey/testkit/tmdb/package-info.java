/**
 * A fake TMDb, from its official OpenAPI export and error table: v3 and v4 authentication, accounts, favorites,
 * watchlists and ratings.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeTmdb tmdb = FakeTmdb.create();               // FakeTmdb.API_KEY, FakeTmdb.DEMO_USER
 * }</pre>
 */
package dev.latchkey.testkit.tmdb;
