package org.concordia.project.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.project.support.Api;
import org.concordia.project.support.Api.Response;
import org.concordia.project.support.IntegrationTest;
import org.concordia.project.support.OrganizationFeed;
import org.concordia.project.support.PublishedEvents;
import org.concordia.project.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With {@code concordia.demo.load=true} (set for the shared test context), the seeds' project appears once the demo
 * organizations arrive from organization-events, and loading it again creates and publishes nothing.
 */
class DemoProjectTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoProject demo;

    @Test
    void the_seed_project_is_loaded_once_the_demo_organizations_arrive_and_loading_again_changes_nothing() {
        try (OrganizationFeed feed = new OrganizationFeed();
                PublishedEvents events = new PublishedEvents()) {
            for (Map.Entry<String, List<String>> organization : Map.of(
                            "global-solidarity", List.of("Stowarzyszenie Solidarności Globalnej", "PL"),
                            "lublin-ngo-coalition", List.of("Koalicja organizacji pozarządowych z Lublina", "PL"),
                            "bialystok-ngo-coalition",
                                    List.of("Koalicja organizacji pozarządowych z Białegostoku", "PL"),
                            "partner-pt", List.of("Partner z Portugalii", "PT"),
                            "partner-es", List.of("Partner z Hiszpanii", "ES"),
                            "partner-at", List.of("Partner z Austrii", "AT"),
                            "partner-cz", List.of("Partner z Czech", "CZ"))
                    .entrySet()) {
                feed.publish(new OrganizationRegistered(
                        DemoProject.organizationId(organization.getKey()),
                        organization.getValue().get(0),
                        null,
                        "ngo",
                        organization.getValue().get(1),
                        "—",
                        null,
                        List.of("pl"),
                        null,
                        null,
                        Instant.now()));
            }

            Api api = new Api(port).as(Tokens.client());
            String path = "/api/v1/projects/" + DemoProject.PROJECT_ID;
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response project = api.get(path);
                return project.status() == 200
                        && project.json()
                                .path("milestones")
                                .findValuesAsString("status")
                                .contains("completed");
            });
            JsonNode project = api.get(path).json();
            assertThat(project.path("title").asString()).startsWith("Współpraca międzynarodowa jako metoda budowania");
            assertThat(project.path("lead").path("name").asString()).isEqualTo("Stowarzyszenie Solidarności Globalnej");
            assertThat(project.path("status").asString()).isEqualTo("active");
            assertThat(project.path("countries").toString()).isEqualTo("[\"AT\",\"CZ\",\"ES\",\"PL\",\"PT\"]");
            assertThat(project.path("partners").findValuesAsString("status"))
                    .hasSize(6)
                    .containsOnly("accepted");
            List<String> timeline = new java.util.ArrayList<>();
            for (JsonNode milestone : api.get(path + "/timeline").json().path("milestones")) {
                JsonNode host = milestone.path("hostCountry");
                timeline.add(milestone.path("kind").asString() + (host.isNull() ? "" : " " + host.asString()));
            }
            assertThat(timeline)
                    .as("study visits to Austria, Czechia and Catalonia, the publication, the forum closing it")
                    .containsExactly("study_visit AT", "study_visit CZ", "study_visit ES", "publication", "forum PL");

            assertThat(demo.load()).isZero();
            assertThat(demo.load()).isZero();

            events.awaitAtLeast(DemoProject.PROJECT_ID, 20);
            Map<String, Long> published = PublishedEvents.types(events.all(DemoProject.PROJECT_ID, mongo)).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(published)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "concordia.project.proposed.v1", 1L,
                            "concordia.project.partner-invited.v1", 6L,
                            "concordia.project.partner-joined.v1", 6L,
                            "concordia.project.activated.v1", 1L,
                            "concordia.project.milestone-planned.v1", 5L,
                            "concordia.project.milestone-completed.v1", 1L));
        }
    }
}
