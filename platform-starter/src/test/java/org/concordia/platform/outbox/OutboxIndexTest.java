package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.IndexOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.platform.Club;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The one index that finds pending events on real MongoDB, declared by the starter. */
@SpringBootTest
@WithInfrastructure
class OutboxIndexTest {

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> outboxKafkaTemplate;

    @Autowired
    OutboxProperties properties;

    @Test
    void the_first_write_of_an_aggregate_type_declares_the_outbox_index_and_registers_the_collection() {
        Club club = new Club(UUID.randomUUID().toString(), "Coordination Centre");
        store.insert(club, List.of(club.registered()));

        Document index = outboxIndex("clubs");
        assertThat(index).isNotNull();
        assertThat(index.get("key", Document.class).keySet()).containsExactly("_outbox.0.id");
        assertThat(index.get("sparse")).isIn(true, 1, 1.0);
        assertThat(mongo.getCollection(OutboxRelay.COLLECTIONS)
                        .find(new Document("_id", "clubs"))
                        .first())
                .isNotNull();
    }

    @Test
    void a_different_index_under_the_outbox_index_name_stops_the_relay_from_starting() {
        String collection = "conflicted_" + UUID.randomUUID().toString().replace("-", "");
        mongo.getCollection(collection).createIndex(new Document("name", 1), new IndexOptions().name("outbox_pending"));
        OutboxRelay relay = relayFor(collection);

        assertThatThrownBy(relay::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(collection)
                .hasMessageContaining("outbox_pending");
        assertThat(relay.isRunning()).isFalse();
        mongo.getCollection(collection).drop();
    }

    @Test
    void the_outbox_index_an_earlier_version_declared_is_replaced() {
        String collection = "legacy_" + UUID.randomUUID().toString().replace("-", "");
        mongo.getCollection(collection)
                .createIndex(
                        new Document("_outbox.0", 1),
                        new IndexOptions().sparse(true).name("outbox_pending"));
        OutboxRelay relay = relayFor(collection);

        relay.start();
        relay.stop();

        assertThat(outboxIndex(collection).get("key", Document.class).keySet()).containsExactly("_outbox.0.id");
        mongo.getCollection(collection).drop();
    }

    private OutboxRelay relayFor(String collection) {
        return new OutboxRelay(
                mongo,
                outboxKafkaTemplate,
                properties.withCollections(List.of(collection)),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private Document outboxIndex(String collection) {
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            if ("outbox_pending".equals(index.getString("name"))) {
                return index;
            }
        }
        return null;
    }
}
