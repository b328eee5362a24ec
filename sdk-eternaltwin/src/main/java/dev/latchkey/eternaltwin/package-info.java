/**
 * Eternaltwin: the OAuth 2 login of a registered client (signed single-use state, PKCE), the logged-in user, and the
 * users API.
 *
 * <pre>{@code
 * try (EternaltwinClient etwin = EternaltwinClient.builder().clientId("myapp@clients").clientSecret(secret)
 *         .redirectUri("https://myapp.example/oauth/callback").stateKey(key).build()) {
 *     Authorization start = etwin.startAuthorization();       // keep start.state() in the user's session
 *     EternaltwinAccount me = etwin.fromAuthorizationCode(code, callbackState, start.state());
 * }
 * }</pre>
 */
package dev.latchkey.eternaltwin;
