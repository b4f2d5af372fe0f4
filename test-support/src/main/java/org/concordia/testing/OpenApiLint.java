package org.concordia.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lints an OpenAPI document with Redocly CLI's recommended rules, as configured in {@code tools/openapi-lint}
 * (the version pinned in its {@code package-lock.json}, the exceptions and their reasons in its
 * {@code redocly.yaml}). The linter is installed there with {@code npm ci} on first use, so a fresh clone needs
 * nothing but Node.js and npm.
 *
 * <pre>{@code
 * OpenApiLint.Report report = OpenApiLint.lint("project-service", document);
 * assertThat(report.problems()).isEmpty();
 * }</pre>
 */
public final class OpenApiLint {

    static final Path TOOL = Path.of("tools", "openapi-lint");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiLint() {}

    /** One finding of the linter: its rule, severity, message and where in the document. */
    public record Problem(String rule, String severity, String message, String pointer) {

        @Override
        public String toString() {
            return severity + " " + rule + " at " + pointer + ": " + message;
        }
    }

    /** What the linter found, and where the linted document was written. */
    public record Report(Path document, List<Problem> problems, String output) {}

    /**
     * Writes the document to {@code target/openapi/<name>.json} of the calling module, where it stays for people and
     * tools to read, and lints it.
     */
    public static Report lint(String name, String document) {
        try {
            Path file = Path.of("target", "openapi", name + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, document, StandardCharsets.UTF_8);
            Path tool = toolDirectory();
            Path cli = installed(tool);
            String output = run(
                    tool,
                    List.of(
                            "node",
                            cli.toString(),
                            "lint",
                            file.toString(),
                            "--config",
                            tool.resolve("redocly.yaml").toString(),
                            "--format=json"),
                    true);
            return new Report(file, problems(output), output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not lint the OpenAPI document of " + name, e);
        }
    }

    private static List<Problem> problems(String output) {
        int start = output.indexOf("{\n");
        if (start < 0) {
            throw new IllegalStateException("Redocly CLI gave no JSON report:\n" + output);
        }
        JsonNode report = JSON.readTree(output.substring(start, output.lastIndexOf('}') + 1));
        List<Problem> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add(new Problem(
                    problem.path("ruleId").asString(),
                    problem.path("severity").asString(),
                    problem.path("message").asString(),
                    problem.path("location").path(0).path("pointer").asString()));
        }
        return problems;
    }

    /** {@code tools/openapi-lint} of the repository, found upwards from the module the tests run in. */
    private static Path toolDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TOOL).resolve("package-lock.json"))) {
                return dir.resolve(TOOL);
            }
        }
        throw new IllegalStateException("No " + TOOL + " above " + Path.of("").toAbsolutePath());
    }

    /** The CLI's entry point, installed from the lock file first if need be (one installer at a time). */
    private static Path installed(Path tool) throws IOException {
        Path cli = tool.resolve(Path.of("node_modules", "@redocly", "cli", "bin", "cli.js"));
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        try (FileChannel channel = FileChannel.open(
                        tool.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (!Files.isRegularFile(cli)) {
                run(tool, List.of("npm", "ci", "--no-audit", "--no-fund"), false);
            }
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("npm ci in " + tool + " did not install Redocly CLI");
        }
        return cli;
    }

    private static String run(Path directory, List<String> command, boolean findingsExpected) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot run " + command.get(0) + ": the OpenAPI lint needs Node.js 20.19+ and npm on the PATH", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
        // the linter exits with 1 when it found errors; the report says which
        if (process.exitValue() != 0 && !(findingsExpected && process.exitValue() == 1)) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
