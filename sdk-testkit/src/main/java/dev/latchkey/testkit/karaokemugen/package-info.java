/**
 * A fake Karaoke Mugen App, from its source: the users commands, the security codes, guests, the anime list, and
 * online instances for {@code name@instance} accounts.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeKaraokeMugen km = FakeKaraokeMugen.create();
 * String code = km.securityCode();                          // what the app shows its operator
 * }</pre>
 */
package dev.latchkey.testkit.karaokemugen;
