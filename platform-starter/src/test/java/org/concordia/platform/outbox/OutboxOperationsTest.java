package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.ResponseSpec;

/** What operators and clients see when the outbox cannot keep up or cannot publish an event at all, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OutboxOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    record Response(int status, Map<String, Object> body, HttpHeaders headers) {}

    @Test
    void an_event_kafka_refuses_for_good_is_parked_with_its_reason_until_an_operator_retries_or_discards_it() {
        double rejectedBefore = counter("concordia.outbox.parked", "rejected");
        // over the producer's 1 MB request limit: Kafka will never take it
        Club huge = new Club(UUID.randomUUID().toString(), "Z".repeat(1_100_000));
        huge = store.insert(huge, List.of(huge.registered()));
        Club fine = new Club(UUID.randomUUID().toString(), "Asociația Municipiilor");
        store.insert(fine, List.of(fine.registered()));

        Map<String, Object> parked = awaitParked(huge.getId(), null);
        assertThat(parked)
                .containsEntry("collection", "clubs")
                .containsEntry("kind", "rejected")
                .containsEntry("eventType", "concordia.organization.registered.v1");
        assertThat((String) parked.get("reason")).startsWith("RecordTooLargeException");
        assertThat(counter("concordia.outbox.parked", "rejected") - rejectedBefore)
                .isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> OutboxFixtures.settled(mongo, "clubs", List.of(fine.getId())));

        // no retry, hot or slow: further sweeps leave it parked and count no failure
        double failures = meters.get("concordia.outbox.failures").counter().count();
        relay.sweep();
        relay.sweep();
        assertThat(meters.get("concordia.outbox.failures").counter().count()).isEqualTo(failures);
        assertThat(awaitParked(huge.getId(), null)).isEqualTo(parked);

        // a later change waits behind the parked event, so the aggregate's order holds
        huge = store.update(huge, List.of(huge.rename("Fundacja Rozwoju Demokracji Lokalnej")));
        assertThat(OutboxFixtures.entries(mongo, "clubs", huge.getId())).hasSize(2);

        Response retried = exchange(
                client().post().uri("/actuator/outbox/clubs/{id}", huge.getId()).retrieve());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).containsEntry("action", "retry").containsEntry("done", true);
        awaitParked(huge.getId(), (String) parked.get("parkedAt"));

        Response discarded = exchange(client().delete()
                .uri("/actuator/outbox/clubs/{id}", huge.getId())
                .retrieve());
        assertThat(discarded.body()).containsEntry("action", "discard").containsEntry("done", true);
        String id = huge.getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxFixtures.settled(mongo, "clubs", List.of(id)));
        assertThat(OutboxFixtures.readToEnd(TOPIC).stream()
                        .filter(r -> id.equals(r.key()))
                        .map(r -> TopicReader.header(r, CloudEventHeaders.TYPE)))
                .containsExactly("concordia.organization.updated.v1");
        assertThat(outboxState().get("parked")).asList().noneMatch(p -> id.equals(((Map<?, ?>) p).get("aggregateId")));
    }

    @Test
    void a_write_beyond_the_unpublished_events_an_aggregate_may_hold_is_a_503_to_retry_later_and_changes_nothing() {
        String id = UUID.randomUUID().toString();
        // another instance holds the aggregate and cannot publish, so its events pile up
        mongo.getCollection(OutboxRelay.CLAIMS)
                .insertOne(new Document("_id", OutboxRelay.claimKey("clubs", id))
                        .append("owner", "stuck-instance")
                        .append("token", "stuck")
                        .append("until", Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .append("attempts", 0));
        Club club = new Club(id, "Tracja v0");
        club = store.insert(club, List.of(club.registered()));
        for (int v = 1; v < 20; v++) {
            club = store.update(club, List.of(club.rename("Tracja v" + v)));
        }
        assertThat(OutboxFixtures.entries(mongo, "clubs", id)).hasSize(20);
        assertThat(((Map<?, ?>) outboxState().get("pendingAggregates")).containsKey("clubs"))
                .isTrue();

        Response refused = exchange(client().put()
                .uri("/api/v1/clubs/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Tracja v20\"}")
                .retrieve());

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(refused.body())
                .containsEntry("status", 503)
                .containsEntry("type", "https://concordia.org/problems/outbox-full");
        Response current = exchange(client().get().uri("/api/v1/clubs/{id}", id).retrieve());
        assertThat(current.body()).containsEntry("version", 19).containsEntry("name", "Tracja v19");
        assertThat(OutboxFixtures.entries(mongo, "clubs", id)).hasSize(20);

        // once the relay catches up, the same write goes through
        mongo.getCollection(OutboxRelay.CLAIMS).deleteOne(new Document("_id", OutboxRelay.claimKey("clubs", id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxFixtures.settled(mongo, "clubs", List.of(id)));
        Response accepted = exchange(client().put()
                .uri("/api/v1/clubs/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Tracja v20\"}")
                .retrieve());
        assertThat(accepted.status()).isEqualTo(200);
    }

    /** Waits until the aggregate is listed as parked (again, when {@code after} names an earlier parking). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitParked(String aggregateId, String after) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> ((List<Map<String, Object>>) outboxState().get("parked"))
                                .stream()
                                        .filter(p -> aggregateId.equals(p.get("aggregateId")))
                                        .filter(p -> after == null || !after.equals(p.get("parkedAt")))
                                        .findFirst()
                                        .orElse(null),
                        parked -> parked != null);
    }

    private Map<String, Object> outboxState() {
        Response state = exchange(client().get().uri("/actuator/outbox").retrieve());
        assertThat(state.status()).isEqualTo(200);
        return state.body();
    }

    private double counter(String name, String reason) {
        return meters.get(name).tag("reason", reason).counter().count();
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @SuppressWarnings("unchecked")
    private static Response exchange(ResponseSpec spec) {
        var entity = spec.onStatus(status -> true, (request, response) -> {}).toEntity(Map.class);
        return new Response(entity.getStatusCode().value(), entity.getBody(), entity.getHeaders());
    }
}
