/**
 * Stateful fakes of the providers for tests: each is an HTTP server on loopback with real state, the provider's
 * rules and error envelopes, faults to inject, a server-side rate limit and a log of the calls. A JUnit 5 extension.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeKemono kemono = FakeKemono.create();
 *
 * KemonoClient client = KemonoClient.builder().baseUrl(kemono.baseUrl()).build();
 * kemono.faults().next(1).onPath("/api/v1/account/favorites").rateLimited(Duration.ofSeconds(1));
 * }</pre>
 */
package dev.latchkey.testkit;
