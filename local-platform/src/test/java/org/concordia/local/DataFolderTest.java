package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local platform keeps in its data folder survives a restart: the store's documents, the broker's records
 * and the consumer groups' committed offsets, so that a restarted service neither loses nor re-reads anything.
 */
class DataFolderTest {

    @TempDir
    Path data;

    @Test
    void documents_are_found_again_after_the_store_restarts() {
        Path file = data.resolve("mongo/concordia.mv.db");
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("organization")
                    .getCollection("organizations")
                    .insertOne(new Document("_id", "trakia").append("name", "РАО „Тракия“"));
        }

        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("organization")
                    .getCollection("organizations")
                    .find(new Document("_id", "trakia"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("РАО „Тракия“");
        }
    }

    @Test
    void records_and_committed_offsets_are_found_again_after_the_broker_restarts() throws Exception {
        Path directory = data.resolve("kafka");
        try (KraftBroker broker = KraftBroker.startIn(directory, 0, 1, Map.of())) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(broker))) {
                producer.send(new ProducerRecord<>("organization-events", "a", "first"))
                        .get();
                producer.send(new ProducerRecord<>("organization-events", "a", "second"))
                        .get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(broker, 1))) {
                consumer.subscribe(List.of("organization-events"));
                assertThat(poll(consumer, 1)).containsExactly("first");
                consumer.commitSync();
            }
        }

        try (KraftBroker broker = KraftBroker.startIn(directory, 0, 1, Map.of());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(broker, 10))) {
            consumer.subscribe(List.of("organization-events"));

            assertThat(poll(consumer, 1)).containsExactly("second");
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private static Properties producer(KraftBroker broker) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static Properties consumer(KraftBroker broker, int maxRecords) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "project-service");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
