package org.concordia.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.Club;
import org.concordia.platform.PlatformTestApplication;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@WithInfrastructure
class DuplicateDeliveryTest {

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Test
    void redelivered_events_and_a_replayed_topic_take_effect_once() throws Exception {
        Club club = new Club(UUID.randomUUID().toString(), "Global Parliament of Mayors");
        club = store.insert(club, List.of(club.registered()));
        club = store.update(club, List.of(club.rename("Global Parliament of Mayors (The Hague)")));
        String id = club.getId();
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(id) == 2);

        List<ConsumerRecord<String, byte[]>> original;
        try (TopicReader topic = TopicReader.of(EventCatalogue.ORGANIZATION_EVENTS)) {
            original =
                    topic
                            .readUntil(
                                    r -> r.stream()
                                                    .filter(x -> id.equals(x.key()))
                                                    .count()
                                            == 2,
                                    Duration.ofSeconds(10))
                            .stream()
                            .filter(r -> id.equals(r.key()))
                            .toList();
        }
        assertThat(original).hasSize(2);

        double duplicatesBefore = duplicates();
        // the same event delivered again, then the whole history of the aggregate replayed twice
        redeliver(original.get(0));
        for (int replay = 0; replay < 2; replay++) {
            for (ConsumerRecord<String, byte[]> record : original) {
                redeliver(record);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() - duplicatesBefore >= 5);
        assertThat(effects(id)).isEqualTo(2);
        Document effect =
                mongo.getCollection("effects").find(new Document("_id", id)).first();
        assertThat(effect.getList("names", String.class))
                .containsExactly("Global Parliament of Mayors", "Global Parliament of Mayors (The Hague)");
    }

    private void redeliver(ConsumerRecord<String, byte[]> record) throws Exception {
        kafka.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()))
                .get();
    }

    private double duplicates() {
        return meters.find("concordia.inbox.duplicates").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private int effects(String id) {
        return PlatformTestApplication.count(mongo, "effects", id);
    }
}
