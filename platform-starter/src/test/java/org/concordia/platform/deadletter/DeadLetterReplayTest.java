package org.concordia.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

    private List<Map<String, Object>> deadLetters(RestClient client) {
        return client.get().uri("/actuator/deadletters").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    private int effects(String id) {
        return PlatformTestApplication.count(mongo, "effects", id);
    }
}
