package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
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

/** Two relay instances on the same outboxes, made to work at the same time. */
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
    void two_instances_sweeping_the_same_outboxes_at_once_publish_every_event_once_in_order() {
        relay.stop();
        Set<String> clubs = new LinkedHashSet<>();
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

        // small batches, and each instance waits after its first claim until the other holds claims too
        OutboxProperties small = properties.withBatchSize(5);
        OutboxRelay first =
                new OutboxRelay(mongo, outboxKafkaTemplate, small, Clock.systemUTC(), new SimpleMeterRegistry());
        OutboxRelay second =
                new OutboxRelay(mongo, outboxKafkaTemplate, small, Clock.systemUTC(), new SimpleMeterRegistry());
        CyclicBarrier bothHoldClaims = new CyclicBarrier(2);
        first.afterClaim(once(bothHoldClaims));
        second.afterClaim(once(bothHoldClaims));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::sweep);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::sweep);
        int byFirst = a.join();
        int bySecond = b.join();

        assertThat(bothHoldClaims.isBroken()).isFalse();
        assertThat(byFirst).isPositive();
        assertThat(bySecond).isPositive();
        assertThat(byFirst + bySecond).isEqualTo(60);
        assertThat(OutboxFixtures.settled(mongo, "clubs", clubs)).isTrue();
        List<ConsumerRecord<String, byte[]>> records = OutboxFixtures.readToEnd(TOPIC).stream()
                .filter(r -> clubs.contains(r.key()))
                .toList();
        Map<String, Long> copies = records.stream()
                .collect(
                        Collectors.groupingBy(r -> TopicReader.header(r, CloudEventHeaders.ID), Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(copies.values()).allMatch(count -> count == 1);
        Map<String, List<String>> typesByClub = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(r -> TopicReader.header(r, CloudEventHeaders.TYPE), Collectors.toList())));
        assertThat(typesByClub.values())
                .allMatch(types -> types.equals(List.of(
                        "concordia.organization.registered.v1",
                        "concordia.organization.updated.v1",
                        "concordia.organization.updated.v1")));
    }

    @Test
    void a_lease_that_runs_out_while_its_batch_is_sending_is_renewed_and_no_second_instance_sends_it_again() {
        relay.stop();
        Set<String> clubs = new LinkedHashSet<>();
        for (int c = 0; c < 5; c++) {
            Club club = new Club(UUID.randomUUID().toString(), "Gmina " + c);
            store.insert(club, List.of(club.registered()));
            clubs.add(club.getId());
        }
        // Kafka acknowledges the first instance's sends only when the test says so: a slow cluster
        CompletableFuture<Void> acknowledge = new CompletableFuture<>();
        KafkaTemplate<String, byte[]> slow = new KafkaTemplate<>(outboxKafkaTemplate.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                return super.send(record).thenCompose(result -> acknowledge.thenApply(ignored -> result));
            }
        };
        OutboxProperties shortLease = properties.withLease(Duration.ofSeconds(1));
        OutboxRelay first = new OutboxRelay(mongo, slow, shortLease, Clock.systemUTC(), new SimpleMeterRegistry());
        OutboxRelay second =
                new OutboxRelay(mongo, outboxKafkaTemplate, shortLease, Clock.systemUTC(), new SimpleMeterRegistry());

        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(first::sweep);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> clubs.stream().allMatch(id -> OutboxFixtures.claim(mongo, "clubs", id) != null));
        String watched = clubs.iterator().next();
        Instant leaseAtClaim = until(watched);
        String token = OutboxFixtures.claim(mongo, "clubs", watched).getString("token");
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(leaseAtClaim.plusSeconds(1)));

        // the lease taken at the claim has run out, yet the claim is still the first instance's
        assertThat(until(watched)).isAfter(leaseAtClaim);
        second.sweep();
        assertThat(OutboxFixtures.claim(mongo, "clubs", watched).getString("token"))
                .isEqualTo(token);

        acknowledge.complete(null);
        assertThat(sending.orTimeout(60, TimeUnit.SECONDS).join()).isEqualTo(5);
        assertThat(OutboxFixtures.settled(mongo, "clubs", clubs)).isTrue();
        Map<String, Long> copies = OutboxFixtures.readToEnd(TOPIC).stream()
                .filter(r -> clubs.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(copies)
                .hasSize(5)
                .allSatisfy((club, count) -> assertThat(count).isEqualTo(1));
    }

    private Instant until(String clubId) {
        Date until = OutboxFixtures.claim(mongo, "clubs", clubId).getDate("until");
        return until.toInstant();
    }

    private static Runnable once(CyclicBarrier barrier) {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> {
            if (first.getAndSet(false)) {
                try {
                    barrier.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other relay never claimed anything", e);
                }
            }
        };
    }
}
