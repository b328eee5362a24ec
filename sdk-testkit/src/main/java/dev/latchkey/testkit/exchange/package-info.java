/**
 * Recorded HTTP exchanges ("latchkey-exchanges/1"): play them against a server and compare its answers, or serve
 * them to a client. The conformance corpus of each provider is in this format.
 *
 * <pre>{@code
 * Cassette c = Cassette.read(Path.of("my-exchanges.json"));
 * List<String> problems = Conformance.play(c, "http://127.0.0.1:8080", Conformance.Context.empty(), http);
 * }</pre>
 */
package dev.latchkey.testkit.exchange;
