package org.concordia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NullMarkedTest {

    @Test
    void every_package_is_null_marked() {
        NullMarkedPackages.assertEveryPackageIsNullMarked();
    }

    /** The modules that cannot take test-support as a test dependency (it builds on them) or have no tests. */
    @Test
    void every_package_of_the_modules_without_tests_of_their_own_is_null_marked() {
        for (String module :
                new String[] {"embedded-infrastructure", "event-contracts", "local-platform", "benchmarks"}) {
            NullMarkedPackages.assertEveryPackageIsNullMarked(Path.of("..", module, "src", "main", "java"));
        }
    }

    @Test
    void a_package_without_null_marked_is_named(@TempDir Path root) throws Exception {
        Path marked = Files.createDirectories(root.resolve("org/example/marked"));
        Files.writeString(marked.resolve("A.java"), "package org.example.marked; class A {}");
        Files.writeString(
                marked.resolve("package-info.java"),
                "@NullMarked\npackage org.example.marked;\n\nimport org.jspecify.annotations.NullMarked;\n");
        Path described = Files.createDirectories(root.resolve("org/example/described"));
        Files.writeString(described.resolve("B.java"), "package org.example.described; class B {}");
        Files.writeString(
                described.resolve("package-info.java"), "/** Described only. */\npackage org.example.described;\n");
        Path bare = Files.createDirectories(root.resolve("org/example/bare"));
        Files.writeString(bare.resolve("C.java"), "package org.example.bare; class C {}");

        assertThat(NullMarkedPackages.unmarkedPackages(root))
                .containsExactly("org.example.bare", "org.example.described");
    }
}
