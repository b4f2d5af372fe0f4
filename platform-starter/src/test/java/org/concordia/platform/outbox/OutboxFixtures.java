package org.concordia.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.testing.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Looks into the outboxes and claims the way the relay does, for tests of the relay. */
final class OutboxFixtures {

    private OutboxFixtures() {}

    static final String TOPIC = EventCatalogue.ORGANIZATION_EVENTS;

    static long pending(MongoTemplate mongo, String collection) {
        long count = 0;
        for (Document document : mongo.getCollection(collection).find()) {
            count += document.getList(AggregateStore.OUTBOX, Document.class, List.of())
                    .size();
        }
        return count;
    }

    static List<OutboxEntry> entries(MongoTemplate mongo, String collection, String id) {
        Document document =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document.getList(AggregateStore.OUTBOX, Document.class, List.of()).stream()
                .map(OutboxEntry::fromDocument)
                .toList();
    }

    /** The relay's claim on an aggregate, or null. */
    static Document claim(MongoTemplate mongo, String collection, Object id) {
        return mongo.getCollection(OutboxRelay.CLAIMS)
                .find(new Document("_id", OutboxRelay.claimKey(collection, id)))
                .first();
    }

    /**
     * Whether the relay is done with these aggregates: nothing left in their outboxes and no claim on them, so no
     * send is in flight. Kafka acknowledged everything before it left an outbox, so from then on the topic holds all
     * that will ever be published for them, and reading it to its end answers "was anything published twice".
     */
    static boolean settled(MongoTemplate mongo, String collection, Collection<String> ids) {
        for (String id : ids) {
            Document document = mongo.getCollection(collection)
                    .find(new Document("_id", id))
                    .first();
            if (document != null
                    && !document.getList(AggregateStore.OUTBOX, Document.class, List.of())
                            .isEmpty()) {
                return false;
            }
            if (claim(mongo, collection, id) != null) {
                return false;
            }
        }
        return true;
    }

    /** Every record on the topic right now, from the beginning to the end offsets read when called. */
    static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        return readToEnd(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    static List<ConsumerRecord<String, byte[]>> readToEnd(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
