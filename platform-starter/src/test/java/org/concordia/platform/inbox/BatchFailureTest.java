package org.concordia.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.platform.Club;
import org.concordia.platform.PlatformTestApplication;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** One poll's batch with a failing record in the middle, given to the service's consumer on the real store. */
@SpringBootTest
@WithInfrastructure
class BatchFailureTest {

    @Autowired
    @Qualifier("countClubs")
    IdempotentConsumer consumer;

    @Autowired
    MongoTemplate mongo;

    private final EventJson json = new EventJson();

    @Test
    void the_records_before_a_failure_are_marked_once_and_the_failure_names_its_record() {
        Club club = new Club(UUID.randomUUID().toString(), "Batch club v0");
        Club poison = new Club(UUID.randomUUID().toString(), PlatformTestApplication.POISON + " in a batch");
        List<Message<byte[]>> batch = new ArrayList<>();
        batch.add(message(club.registered()));
        batch.add(message(club.rename("Batch club v1")));
        batch.add(message(club.rename("Batch club v1"))); // the relay published this one twice
        batch.set(2, withId(batch.get(1), batch.get(2)));
        batch.add(message(poison.registered()));
        batch.add(message(club.rename("Batch club v2")));

        assertThatThrownBy(() -> consumer.acceptAll(batch))
                .isInstanceOf(BatchListenerFailedException.class)
                .satisfies(e -> assertThat(((BatchListenerFailedException) e).getIndex())
                        .isEqualTo(3));
        assertThat(names(club.getId())).containsExactly("Batch club v0", "Batch club v1");
        assertThat(marked(batch.subList(0, 2))).isEqualTo(2);
        assertThat(marked(batch.subList(3, 5))).isZero();

        // the container seeks back to the failed record; once it is dead-lettered, the rest of the poll follows
        consumer.acceptAll(batch.subList(4, 5));
        // a redelivery of the whole poll, say after a rebalance, changes nothing
        consumer.acceptAll(List.of(batch.get(0), batch.get(1), batch.get(2), batch.get(4)));
        assertThat(names(club.getId())).containsExactly("Batch club v0", "Batch club v1", "Batch club v2");
    }

    private Message<byte[]> message(DomainEvent event) {
        EventType type = EventCatalogue.of(event.getClass());
        return MessageBuilder.withPayload(json.write(event))
                .setHeader(CloudEventHeaders.ID, UUID.randomUUID().toString())
                .setHeader(CloudEventHeaders.TYPE, type.type())
                .setHeader(CloudEventHeaders.SOURCE, type.source())
                .setHeader(CloudEventHeaders.SUBJECT, event.aggregateId())
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .build();
    }

    private static Message<byte[]> withId(Message<byte[]> original, Message<byte[]> copy) {
        return MessageBuilder.fromMessage(copy)
                .setHeader(CloudEventHeaders.ID, original.getHeaders().get(CloudEventHeaders.ID))
                .build();
    }

    private List<String> names(String id) {
        Document effect =
                mongo.getCollection("effects").find(new Document("_id", id)).first();
        return effect == null ? List.of() : effect.getList("names", String.class);
    }

    private long marked(List<Message<byte[]>> messages) {
        List<String> ids = messages.stream()
                .map(m -> "countClubs:" + m.getHeaders().get(CloudEventHeaders.ID))
                .toList();
        return mongo.getCollection(IdempotentConsumers.COLLECTION)
                .countDocuments(new Document("_id", new Document("$in", ids)));
    }
}
