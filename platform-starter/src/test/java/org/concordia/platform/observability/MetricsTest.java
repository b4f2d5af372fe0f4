package org.concordia.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.Club;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.testing.TestInfrastructure;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * What an operator scrapes from {@code /actuator/prometheus} follows what happens: a published event, an event
 * handled and a duplicate skipped each move their own series. (A malformed record is not sent here: every context
 * reads the shared topic from its start, and {@code PoisonRecordTest} counts malformed records absolutely.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class MetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    AggregateStore store;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void publishing_an_event_and_handling_it_move_the_outbox_and_inbox_series() {
        Scrape before = scrape();

        Club club = new Club(UUID.randomUUID().toString(), "Metrics club");
        store.insert(club, List.of(club.registered()));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Scrape after = scrape();
            assertThat(after.increaseOf("concordia_outbox_published_total", before))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increaseOf("concordia_outbox_latency_seconds_count", before))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increaseOf("concordia_inbox_processed_total", before))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void a_redelivered_event_counts_as_a_duplicate_and_not_as_processed_again() throws Exception {
        Club club = new Club(UUID.randomUUID().toString(), "Duplicate club");
        store.insert(club, List.of(club.registered()));
        ConsumerRecord<String, byte[]> published = publishedRecordOf(club.getId());
        Scrape handled = awaitProcessed();

        kafka.send(new ProducerRecord<>(
                        published.topic(), null, published.key(), published.value(), published.headers()))
                .get();

        Scrape after = awaitProcessed();
        assertThat(after.increaseOf("concordia_inbox_duplicates_total", handled))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.increaseOf("concordia_inbox_processed_total", handled))
                .as("the duplicate took no effect")
                .isZero();
    }

    /**
     * Waits until the consumer group has committed every record on the topic (a context reads the topic's whole
     * history when it starts), and returns the scrape taken then.
     */
    private Scrape awaitProcessed() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(admin));
        }
        return scrape();
    }

    private boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(EventCatalogue.ORGANIZATION_EVENTS))
                .allTopicNames()
                .get()
                .get(EventCatalogue.ORGANIZATION_EVENTS)
                .partitions()
                .forEach(p -> latest.put(
                        new TopicPartition(EventCatalogue.ORGANIZATION_EVENTS, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return end.getValue().offset() == 0
                    || (offset != null && offset.offset() >= end.getValue().offset());
        });
    }

    private static ConsumerRecord<String, byte[]> publishedRecordOf(String key) {
        try (TopicReader topic = TopicReader.of(EventCatalogue.ORGANIZATION_EVENTS)) {
            return topic.readUntil(records -> records.stream().anyMatch(r -> key.equals(r.key())), TIMEOUT).stream()
                    .filter(r -> key.equals(r.key()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Nothing published for " + key));
        }
    }

    private Scrape scrape() {
        return new Scrape(RestClient.create("http://localhost:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class));
    }

    /** One Prometheus text exposition, summed over the labels of each series. */
    private record Scrape(String text) {

        double sum(String name) {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }

        double increaseOf(String name, Scrape earlier) {
            return sum(name) - earlier.sum(name);
        }
    }
}
