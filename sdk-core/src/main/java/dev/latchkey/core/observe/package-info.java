/**
 * Seeing every call: {@link dev.latchkey.core.observe.CallObserver}, the one place where logging, OpenTelemetry,
 * Micrometer and your own code learn what a client did: each logical call (an operation such as
 * {@code kemono.favorites}) and its end, each wire attempt, each retry and its reason, each wait for the rate budget,
 * each re-login, each session store access. What an observer receives is already redacted: the URL with every secret
 * replaced, no header, no cookie, no body.
 *
 * <pre>{@code
 * CallObserver slowCalls = new CallObserver() {
 *     @Override
 *     public void callEnded(CallEnded e) {
 *         if (e.duration().toMillis() > 500) {
 *             System.err.println(e.call().operation() + " took " + e.duration().toMillis() + " ms, "
 *                     + e.attempts() + " attempt(s)");
 *         }
 *     }
 * };
 * KemonoClient kemono = KemonoClient.builder().observer(slowCalls).build();
 * }</pre>
 *
 * <p>Events reach each observer on its own thread, in order, through a bounded queue: an observer that throws or
 * blocks never fails or slows a call (see {@link dev.latchkey.core.observe.CallObserver}).
 */
package dev.latchkey.core.observe;
