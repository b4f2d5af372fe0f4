package org.concordia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every package of a module's main code states that its types are non-null unless marked {@code @Nullable}: its
 * {@code package-info.java} carries JSpecify's {@code @NullMarked}. A module's tests call
 * {@link #assertEveryPackageIsNullMarked()} so that a new package without it fails the build.
 */
public final class NullMarkedPackages {

    private static final Pattern NULL_MARKED = Pattern.compile("@(org\\.jspecify\\.annotations\\.)?NullMarked\\b");

    private NullMarkedPackages() {}

    /** Checks {@code src/main/java} of the module the tests run in. */
    public static void assertEveryPackageIsNullMarked() {
        assertEveryPackageIsNullMarked(Path.of("src", "main", "java"));
    }

    /** @throws AssertionError naming every package under the source root whose package-info lacks {@code @NullMarked} */
    public static void assertEveryPackageIsNullMarked(Path sourceRoot) {
        List<String> unmarked = unmarkedPackages(sourceRoot);
        if (!unmarked.isEmpty()) {
            throw new AssertionError("These packages of " + sourceRoot.toAbsolutePath()
                    + " need a package-info.java with @NullMarked (org.jspecify.annotations.NullMarked): " + unmarked);
        }
    }

    /** The packages (as directories relative to the source root) with Java types but no {@code @NullMarked}. */
    public static List<String> unmarkedPackages(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            throw new AssertionError("No source root at " + sourceRoot.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(directory -> !isNullMarked(directory.resolve("package-info.java")))
                    .map(directory -> sourceRoot
                            .relativize(directory)
                            .toString()
                            .replace('\\', '.')
                            .replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNullMarked(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo)
                    && NULL_MARKED
                            .matcher(Files.readString(packageInfo, StandardCharsets.UTF_8))
                            .find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
