/**
 * The Karaoke Mugen App's users API: local and online accounts, the operator's security code, guests, profiles and
 * the anime list.
 *
 * <pre>{@code
 * try (KaraokeMugenClient km = KaraokeMugenClient.builder().build()) {     // http://localhost:1337
 *     KaraokeMugenAccount op = km.login("admin", password, securityCode);
 *     op.createUser(NewUser.of("carol", "carol-password"));
 * }
 * }</pre>
 */
package dev.latchkey.karaokemugen;
