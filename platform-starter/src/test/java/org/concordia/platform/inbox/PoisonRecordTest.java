package org.concordia.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.Club;
import org.concordia.platform.PlatformTestApplication;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@WithInfrastructure
class PoisonRecordTest {

    @Autowired
    AggregateStore store;

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

    @Test
    void a_handler_that_keeps_failing_is_retried_a_bounded_number_of_times_then_dead_lettered() {
        Club club = new Club(UUID.randomUUID().toString(), PlatformTestApplication.POISON + " club");
        club = store.insert(club, List.of(club.registered()));
        club = store.update(club, List.of(club.rename("Coordination Centre ALLATRA")));
        String id = club.getId();

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(id) == 1);
        assertThat(attempts(id)).isEqualTo(maxAttempts);

        ConsumerRecord<String, byte[]> dead = deadLetterFor(id);
        assertThat(TopicReader.header(dead, CloudEventHeaders.TYPE)).isEqualTo("concordia.organization.registered.v1");
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("cannot handle poison club");
        assertThat(TopicReader.header(dead, "x-original-topic")).isEqualTo(EventCatalogue.ORGANIZATION_EVENTS);
    }

    @Test
    void an_unreadable_record_is_dead_lettered_without_retries_and_the_next_one_is_processed() throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(
                EventCatalogue.ORGANIZATION_EVENTS, id, "{ this is not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers()
                .add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add(CloudEventHeaders.TYPE, "concordia.organization.registered.v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(garbage).get();
        Club club = new Club(id, "Lubelska koalicja NGO");
        store.insert(club, List.of(club.registered()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(id) == 1);
        ConsumerRecord<String, byte[]> dead = deadLetterFor(id);
        assertThat(TopicReader.header(dead, "x-exception-stacktrace"))
                .contains(MalformedEventException.class.getName());
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("cannot be read");
        assertThat(meters.counter("concordia.inbox.malformed", "consumer", "countClubs")
                        .count())
                .as("read once, not retried")
                .isEqualTo(1.0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not json");
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String id) {
        String dlq = "error." + EventCatalogue.ORGANIZATION_EVENTS + "." + group;
        try (TopicReader topic = TopicReader.of(dlq)) {
            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(30));
            return records.stream()
                    .filter(r -> id.equals(r.key()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter for " + id + " in " + dlq));
        }
    }

    private int attempts(String id) {
        return PlatformTestApplication.count(mongo, "attempts", id);
    }

    private int effects(String id) {
        return PlatformTestApplication.count(mongo, "effects", id);
    }
}
