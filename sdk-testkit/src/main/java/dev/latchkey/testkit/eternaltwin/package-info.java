/**
 * A fake Eternaltwin, from its server's source: the OAuth server (authorize, token) and the users API.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeEternaltwin etwin = FakeEternaltwin.create();
 * String url = etwin.authorize(start.url().toString(), FakeEternaltwin.DEMO_USER);   // the browser's part
 * }</pre>
 */
package dev.latchkey.testkit.eternaltwin;
