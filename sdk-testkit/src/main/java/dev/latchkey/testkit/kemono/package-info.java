/**
 * A fake Kemono, from Kemono2's source: login and its limit, register, favorites, creators and posts.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeKemono kemono = FakeKemono.builder().strictAccept(true).build();
 * }</pre>
 */
package dev.latchkey.testkit.kemono;
