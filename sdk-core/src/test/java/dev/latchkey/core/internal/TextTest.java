package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Excerpts fold white space exactly as {@code strip().replaceAll("\\s+", " ")} did, without a regular expression. */
class TextTest {
    private static String byRegex(String text, int max) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= max ? folded : folded.substring(0, max) + "…";
    }

    @Test
    void excerptsAreTheRegularExpressionsOnFixedAndRandomTexts() {
        for (String t : List.of("", " ", "a", "a b", "a  b", "a\tb", "a\r\nb", " a \u000B\f b ", "\u00A0a\u2003b\u00A0",
                "line one\n\n  line two", "no-spaces-at-all", "x ", " x")) {
            assertThat(Text.excerpt(t, 100)).as("%s", t).isEqualTo(byRegex(t, 100));
            assertThat(Text.excerpt(t, 3)).as("%s cut", t).isEqualTo(byRegex(t, 3));
        }
        Random random = new Random(17);
        String alphabet = "ab \t\n\r\u000B\f\u00A0\u2003é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(24); j > 0; j--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            int max = random.nextInt(30);
            assertThat(Text.excerpt(t, max)).as("%s / %d", t, max).isEqualTo(byRegex(t, max));
        }
    }

    @Test
    void aTextWithNothingToFoldIsReturnedAsIs() {
        String t = "HTTP 404 on GET /3/movie/1: not found";
        assertThat(Text.foldWhiteSpace(t)).isSameAs(t);
    }

    @Test
    void controlsFromAServerAreShownNotActedOn() {
        // Issue 27, item 1: a creator name that retitles the window and clears the screen.
        String hostile = "Mallory\u001B]0;pwned\u0007\u001B[2J\u009B31m\u202Eevil\u2028x\u007F";
        assertThat(Text.visible(hostile)).isEqualTo(
                "Mallory\\u001B]0;pwned\\u0007\\u001B[2J\\u009B31m\\u202Eevil\\u2028x\\u007F");
        assertThat(Text.visible("line\nforged")).isEqualTo("line\\u000Aforged");
        assertThat(Text.excerpt(hostile + "\n  next", 200)).doesNotContain("\u001B", "\u0007", "\u009B", "\u202E")
                .endsWith("\\u007F next");
        String plain = "Émile 日本 😀 tab-free";
        assertThat(Text.visible(plain)).isSameAs(plain);
        assertThat(Text.visible(null)).isNull();
        for (char c = 0; c < 0x3000; c++) {
            boolean shown = !Text.visible(String.valueOf(c)).equals(String.valueOf(c));
            boolean control = Character.getType(c) == Character.CONTROL || c == '\u061C' || c == '\u200E'
                    || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u2028' || c == '\u2029';
            assertThat(shown).as("U+%04X", (int) c).isEqualTo(control);
        }
    }
}
