package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.testkit.hostile.HostileAnswers;
import dev.latchkey.testkit.hostile.HostileServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, item 1, where the contract suite cannot reach: what the {@code latchkey} command prints of a server's
 * text (standard output and standard error) never acts on the terminal. The server's text is
 * {@link HostileAnswers#TERMINAL_ESCAPES}: a window title, a screen clear, a C1 sequence, a right-to-left override
 * and a forged line.
 */
class HostileTerminalTest {
    @RegisterExtension
    static final HostileServer hostile = HostileServer.create();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
    }

    /** @return the first character that would act on a terminal (a line break between lines aside), or null */
    static String acting(String printed) {
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n'
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                return String.format("U+%04X at %d in: %s", (int) c, i, printed.replaceAll("\\p{Cc}", "?"));
            }
        }
        return null;
    }

    static String json(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\u0007", "\\u0007")
                .replace("\u001B", "\\u001b") + '"';
    }

    @Test
    void aCreatorsNameIsPrintedWithItsEscapesShown() {
        String creator = "{\"id\":\"123\",\"name\":" + json(HostileAnswers.TERMINAL_ESCAPES) + ",\"service\":\"patreon\","
                + "\"indexed\":\"2024-01-01T00:00:00\",\"updated\":\"2024-01-01T00:00:00\",\"public_id\":\"m\","
                + "\"relation_id\":1,\"post_count\":3}";
        hostile.answer(HostileAnswers.ok(creator));
        Cli.Run r = cli.run("kemono", "creator", "patreon", "123", "--base-url", hostile.url() + "/api");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(acting(r.out())).as(r.out()).isNull();
        assertThat(r.out()).contains("Mallory\\u001B]0;pwned\\u0007\\u001B[2J\\u009B31m\\u202Eevil\\u000AINFO forged line")
                .hasLineCount(1);
        // --json: Jackson escapes every control character itself.
        hostile.answer(HostileAnswers.ok(creator));
        Cli.Run json = cli.run("kemono", "creator", "patreon", "123", "--json", "--base-url", hostile.url() + "/api");
        assertThat(acting(json.out())).as(json.out()).isNull();
    }

    @Test
    void anErrorPagesTextOnStandardErrorShowsItsEscapes() {
        for (int status : new int[] {500, 400}) {
            hostile.answer(HostileAnswers.terminalEscapes(status));
            Cli.Run r = cli.run("kemono", "creator", "patreon", "123", "--base-url", hostile.url() + "/api");
            assertThat(r.exit()).as(r.all()).isNotZero();
            assertThat(r.err()).as(r.all()).contains("latchkey: ");
            assertThat(acting(r.err())).as(r.err()).isNull();
            assertThat(acting(r.out())).as(r.out()).isNull();
        }
    }

    @Test
    void aGuestNamedWithEscapesIsRefusedAndNothingActs() {
        // Karaoke Mugen's "Logged in as <name>": a guest name is the app's to choose; one with controls is refused.
        hostile.answer(HostileAnswers.ok("{\"err\":false,\"data\":{\"token\":\"tok-123456789\",\"username\":"
                + json(HostileAnswers.TERMINAL_ESCAPES) + ",\"role\":\"guest\"}}"));
        Cli.Run r = cli.run("karaoke", "guest", "--base-url", hostile.url());
        assertThat(r.exit()).as(r.all()).isNotZero();
        assertThat(r.err()).contains("control character");
        assertThat(acting(r.all())).as(r.all()).isNull();
    }
}
