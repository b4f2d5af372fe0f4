package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.concordia.platform.Club;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Outbox entries the relay cannot read, and collections that hold no aggregates. */
@SpringBootTest
@WithInfrastructure
class MalformedEntryTest {

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxEndpoint endpoint;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void restartRelay() {
        relay.start();
    }

    @Test
    void a_malformed_entry_parks_only_its_aggregate_and_every_other_aggregate_and_collection_is_published() {
        relay.stop();
        // ids that sort first, so the sweep meets the malformed entries before the good ones
        String missingType = "0000-missing-" + UUID.randomUUID();
        String wrongPayload = "0000-wrong-" + UUID.randomUUID();
        Document noType = entry(missingType);
        noType.remove("type");
        Document textPayload = entry(wrongPayload).append("payload", "{\"organizationId\": \"x\"}");
        mongo.getCollection("clubs")
                .insertMany(List.of(
                        new Document("_id", missingType).append(AggregateStore.OUTBOX, List.of(noType)),
                        new Document("_id", wrongPayload).append(AggregateStore.OUTBOX, List.of(textPayload))));
        Club club = new Club(UUID.randomUUID().toString(), "Stowarzyszenie Gmin Polska Sieć");
        store.insert(club, List.of(club.registered()));
        String team = "team-" + UUID.randomUUID();
        relay.register("teams");
        mongo.getCollection("teams")
                .insertOne(new Document("_id", team).append(AggregateStore.OUTBOX, List.of(entry(team))));
        double parkedBefore = parkedCount();

        relay.sweep();

        assertThat(OutboxFixtures.settled(mongo, "clubs", List.of(club.getId())))
                .isTrue();
        assertThat(OutboxFixtures.settled(mongo, "teams", List.of(team))).isTrue();
        assertThat(OutboxFixtures.readToEnd(TOPIC).stream().map(ConsumerRecord::key))
                .contains(club.getId(), team)
                .doesNotContain(missingType, wrongPayload);
        assertThat(parkedCount() - parkedBefore).isEqualTo(2.0);
        assertThat(endpoint.state().parked())
                .filteredOn(parked -> Set.of(missingType, wrongPayload).contains(parked.aggregateId()))
                .extracting(OutboxRelay.Parked::aggregateId, OutboxRelay.Parked::kind, OutboxRelay.Parked::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(missingType, "malformed", "field type is missing"),
                        org.assertj.core.groups.Tuple.tuple(
                                wrongPayload, "malformed", "field payload is a String, not a binary"));

        // parked, they stay where they are on the next sweep, until an operator discards them
        relay.sweep();
        assertThat(OutboxFixtures.claim(mongo, "clubs", missingType).getBoolean("parked"))
                .isTrue();
        assertThat(endpoint.discard("clubs", missingType).done()).isTrue();
        assertThat(endpoint.discard("clubs", wrongPayload).done()).isTrue();
        assertThat(OutboxFixtures.settled(mongo, "clubs", List.of(missingType, wrongPayload)))
                .isTrue();
    }

    @Test
    void collections_no_aggregate_store_wrote_are_neither_swept_nor_counted() {
        relay.stop();
        String entryOfReadModel = "read-model-" + UUID.randomUUID();
        mongo.getCollection("club_directory")
                .insertOne(new Document("_id", entryOfReadModel)
                        .append(AggregateStore.OUTBOX, List.of(entry(entryOfReadModel))));

        relay.sweep();

        assertThat(OutboxFixtures.pending(mongo, "club_directory")).isEqualTo(1);
        assertThat(relay.aggregateCollections())
                .doesNotContain("club_directory")
                .contains("clubs");
        assertThat(relay.pendingByCollection()).doesNotContainKey("club_directory");
        assertThat(OutboxFixtures.readToEnd(TOPIC).stream().map(ConsumerRecord::key))
                .doesNotContain(entryOfReadModel);
    }

    private double parkedCount() {
        return meters.get("concordia.outbox.parked")
                .tag("reason", "malformed")
                .counter()
                .count();
    }

    /** A well-formed entry announcing an organization with the given id. */
    private static Document entry(String id) {
        String json = "{\"organizationId\":\"" + id + "\",\"name\":\"Club " + id
                + "\",\"kind\":\"ngo\",\"country\":\"BG\",\"city\":\"Plovdiv\",\"languages\":[\"bg\"],\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
        return new OutboxEntry(
                        UUID.randomUUID().toString(),
                        "concordia.organization.registered.v1",
                        TOPIC,
                        "/organization-service",
                        id,
                        Instant.now(),
                        json.getBytes(StandardCharsets.UTF_8),
                        Map.of())
                .toDocument();
    }
}
