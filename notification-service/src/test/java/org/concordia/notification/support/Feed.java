package org.concordia.notification.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.concordia.testing.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes to the three topics what the producing services' relays would: the event's JSON as value, the
 * aggregate id as key, the CloudEvents binary-mode headers. Remembers every record so that a test can replay them
 * as they were (same {@code ce_id}), and waits until this service has processed an event.
 */
public final class Feed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventJson json = new EventJson();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    private final MongoTemplate mongo;

    public Feed(MongoTemplate mongo) {
        this.mongo = mongo;
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes the event; @return its {@code ce_id} */
    public String publish(DomainEvent event) {
        return publish(EventCatalogue.of(event.getClass()), event.aggregateId(), json.write(event));
    }

    /** Publishes the event and waits until the service has processed it; @return its {@code ce_id} */
    public String publishAndWait(DomainEvent event) {
        String id = publish(event);
        awaitProcessed(EventCatalogue.of(event.getClass()), id);
        return id;
    }

    public String publish(EventType type, String key, byte[] payload) {
        return publish(type, key, payload, Map.of());
    }

    /** Publishes the event with further headers, e.g. the {@code traceparent} of the request that caused it. */
    public String publishAndWait(DomainEvent event, Map<String, String> headers) {
        EventType type = EventCatalogue.of(event.getClass());
        String id = publish(type, event.aggregateId(), json.write(event), headers);
        awaitProcessed(type, id);
        return id;
    }

    private String publish(EventType type, String key, byte[] payload, Map<String, String> headers) {
        String id = newId();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, payload);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        headers.forEach((name, value) -> header(record, name, value));
        send(record);
        sent.add(record);
        return id;
    }

    /** Waits for the processed mark the consumer of the event's topic writes after handling it. */
    public void awaitProcessed(EventType type, String ceId) {
        String consumer = switch (type.topic()) {
            case EventCatalogue.ORGANIZATION_EVENTS -> "notifyAboutOrganizations";
            case EventCatalogue.PROJECT_EVENTS -> "notifyAboutProjects";
            case EventCatalogue.ANNOUNCEMENT_EVENTS -> "fanOutAnnouncements";
            default -> "notifyAboutMeetings";
        };
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mongo.getCollection(IdempotentConsumers.COLLECTION)
                                .find(new Document("_id", consumer + ":" + ceId))
                                .first()
                        != null);
    }

    /** Sends the records again exactly as they were, headers and {@code ce_id} included, in order. */
    public void replay(List<ProducerRecord<String, byte[]>> records) {
        for (ProducerRecord<String, byte[]> record : records) {
            send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
    }

    public List<ProducerRecord<String, byte[]>> sent() {
        return List.copyOf(sent);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take " + record, e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
