package org.concordia.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.TcpProxy;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The consumer's own MongoDB goes away for longer than the retry budget of a poison record while events keep
 * arriving, then comes back with its data. The store is reached through a link the test cuts and restores.
 */
@SpringBootTest(
        properties = {
            "spring.mongodb.uri=mongodb://127.0.0.1:${" + StoreOutageTest.PORT_PROPERTY
                    + "}/?directConnection=true&serverSelectionTimeoutMS=1000&connectTimeoutMS=1000",
            "concordia.outbox.enabled=false",
            "concordia.inbox.infrastructure-initial-backoff=100ms",
            "concordia.inbox.infrastructure-max-backoff=500ms"
        })
@WithInfrastructure
class StoreOutageTest {

    static final String PORT_PROPERTY = "concordia.test.store-port";
    private static final TcpProxy STORE = TcpProxy.toMongo();

    static {
        System.setProperty(PORT_PROPERTY, String.valueOf(STORE.port()));
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Value("${spring.cloud.stream.default.consumer.max-attempts}")
    int maxAttempts;

    private final EventJson json = new EventJson();

    @AfterAll
    static void closeLink() {
        STORE.close();
    }

    @Test
    void events_arriving_while_the_store_is_down_take_effect_once_in_order_and_none_is_dead_lettered()
            throws Exception {
        Map<String, List<String>> namesByClub = new LinkedHashMap<>();
        List<List<DomainEvent>> histories = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Club club = new Club(UUID.randomUUID().toString(), "Outage club " + c + " v0");
            List<DomainEvent> history = new ArrayList<>(List.of(club.registered()));
            for (int v = 1; v <= 3; v++) {
                history.add(club.rename("Outage club " + c + " v" + v));
            }
            histories.add(history);
            namesByClub.put(
                    club.getId(),
                    List.of(
                            "Outage club " + c + " v0",
                            "Outage club " + c + " v1",
                            "Outage club " + c + " v2",
                            "Outage club " + c + " v3"));
        }
        // the consumer has joined and handled an event before the store goes away
        String warmUp = UUID.randomUUID().toString();
        publish(new Club(warmUp, "Warm-up club").registered());
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(warmUp) == 1);

        STORE.cut();
        double retriesBefore = infrastructureRetries();
        for (int v = 0; v < 4; v++) {
            for (List<DomainEvent> history : histories) {
                publish(history.get(v));
            }
        }
        // longer than a poison record's whole budget, let alone its backoff
        await().atMost(Duration.ofSeconds(60)).until(() -> infrastructureRetries() - retriesBefore >= 3 * maxAttempts);
        STORE.restore();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> namesByClub.keySet().stream().allMatch(id -> effects(id) == 4));
        for (Map.Entry<String, List<String>> club : namesByClub.entrySet()) {
            Document effect = mongo.getCollection("effects")
                    .find(new Document("_id", club.getKey()))
                    .first();
            assertThat(effect.getList("names", String.class))
                    .as("effects of %s, once each and in order", club.getKey())
                    .isEqualTo(club.getValue());
        }
        try (TopicReader deadLetters = TopicReader.of("error." + EventCatalogue.ORGANIZATION_EVENTS + "." + group)) {
            List<ConsumerRecord<String, byte[]>> records = deadLetters.readFor(Duration.ofSeconds(2));
            assertThat(records)
                    .filteredOn(r -> namesByClub.containsKey(r.key()))
                    .isEmpty();
        }
    }

    private void publish(DomainEvent event) throws Exception {
        EventType type = EventCatalogue.of(event.getClass());
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.aggregateId(), json.write(event));
        record.headers()
                .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
                .add(CloudEventHeaders.TYPE, bytes(type.type()))
                .add(CloudEventHeaders.SOURCE, bytes(type.source()))
                .add(CloudEventHeaders.SUBJECT, bytes(event.aggregateId()))
                .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()));
        kafka.send(record).get();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private double infrastructureRetries() {
        return meters.find("concordia.inbox.retries").tag("cause", "infrastructure").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private int effects(String id) {
        Document counter =
                mongo.getCollection("effects").find(new Document("_id", id)).first();
        return counter == null ? 0 : counter.getInteger("count");
    }
}
