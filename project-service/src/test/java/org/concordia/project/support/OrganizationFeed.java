package org.concordia.project.support;

import java.nio.charset.StandardCharsets;
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
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.TestInfrastructure;

/**
 * Publishes to {@code organization-events} what organization-service would: the event's JSON as value, its id as
 * key, and the CloudEvents binary-mode headers. Remembers every record, so that a test can replay them as they were
 * (same {@code ce_id}).
 */
public final class OrganizationFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventJson json = new EventJson();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    public OrganizationFeed() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public static OrganizationRegistered registered(String id, String name, String country) {
        return new OrganizationRegistered(
                id, name, null, "ngo", country, "Lublin", null, List.of("pl"), null, null, Instant.now());
    }

    /** A chapter of the given organization, registered as organization-service registers one. */
    public static OrganizationRegistered chapter(
            String id, String name, String country, OrganizationRegistered parent) {
        return new OrganizationRegistered(
                id,
                name,
                null,
                "chapter",
                country,
                "Lublin",
                null,
                List.of("pl"),
                null,
                parent.organizationId(),
                Instant.now());
    }

    public static OrganizationUpdated updated(OrganizationRegistered registered, String name, long version) {
        return new OrganizationUpdated(
                registered.organizationId(),
                name,
                registered.shortName(),
                registered.kind(),
                registered.country(),
                registered.city(),
                registered.website(),
                registered.languages(),
                registered.description(),
                registered.parentId(),
                version,
                Instant.now());
    }

    public static OrganizationArchived archived(OrganizationRegistered registered) {
        return new OrganizationArchived(registered.organizationId(), registered.name(), Instant.now());
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes the event and waits for the broker's acknowledgement. */
    public ProducerRecord<String, byte[]> publish(DomainEvent event) {
        return publish(EventCatalogue.of(event.getClass()), event.aggregateId(), json.write(event));
    }

    /** Publishes JSON as it is, for instance a golden sample. */
    public ProducerRecord<String, byte[]> publish(EventType type, String key, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, payload);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        send(record);
        sent.add(record);
        return record;
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
