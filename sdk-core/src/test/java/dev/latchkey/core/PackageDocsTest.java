package dev.latchkey.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 29, item 2: the published Javadoc. Every package a module exports to everyone has a {@code package-info.java}
 * with a description and a short example; internal packages are left out of the Javadoc, whose footer shows the
 * licence, not "All rights reserved".
 */
class PackageDocsTest {
    private static final Pattern EXPORT = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void everyExportedPackageHasADescriptionWithAnExample() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        int packages = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("sdk-")).toList()) {
                Path info = module.resolve("src/main/java/module-info.java");
                if (!Files.exists(info)) {
                    continue;
                }
                Matcher m = EXPORT.matcher(Files.readString(info));
                while (m.find()) {
                    packages++;
                    Path doc = module.resolve("src/main/java").resolve(m.group(1).replace('.', '/'))
                            .resolve("package-info.java");
                    if (!Files.exists(doc)) {
                        problems.add(m.group(1) + ": no package-info.java");
                    } else if (!Files.readString(doc).contains("<pre>{@code")) {
                        problems.add(m.group(1) + ": no example");
                    }
                }
            }
        }
        assertThat(packages).as("exported packages found").isGreaterThan(20);
        assertThat(problems).isEmpty();
        String pom = Files.readString(root.resolve("pom.xml"));
        assertThat(pom).contains("<excludePackageNames>*.internal:*.internal.*</excludePackageNames>")
                .contains("licensed under the Apache License");
    }
}
