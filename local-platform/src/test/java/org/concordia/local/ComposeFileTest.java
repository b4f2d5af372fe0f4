package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps docker-compose.yml true to the services: every variable it sets is one the service's configuration reads,
 * and every variable a service needs without a default is set. A renamed property fails here, not in a deployment.
 */
class ComposeFileTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /**
     * Read by the JVM or the image, or by Spring Boot itself through its relaxed binding, not by the service's
     * configuration.
     */
    private static final Set<String> READ_OUTSIDE_THE_SERVICE =
            Set.of("JAVA_TOOL_OPTIONS", "LOGGING_STRUCTURED_FORMAT_CONSOLE");

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        root = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
        try (var reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    static Stream<Named<String>> modules() throws IOException {
        try (Stream<Path> modules =
                Files.list(Path.of(System.getProperty("basedir", ".")).resolve(".."))) {
            return modules
                    .filter(module -> Files.isRegularFile(module.resolve("src/main/resources/application.yml")))
                    .map(module -> module.getFileName().toString())
                    .sorted()
                    .map(module -> Named.of(module, module))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void every_service_of_the_repository_runs_in_the_stack(String module) {
        assertThat(services()).as("services of docker-compose.yml").containsKey(module);
        assertThat(buildArgument(module)).isEqualTo(module);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void every_variable_the_stack_sets_is_read_by_the_service(String module) throws IOException {
        Map<String, String> placeholders = placeholders(module);
        Set<String> unknown = new TreeSet<>(environment(module).keySet());
        unknown.removeAll(placeholders.keySet());
        unknown.removeAll(READ_OUTSIDE_THE_SERVICE);

        assertThat(unknown)
                .as("variables docker-compose.yml sets for %s that its application.yml does not read", module)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void every_variable_the_service_needs_is_set_by_the_stack(String module) throws IOException {
        Set<String> missing = new TreeSet<>();
        placeholders(module).forEach((variable, fallback) -> {
            if (fallback == null && !environment(module).containsKey(variable)) {
                missing.add(variable);
            }
        });

        assertThat(missing)
                .as("variables %s needs, without a default, that the stack leaves unset", module)
                .isEmpty();
    }

    @Test
    void every_service_has_a_healthcheck_a_memory_limit_and_no_anonymous_volume() {
        services().forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            assertThat(service).as(name).containsKey("healthcheck");
            assertThat(map(map(map(service.get("deploy")).get("resources")).get("limits")))
                    .as(name)
                    .containsKey("memory");
            Object volumes = service.get("volumes");
            if (volumes != null) {
                for (Object volume : (List<?>) volumes) {
                    String source = volume.toString().split(":")[0];
                    if (source.startsWith("./")) {
                        // configuration from the repository, mounted read-only
                        assertThat(volume.toString()).as(name).endsWith(":ro");
                        assertThat(Path.of("..").resolve(source)).as(name).exists();
                        continue;
                    }
                    assertThat(map(compose.get("volumes")))
                            .as("%s mounts %s, which must be a named volume", name, source)
                            .containsKey(source);
                }
            }
        });
    }

    @Test
    void the_services_wait_for_what_they_need_to_be_healthy() throws IOException {
        for (String module : modules().map(Named::getPayload).toList()) {
            Map<String, Object> dependsOn = map(map(services().get(module)).get("depends_on"));
            if (placeholders(module).containsKey("MONGODB_URI")) {
                assertThat(dependsOn).as(module).containsKeys("mongo", "kafka");
            } else {
                // owns no data (the console): it waits for the services it calls instead
                assertThat(dependsOn).as(module).isNotEmpty();
            }
            dependsOn
                    .values()
                    .forEach(condition ->
                            assertThat(map(condition)).as(module).containsEntry("condition", "service_healthy"));
        }
    }

    /** Each variable the service's application.yml reads, with its default (null when it has none). */
    private static Map<String, String> placeholders(String module) throws IOException {
        String yaml = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            placeholders.put(
                    matcher.group(1),
                    matcher.group(2) == null ? null : matcher.group(2).substring(1));
        }
        return placeholders;
    }

    private static Map<String, Object> environment(String module) {
        Object environment = map(services().get(module)).get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    private static Object buildArgument(String module) {
        return map(map(map(services().get(module)).get("build")).get("args")).get("SERVICE");
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
