/**
 * OAuth 2 pieces: signed single-use states ({@link dev.latchkey.core.oauth.OAuthStates}), PKCE
 * ({@link dev.latchkey.core.oauth.Pkce}), a redirect's parameters and the loopback receiver a desktop login uses.
 *
 * <pre>{@code
 * try (LoopbackRedirectReceiver receiver = LoopbackRedirectReceiver.start(0, "/callback")) {
 *     Authorization start = etwin.startAuthorization();       // redirect URI: receiver.redirectUri()
 *     receiver.expectState(start.state());
 *     browser.open(start.url());
 *     EternaltwinAccount me = etwin.fromCallback(receiver.await(Duration.ofMinutes(5)), start.state());
 * }
 * }</pre>
 */
package dev.latchkey.core.oauth;
