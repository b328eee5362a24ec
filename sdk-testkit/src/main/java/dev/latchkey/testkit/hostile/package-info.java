/**
 * A raw-socket server that answers as an attacker or a broken proxy would, and its catalogue of hostile answers,
 * for contract suites that hold a client to its promises.
 *
 * <pre>{@code
 * @RegisterExtension
 * static HostileServer hostile = HostileServer.create();
 * hostile.answer(HostileAnswers.statusLineEcho());
 * }</pre>
 */
package dev.latchkey.testkit.hostile;
