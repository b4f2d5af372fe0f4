package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

@SpringBootTest
@WithInfrastructure
class TwoRelaysTest {

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
    void two_instances_sweeping_the_same_outboxes_publish_every_event_once_in_order() {
        relay.stop();
        Set<String> clubs = new HashSet<>();
        List<String> expectedIds = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            Club club = new Club(UUID.randomUUID().toString(), "Miasto " + c);
            club = store.insert(club, List.of(club.registered()));
            club = store.update(club, List.of(club.rename("Miasto " + c + " (partner)")));
            club = store.update(club, List.of(club.rename("Miasto " + c + " (lead)")));
            clubs.add(club.getId());
            OutboxFixtures.entries(mongo, "clubs", club.getId()).forEach(e -> expectedIds.add(e.id()));
        }
        assertThat(expectedIds).hasSize(60);

        OutboxRelay first =
                new OutboxRelay(mongo, outboxKafkaTemplate, properties, Clock.systemUTC(), new SimpleMeterRegistry());
        OutboxRelay second =
                new OutboxRelay(mongo, outboxKafkaTemplate, properties, Clock.systemUTC(), new SimpleMeterRegistry());
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::sweep);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::sweep);
        int published = a.join() + b.join();

        assertThat(published).isEqualTo(60);
        assertThat(OutboxFixtures.pending(mongo, "clubs")).isZero();
        try (TopicReader topic = TopicReader.of(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> records = topic
                    .readUntil(
                            r -> r.stream().filter(x -> clubs.contains(x.key())).count() >= 60, Duration.ofSeconds(30))
                    .stream()
                    .filter(r -> clubs.contains(r.key()))
                    .toList();
            Map<String, Long> copies = records.stream()
                    .collect(Collectors.groupingBy(
                            r -> TopicReader.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(copies.values()).allMatch(count -> count == 1);
            Map<String, List<String>> typesByClub = records.stream()
                    .collect(Collectors.groupingBy(
                            ConsumerRecord::key,
                            Collectors.mapping(
                                    r -> TopicReader.header(r, CloudEventHeaders.TYPE), Collectors.toList())));
            assertThat(typesByClub.values())
                    .allMatch(types -> types.equals(List.of(
                            "concordia.organization.registered.v1",
                            "concordia.organization.updated.v1",
                            "concordia.organization.updated.v1")));
        }
    }
}
