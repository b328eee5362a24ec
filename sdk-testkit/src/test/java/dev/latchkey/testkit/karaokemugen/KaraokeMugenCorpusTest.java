package dev.latchkey.testkit.karaokemugen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.latchkey.testkit.CorpusRun;
import dev.latchkey.testkit.exchange.Cassette;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The Karaoke Mugen fake answers every exchange of its conformance corpus as the app's source does. */
class KaraokeMugenCorpusTest {
    @TestFactory
    Stream<DynamicNode> theFakeAnswersTheCorpus() {
        FakeKaraokeMugen table = FakeKaraokeMugen.create();
        return Stream.concat(
                CorpusRun.tests("karaokemugen", 40, KaraokeMugenCorpusTest::fake, KaraokeMugenCorpusTest::value),
                Stream.of(CorpusRun.everyRouteIsPlayed("karaokemugen", table.routes(), java.util.Map.of()),
                        org.junit.jupiter.api.DynamicTest.dynamicTest("every command is played by the corpus", () -> {
                            java.util.Set<String> played = new java.util.TreeSet<>();
                            Cassette.corpus("karaokemugen").forEach(c -> c.exchanges().forEach(x -> {
                                if (x.request().body() != null && x.request().body().has("cmd")) {
                                    played.add(x.request().body().get("cmd").asText());
                                }
                            }));
                            org.assertj.core.api.Assertions.assertThat(played).as("commands the corpus plays")
                                    .containsAll(table.commands());
                        })));
    }

    static FakeKaraokeMugen fake(Cassette c) {
        FakeKaraokeMugen.Builder b = FakeKaraokeMugen.builder();
        if (c.given().containsKey("verbose")) {
            b.verbose();
        }
        FakeKaraokeMugen f = b.build().start();
        c.given().forEach((name, v) -> {
            switch (name) {
                case "verbose" -> { }
                case "requireSecurityCodeForNewAccounts" -> f.requireSecurityCodeForNewAccounts(v.asBoolean());
                case "allowGuestLogin" -> f.allowGuestLogin(v.asBoolean());
                case "allowUserCreation" -> f.allowUserCreation(v.asBoolean());
                case "allowCustomTemporaryGuests" -> f.allowCustomTemporaryGuests(v.asBoolean());
                case "remoteUsers" -> f.remoteUsers(v.asBoolean());
                case "webappMode" -> f.webappMode(v.asInt());
                default -> throw new IllegalArgumentException("unknown setting " + name);
            }
        });
        return f;
    }

    static Optional<JsonNode> value(FakeKaraokeMugen f, String name) {
        return switch (name) {
            case "securityCode" -> Optional.of(IntNode.valueOf(Integer.parseInt(f.securityCode())));
            case "newAccountCode" -> Optional.of(IntNode.valueOf(Integer.parseInt(f.newAccountCode())));
            // a JWT of the app's shape that it did not sign
            case "forged" -> Optional.of(com.fasterxml.jackson.databind.node.TextNode.valueOf("eyJhbGciOiJIUzI1NiJ9"
                    + ".eyJ1c2VybmFtZSI6ImFsaWNlIiwicm9sZSI6InVzZXIifQ.forged-signature"));
            default -> Optional.empty();
        };
    }
}
