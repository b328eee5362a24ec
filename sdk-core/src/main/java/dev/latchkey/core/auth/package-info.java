/**
 * Sessions and where they are kept: {@link dev.latchkey.core.auth.Session} (cookies, tokens, attributes, expiry),
 * {@link dev.latchkey.core.auth.SessionStore} (in memory, a file shared by the processes of a machine, or Redis with
 * {@code sdk-redis}), secrets that never print ({@link dev.latchkey.core.auth.Secret}), and at-rest encryption.
 *
 * <pre>{@code
 * SessionStore store = SessionStore.file(Path.of(System.getProperty("user.home"), ".config/mybot/sessions.json"));
 * KemonoClient kemono = KemonoClient.builder().sessionStore(store).build();
 * KemonoAccount me = kemono.resume("alice").orElseGet(() -> kemono.login("alice", password));
 * }</pre>
 */
package dev.latchkey.core.auth;
