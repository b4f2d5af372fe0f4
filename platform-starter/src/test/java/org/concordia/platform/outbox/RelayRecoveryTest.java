package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.concordia.platform.Club;
import org.concordia.platform.PlatformTestApplication;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@WithInfrastructure
class RelayRecoveryTest {

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> outboxKafkaTemplate;

    @Autowired
    OutboxProperties properties;

    @AfterEach
    void restartRelay() {
        relay.start();
    }

    @Test
    void an_event_written_just_before_the_relay_died_is_published_after_a_restart() {
        relay.stop();
        Club club = new Club(UUID.randomUUID().toString(), "Регионална асоциация на общини Тракия");
        store.insert(club, List.of(club.registered()));
        // the dead instance had claimed the aggregate and never got to publish it
        mongo.getCollection(OutboxRelay.CLAIMS)
                .insertOne(new Document("_id", OutboxRelay.claimKey("clubs", club.getId()))
                        .append("owner", "dead-instance")
                        .append("token", "lost")
                        .append("until", Date.from(Clock.systemUTC().instant().plusSeconds(1)))
                        .append("attempts", 0));
        assertThat(OutboxFixtures.entries(mongo, "clubs", club.getId())).hasSize(1);

        OutboxRelay restarted =
                new OutboxRelay(mongo, outboxKafkaTemplate, properties, Clock.systemUTC(), new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            restarted.sweep();
            return OutboxFixtures.entries(mongo, "clubs", club.getId()).isEmpty();
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> OutboxFixtures.settled(mongo, "clubs", List.of(club.getId())));
        List<ConsumerRecord<String, byte[]>> published = OutboxFixtures.readToEnd(TOPIC).stream()
                .filter(r -> club.getId().equals(r.key()))
                .toList();
        assertThat(published).hasSize(1);
        ConsumerRecord<String, byte[]> record = published.get(0);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE))
                .isEqualTo("concordia.organization.registered.v1");
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/organization-service");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(club.getId());
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(club.getId()) == 1);
    }

    @Test
    void an_event_kafka_acknowledged_before_the_relay_died_takes_effect_once() throws Exception {
        relay.stop();
        Club club = new Club(UUID.randomUUID().toString(), "Global Solidarity Association");
        store.insert(club, List.of(club.registered()));
        OutboxEntry entry = OutboxFixtures.entries(mongo, "clubs", club.getId()).get(0);
        // Kafka acknowledged, then the instance died before removing the event from the outbox
        outboxKafkaTemplate.send(OutboxRelay.toRecord(entry)).get();

        relay.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        OutboxFixtures.entries(mongo, "clubs", club.getId()).isEmpty());

        try (TopicReader topic = TopicReader.of(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> published = topic.readUntil(
                    records -> records.stream()
                                    .filter(r -> club.getId().equals(r.key()))
                                    .count()
                            == 2,
                    Duration.ofSeconds(20));
            assertThat(published.stream()
                            .filter(r -> club.getId().equals(r.key()))
                            .map(r -> TopicReader.header(r, CloudEventHeaders.ID)))
                    .containsExactly(entry.id(), entry.id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(club.getId()) >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> effects(club.getId()) == 1);
    }

    private int effects(String id) {
        return PlatformTestApplication.count(mongo, "effects", id);
    }
}
