package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the Grafana dashboard true to the services: every Concordia figure it charts is a meter some service
 * registers (a renamed meter fails here, not on an operator's screen), and the others come from Spring Boot's,
 * Micrometer's or the Kafka binder's own meters.
 */
class DashboardTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path DASHBOARD = HOME.resolve("ops/grafana/dashboards/concordia.json");
    private static final Pattern METRIC = Pattern.compile("([a-z_][a-z0-9_]*)\\{");
    private static final List<String> FRAMEWORK =
            List.of("http_server_requests_seconds", "jvm_", "process_", "spring_cloud_stream_binder_kafka_offset");

    @Test
    void every_panel_charts_a_meter_that_exists() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> metrics = new TreeSet<>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets").forEach(target -> {
                    Matcher matcher = METRIC.matcher(target.path("expr").asString());
                    while (matcher.find()) {
                        metrics.add(matcher.group(1));
                    }
                }));
        assertThat(metrics).hasSizeGreaterThan(15);

        Set<String> meters = registeredMeters();
        for (String metric : metrics) {
            if (FRAMEWORK.stream().anyMatch(metric::startsWith)) {
                continue;
            }
            assertThat(metric).startsWith("concordia_");
            assertThat(meters)
                    .as("%s is charted but no service registers a meter of that name", metric)
                    .contains(withoutSuffix(metric));
        }
    }

    @Test
    void panels_do_not_overlap_and_use_the_chosen_data_source() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> cells = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> {
            JsonNode grid = panel.path("gridPos");
            for (int x = grid.path("x").asInt();
                    x < grid.path("x").asInt() + grid.path("w").asInt();
                    x++) {
                for (int y = grid.path("y").asInt();
                        y < grid.path("y").asInt() + grid.path("h").asInt();
                        y++) {
                    assertThat(cells.add(x + "," + y))
                            .as("%s overlaps another panel", panel.path("title").asString())
                            .isTrue();
                }
            }
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            }
        });
    }

    /** {@code concordia_outbox_published_total} → {@code concordia_outbox_published}, as the meter is named. */
    private static String withoutSuffix(String metric) {
        return metric.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_(total|seconds|bytes)$", "");
    }

    /** Every meter name the services' sources spell out, as Prometheus writes it ({@code .} becomes {@code _}). */
    private static Set<String> registeredMeters() throws IOException {
        Pattern literal = Pattern.compile("\"(concordia\\.[a-z0-9._]+)\"");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(HOME)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher matcher = literal.matcher(Files.readString(file));
                        while (matcher.find()) {
                            names.add(matcher.group(1).replace('.', '_'));
                        }
                    }
                }
            }
        }
        return names;
    }
}
