package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Every character against RFC 6265's sets, written out here apart from the code under test. */
class CookiesTest {
    static final String TOKEN_SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    static boolean rfcOctet(char c) {
        // %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E: visible ASCII but DQUOTE, comma, semicolon and backslash.
        return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    static boolean rfcTokenChar(char c) {
        return c > 0x20 && c < 0x7F && TOKEN_SEPARATORS.indexOf(c) < 0;
    }

    @Test
    void everyCharacterOfAValueIsJudgedAsRfc6265Says() {
        for (char c = 0; c < 256; c++) {
            String value = "a" + c + "b";
            if (rfcOctet(c)) {
                assertThat(Cookies.checkValue("n", value)).as("char %d", (int) c).isEqualTo(value);
            } else {
                char bad = c;
                assertThatThrownBy(() -> Cookies.checkValue("n", value)).as("char %d", (int) bad)
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at index 1");
            }
        }
    }

    @Test
    void everyCharacterOfANameIsJudgedAsATokenCharacter() {
        for (char c = 0; c < 256; c++) {
            String name = "a" + c;
            if (rfcTokenChar(c)) {
                assertThat(Cookies.checkName(name)).as("char %d", (int) c).isEqualTo(name);
            } else {
                char bad = c;
                assertThatThrownBy(() -> Cookies.checkName(name)).as("char %d", (int) bad)
                        .isInstanceOf(InvalidInputException.class);
            }
        }
        assertThatThrownBy(() -> Cookies.checkName(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cookies.checkName(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessage("cookie name is blank");
    }

    @Test
    void aValueMayBeQuotedWhole() {
        assertThat(Cookies.checkValue("n", "\"abc\"")).isEqualTo("\"abc\"");
        assertThat(Cookies.checkValue("n", "\"\"")).isEqualTo("\"\"");
        for (String bad : new String[] {"\"", "\"abc", "abc\"", "a\"b"}) {
            assertThatThrownBy(() -> Cookies.checkValue("n", bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> Cookies.checkValue("n", "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cookies.checkValue("n", null)).isInstanceOf(InvalidInputException.class);
    }
}
