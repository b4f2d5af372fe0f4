package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * An aggregate written again while the batch publishing its earlier events is still waiting for Kafka: the relay's
 * next batch goes out meanwhile, and the aggregate's new events follow the earlier ones once that batch is done.
 */
@SpringBootTest
@WithInfrastructure
class OverlappingBatchesTest {

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

    private OutboxRelay overlapping;
    private final CompletableFuture<Void> acknowledge = new CompletableFuture<>();

    @AfterEach
    void restartRelay() {
        acknowledge.complete(null);
        if (overlapping != null) {
            overlapping.stop();
        }
        relay.start();
    }

    @Test
    void an_aggregate_written_again_while_its_batch_is_in_flight_gets_every_event_published_once_in_order() {
        relay.stop();
        Club club = new Club(UUID.randomUUID().toString(), "Związek Gmin v0");
        club = store.insert(club, List.of(club.registered()));
        club = store.update(club, List.of(club.rename("Związek Gmin v1")));
        club = store.update(club, List.of(club.rename("Związek Gmin v2")));
        String rewritten = club.getId();
        List<String> expectedIds = new ArrayList<>();
        OutboxFixtures.entries(mongo, "clubs", rewritten).forEach(e -> expectedIds.add(e.id()));
        List<String> others = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());

        // Kafka is handed the aggregate's first event: right then it is written again, and others are written too;
        // Kafka acknowledges the aggregate's events only when the test says so
        Club[] latest = {club};
        AtomicBoolean firstSend = new AtomicBoolean(true);
        Set<String> sentKeys = ConcurrentHashMap.newKeySet();
        KafkaTemplate<String, byte[]> held = new KafkaTemplate<>(outboxKafkaTemplate.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                sentKeys.add(record.key());
                if (!rewritten.equals(record.key())) {
                    return super.send(record);
                }
                if (firstSend.getAndSet(false)) {
                    writeAgain(latest, expectedIds, others);
                }
                return super.send(record).thenCompose(result -> acknowledge.thenApply(ignored -> result));
            }
        };
        // a small batch, so that the requests made meanwhile fill the next one; no sweep: the requests alone publish
        OutboxProperties small = properties
                .withBatchSize(2)
                .withDriver(OutboxProperties.Driver.POLLING)
                .withSweepInterval(Duration.ofHours(1));
        overlapping = new OutboxRelay(mongo, held, small, Clock.systemUTC(), new SimpleMeterRegistry());
        overlapping.start();
        overlapping.publishSoon("clubs", rewritten);

        // the next batch is sent while the aggregate's batch still waits for Kafka
        await().atMost(Duration.ofSeconds(60)).until(() -> sentKeys.contains(others.get(0)));
        assertThat(OutboxFixtures.claim(mongo, "clubs", rewritten)).isNotNull();
        assertThat(OutboxFixtures.entries(mongo, "clubs", rewritten)).hasSize(6);

        acknowledge.complete(null);
        List<String> all = new ArrayList<>(others);
        all.add(rewritten);
        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxFixtures.settled(mongo, "clubs", all));

        List<ConsumerRecord<String, byte[]>> records = OutboxFixtures.readToEnd(TOPIC).stream()
                .filter(r -> all.contains(r.key()))
                .toList();
        assertThat(records.stream()
                        .filter(r -> r.key().equals(rewritten))
                        .map(r -> TopicReader.header(r, CloudEventHeaders.ID)))
                .as("every event of the aggregate written again, once each and in order")
                .containsExactlyElementsOf(expectedIds);
        Map<String, Long> copies = records.stream()
                .filter(r -> !r.key().equals(rewritten))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(copies)
                .containsOnlyKeys(others)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    /** Writes the aggregate three times more and three others once, and asks the relay under test to publish them. */
    private void writeAgain(Club[] latest, List<String> expectedIds, List<String> others) {
        Club club = latest[0];
        for (int v = 3; v <= 5; v++) {
            club = store.update(club, List.of(club.rename("Związek Gmin v" + v)));
        }
        latest[0] = club;
        List<OutboxEntry> entries = OutboxFixtures.entries(mongo, "clubs", club.getId());
        entries.subList(expectedIds.size(), entries.size()).forEach(e -> expectedIds.add(e.id()));
        overlapping.publishSoon("clubs", club.getId());
        for (String id : others) {
            Club other = new Club(id, "Gmina " + id);
            store.insert(other, List.of(other.registered()));
            overlapping.publishSoon("clubs", id);
        }
    }
}
