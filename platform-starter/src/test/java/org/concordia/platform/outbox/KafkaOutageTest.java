package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concordia.platform.outbox.OutboxFixtures.TOPIC;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.embedded.KraftBroker;
import org.concordia.platform.Club;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.observability.KafkaHealthIndicator;
import org.concordia.testing.TestInfrastructure;
import org.concordia.testing.TopicReader;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka is down while the service keeps writing. The broker here is one of the test's own, started only after the
 * writes on the port the service was told to use, in either infrastructure mode.
 */
@SpringBootTest(
        properties = {
            "spring.cloud.stream.function.autodetect=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:${" + KafkaOutageTest.PORT_PROPERTY + "}",
            "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:${" + KafkaOutageTest.PORT_PROPERTY + "}"
        })
@WithInfrastructure
class KafkaOutageTest {

    static final String PORT_PROPERTY = "concordia.test.outage-port";
    private static final int PORT = freePort();
    private static KraftBroker broker;

    static {
        // the service is told to use a port where no broker listens yet
        System.setProperty(PORT_PROPERTY, String.valueOf(PORT));
    }

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaHealthIndicator kafkaHealth;

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void every_event_written_during_an_outage_arrives_in_order_once_kafka_is_back() {
        Map<String, List<String>> namesByClub = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            Club club = new Club(UUID.randomUUID().toString(), "Club " + c + " v0");
            store.insert(club, List.of(club.registered()));
            List<String> names = new ArrayList<>(List.of(club.getName()));
            for (int v = 1; v <= 3; v++) {
                club = store.update(club, List.of(club.rename("Club " + c + " v" + v)));
                names.add(club.getName());
            }
            namesByClub.put(club.getId(), names);
        }
        assertThat(kafkaHealth.health(false).getStatus()).isEqualTo(Status.DOWN);
        assertThat(OutboxFixtures.pending(mongo, "clubs")).isEqualTo(12);

        broker = TestInfrastructure.startEmbeddedKafka(PORT);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> OutboxFixtures.settled(mongo, "clubs", namesByClub.keySet()));
        List<ConsumerRecord<String, byte[]>> records = OutboxFixtures.readToEnd(broker.bootstrapServers(), TOPIC);
        assertThat(records).hasSize(12);
        for (Map.Entry<String, List<String>> club : namesByClub.entrySet()) {
            List<String> published = records.stream()
                    .filter(r -> r.key().equals(club.getKey()))
                    .map(r -> name(r.value()))
                    .toList();
            assertThat(published).as("events of %s in order", club.getKey()).isEqualTo(club.getValue());
            assertThat(records.stream()
                            .filter(r -> r.key().equals(club.getKey()))
                            .map(r -> TopicReader.header(r, CloudEventHeaders.TYPE)))
                    .containsExactly(
                            "concordia.organization.registered.v1",
                            "concordia.organization.updated.v1",
                            "concordia.organization.updated.v1",
                            "concordia.organization.updated.v1");
        }
        assertThat(kafkaHealth.health(false).getStatus()).isEqualTo(Status.UP);
    }

    private static String name(byte[] json) {
        return JsonMapper.builder().build().readTree(json).get("name").asString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
