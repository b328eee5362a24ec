package dev.latchkey.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a module README's example and the test that runs it (in {@code consumer/}, on the module path) in step: the
 * README's first {@code java} block must be the code between the test's {@code // --- README ---} and
 * {@code // --- end ---} markers, comments, blank lines, lone closing braces and indentation aside. A test's line
 * that stands in for the outside world (a fake approving a token) ends in {@code // test only}; a README value the
 * test replaces (the real base URL for the fake's) is named in the substitutions. The README's {@code import} lines
 * (so a newcomer can paste the example) must each be one of the test's own imports.
 */
public final class ReadmeSnippet {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MARKED = Pattern.compile("// --- README ---\\n(.*?)// --- end ---", Pattern.DOTALL);

    private ReadmeSnippet() {
    }

    /**
     * @param readme the module's README
     * @param test the test that runs its example
     * @param readmeToTest what the README writes that the test writes otherwise
     * @throws IOException if either cannot be read
     */
    public static void assertInStep(Path readme, Path test, Map<String, String> readmeToTest) throws IOException {
        Matcher r = JAVA_BLOCK.matcher(Files.readString(readme));
        assertThat(r.find()).as("a java block in %s", readme).isTrue();
        Matcher t = MARKED.matcher(Files.readString(test));
        assertThat(t.find()).as("README markers in %s", test).isTrue();
        String readmeCode = r.group(1);
        List<String> testImports = imports(Files.readString(test));
        for (String imported : imports(readmeCode)) {
            assertThat(testImports).as("%s's import, among %s's", readme, test).contains(imported);
        }
        readmeCode = readmeCode.replaceAll("(?m)^import [^\\n]*\\n", "");
        for (Map.Entry<String, String> e : readmeToTest.entrySet()) {
            assertThat(readmeCode).as("%s writes %s", readme, e.getKey()).contains(e.getKey());
            readmeCode = readmeCode.replace(e.getKey(), e.getValue());
        }
        assertThat(code(t.group(1))).as("the code %s runs, against %s's example", test, readme)
                .containsExactlyElementsOf(code(readmeCode));
    }

    /** @return the {@code import} lines of a text, stripped */
    static List<String> imports(String text) {
        List<String> imports = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("import ")) {
                imports.add(line.strip());
            }
        }
        return imports;
    }

    /** @return the statements' lines, without comments, blank lines, lone braces and indentation */
    static List<String> code(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.strip().endsWith("// test only") || line.contains("// test only:")) {
                continue;
            }
            String code = withoutComment(line).strip().replaceAll("\\s+", " ");
            if (!code.isEmpty() && !code.equals("}")) {
                lines.add(code);
            }
        }
        return lines;
    }

    /** @return the line up to a {@code //} comment that is not inside a string literal */
    static String withoutComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
