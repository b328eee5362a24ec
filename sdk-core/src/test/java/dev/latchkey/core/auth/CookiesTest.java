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

    /** A browser extension's export, written by hand with every form a line takes. */
    static final String COOKIES_TXT = String.join("\n",
            "# Netscape HTTP Cookie File",
            "# https://curl.se/docs/http-cookies.html",
            "",
            ".kemono.cr\tTRUE\t/\tTRUE\t4102444800\t__ddg1_\tddg-one-value-1234",
            "#HttpOnly_kemono.cr\tFALSE\t/\tFALSE\t0\t__ddg2_\tddg-two-value-5678",
            "api.kemono.cr\tFALSE\t/api\tFALSE\t0\tonly_api\tapi-host-value",
            ".kemono.cr\tTRUE\t/\tFALSE\t946684800\told\texpired-in-2000",
            ".coomer.st\tTRUE\t/\tFALSE\t0\t__ddg1_\tcoomer-value-9999",
            "kemono.cr\tFALSE\t/\tFALSE\t0\tempty\t",
            "kemono.cr\tFALSE\t/\tFALSE\t0\tnovalue",
            "");

    @Test
    void aNetscapeFileIsReadLineByLineWithEveryFormItTakes() {
        java.util.List<Cookie> all = Cookies.fromNetscape(COOKIES_TXT.replace("\n", "\r\n"));
        assertThat(all).extracting(Cookie::name).containsExactly("__ddg1_", "__ddg2_", "only_api", "old", "__ddg1_");
        Cookie first = all.get(0);
        assertThat(first.domain()).isEqualTo("kemono.cr");
        assertThat(first.includeSubdomains()).isTrue();
        assertThat(first.secure()).isTrue();
        assertThat(first.httpOnly()).isFalse();
        assertThat(first.expiry()).contains(java.time.Instant.ofEpochSecond(4102444800L));
        Cookie second = all.get(1);
        assertThat(second.httpOnly()).isTrue();
        assertThat(second.includeSubdomains()).isFalse();
        assertThat(second.secure()).isFalse();
        assertThat(second.expiry()).isEmpty();
        assertThat(all.get(2).path()).isEqualTo("/api");
        assertThat(all.toString()).doesNotContain("value");
    }

    @Test
    void forAHostOnlyItsOwnAndItsParentsUnexpiredCookiesGo() {
        java.util.List<Cookie> all = Cookies.fromNetscape(COOKIES_TXT);
        java.time.Instant now = java.time.Instant.parse("2026-12-08T00:00:00Z");
        assertThat(Cookies.forHost(all, "kemono.cr", now)).containsExactly(
                java.util.Map.entry("__ddg1_", "ddg-one-value-1234"), java.util.Map.entry("__ddg2_", "ddg-two-value-5678"));
        assertThat(Cookies.forHost(all, "API.kemono.cr", now)).containsOnlyKeys("__ddg1_", "only_api");
        assertThat(Cookies.forHost(all, "coomer.st", now)).containsExactly(
                java.util.Map.entry("__ddg1_", "coomer-value-9999"));
        assertThat(Cookies.forHost(all, "evilkemono.cr", now)).isEmpty();
        assertThat(Cookies.forHost(all, "kemono.cr", java.time.Instant.ofEpochSecond(946684799L)))
                .containsKey("old");
        assertThat(Cookies.forHost(all, "kemono.cr", java.time.Instant.ofEpochSecond(4102444800L)))
                .as("expired at its second").doesNotContainKey("__ddg1_");
        // Of two with one name, the more specific domain's.
        java.util.List<Cookie> both = java.util.List.of(Cookie.of("n", "parent", "kemono.cr"),
                new Cookie("n", "host", "api.kemono.cr", false, "/", false, null, false),
                Cookie.of("n", "parent-again", "kemono.cr"));
        assertThat(Cookies.forHost(both, "api.kemono.cr", now)).containsEntry("n", "host");
        // Of two for the same domain, the later in the file (a browser writes the newer last).
        assertThat(Cookies.forHost(java.util.List.of(Cookie.of("n", "older", "kemono.cr"),
                Cookie.of("n", "newer", "kemono.cr")), "kemono.cr", now)).containsEntry("n", "newer");
    }

    @Test
    void badLinesAreNamedByNumberNeverByValue() {
        String bad = String.join("\n", "# Netscape HTTP Cookie File",
                "kemono.cr\tTRUE\t/\tFALSE\t0",
                "kemono.cr\tYES\t/\tFALSE\t0\tn\tsecret-one",
                "kemono.cr\tTRUE\t/\tFALSE\tsoon\tn\tsecret-two",
                "kemono.cr\tTRUE\t/\tFALSE\t0\tn\tsecret three",
                "kemono.cr\tTRUE\t/\tMAYBE\t0\tn\tsecret-four");
        assertThatThrownBy(() -> Cookies.fromNetscape(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll("the cookie file is not a Netscape cookie file as expected",
                        "line 2: expected 7 tab-separated fields, found 5",
                        "line 3: the 2nd and 4th fields are TRUE or FALSE",
                        "line 4: the expiry (5th field) is not a number of seconds",
                        "line 5: cookie n has a character", "line 6: the 2nd and 4th fields")
                .message().doesNotContain("secret");
    }

    @Test
    void whatIsWrittenIsReadBackTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.List<Cookie> all = Cookies.fromNetscape(COOKIES_TXT);
        String written = Cookies.toNetscape(all);
        assertThat(written).startsWith("# Netscape HTTP Cookie File\n").contains("#HttpOnly_kemono.cr\tFALSE\t/\t");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("cookies.txt"), written);
        assertThat(Cookies.fromNetscape(file)).isEqualTo(all);
        assertThatThrownBy(() -> Cookies.fromNetscape(dir.resolve("none.txt")))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("none.txt");
        assertThatThrownBy(() -> Cookies.fromNetscape(dir.resolve("none.txt").toString() + "\tTRUE"))
                .isInstanceOf(InvalidInputException.class);
    }
}
