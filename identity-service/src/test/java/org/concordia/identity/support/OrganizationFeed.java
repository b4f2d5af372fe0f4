package org.concordia.identity.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.TestInfrastructure;

/**
 * Publishes to {@code organization-events} what organization-service's relay would: the event's JSON, keyed by its
 * aggregate id, with the CloudEvents headers; remembers the records so that a test can replay them unchanged.
 */
public final class OrganizationFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    private final EventJson json = new EventJson();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static OrganizationRegistered organization(String id, String parentId) {
        return new OrganizationRegistered(
                id,
                "Organization " + id,
                null,
                "ngo",
                "PL",
                "Lublin",
                null,
                List.of("pl"),
                null,
                parentId,
                Instant.now());
    }

    public static PersonRegistered person(String id, String email) {
        return new PersonRegistered(id, "Anna Kowalska", email, "pl", "Europe/Warsaw", Instant.now());
    }

    public static MemberJoined joined(
            String membershipId, String organizationId, PersonRegistered person, String... roles) {
        return new MemberJoined(
                membershipId,
                organizationId,
                "Organization " + organizationId,
                person.personId(),
                person.fullName(),
                person.email(),
                person.preferredLanguage(),
                person.timeZone(),
                List.of(roles),
                null,
                null,
                Instant.now());
    }

    /** Publishes the event, waits for the broker's acknowledgement and returns its {@code ce_id}. */
    public String publish(DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.aggregateId(), json.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        String id = UUID.randomUUID().toString();
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, type.source());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        send(record);
        sent.add(record);
        return id;
    }

    public int sentCount() {
        return sent.size();
    }

    /** Sends every record again exactly as it was, {@code ce_id} included. */
    public void replay() {
        for (ProducerRecord<String, byte[]> record : List.copyOf(sent)) {
            send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
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
