package org.concordia.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.concordia.platform.Club;
import org.concordia.platform.PlatformTestApplication;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class DeadLetterReplayTest {

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void a_replay_of_what_is_no_dead_letter_of_this_service_is_a_400_not_a_failure() {
        RestClient client = RestClient.create("http://localhost:" + port);
        for (String path : List.of(
                "/actuator/deadletters/organization-events/0/0",
                "/actuator/deadletters/error.organization-events.someone-else/0/0",
                "/actuator/deadletters/error.no-such-topic." + "x")) {
            int status = client.post()
                    .uri(path)
                    .exchange((request, response) -> response.getStatusCode().value());
            assertThat(status).as(path).isEqualTo(400);
        }
    }

    @Test
    void an_operator_lists_a_dead_letter_and_replays_it_once_the_cause_is_fixed() {
        mongo.getCollection("outage").insertOne(new Document("_id", "on"));
        Club club = new Club(UUID.randomUUID().toString(), PlatformTestApplication.FLAKY + " Trakia");
        store.insert(club, List.of(club.registered()));

        RestClient client = RestClient.create("http://localhost:" + port);
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> deadLetters(client).stream()
                                .filter(l -> club.getId().equals(l.get("key")))
                                .findFirst()
                                .orElse(null),
                        l -> l != null);
        assertThat(letter.get("eventType")).isEqualTo("concordia.organization.registered.v1");
        assertThat(letter.get("originalTopic")).isEqualTo("organization-events");
        assertThat(letter.get("error").toString()).contains("downstream unavailable");
        assertThat(effects(club.getId())).isZero();

        mongo.getCollection("outage").deleteMany(new Document());
        String path = "/actuator/deadletters/" + letter.get("topic") + "/" + letter.get("partition") + "/"
                + letter.get("offset");
        client.post().uri(path).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(club.getId()) == 1);

        client.post().uri(path).retrieve().toBodilessEntity();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> effects(club.getId()) == 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_operator_replays_every_dead_letter_of_a_topic_oldest_first_and_a_second_replay_sends_nothing_again() {
        mongo.getCollection("outage").insertOne(new Document("_id", "on"));
        Club first = new Club(UUID.randomUUID().toString(), PlatformTestApplication.FLAKY + " Lublin");
        Club second = new Club(UUID.randomUUID().toString(), PlatformTestApplication.FLAKY + " Plovdiv");
        Club firstStored = store.insert(first, List.of(first.registered()));
        store.insert(second, List.of(second.registered()));
        // the later event of the first club is not poison: it overtakes the dead-lettered registration
        store.update(firstStored, List.of(firstStored.rename("Lubelska koalicja")));
        RestClient client = RestClient.create("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters(client).stream()
                                .filter(l ->
                                        List.of(first.getId(), second.getId()).contains(l.get("key")))
                                .count()
                        == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(first.getId()) == 1);
        mongo.getCollection("outage").deleteMany(new Document());

        Map<String, Object> report = client.post()
                .uri("/actuator/deadletters/organization-events")
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        List<Map<String, Object>> replayed = (List<Map<String, Object>>) report.get("replayed");
        assertThat(replayed)
                .filteredOn(l -> List.of(first.getId(), second.getId()).contains(l.get("key")))
                .extracting(l -> l.get("key"))
                .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(replayed)
                .extracting(l -> Instant.parse(l.get("originallyAt").toString()))
                .as("oldest first")
                .isSorted();
        assertThat(report.get("deadLetterTopic").toString()).startsWith("error.organization-events.");
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(first.getId()) == 2 && effects(second.getId()) == 1);
        assertThat(mongo.getCollection("effects")
                        .find(new Document("_id", first.getId()))
                        .first()
                        .getList("names", String.class))
                .as("a replayed event is applied after the aggregate's later events")
                .containsExactly("Lubelska koalicja", PlatformTestApplication.FLAKY + " Lublin");

        Map<String, Object> again = client.post()
                .uri("/actuator/deadletters/organization-events")
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat((List<Map<String, Object>>) again.get("replayed"))
                .filteredOn(l -> List.of(first.getId(), second.getId()).contains(l.get("key")))
                .isEmpty();
    }

    private List<Map<String, Object>> deadLetters(RestClient client) {
        return client.get().uri("/actuator/deadletters").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    private int effects(String id) {
        return PlatformTestApplication.count(mongo, "effects", id);
    }
}
