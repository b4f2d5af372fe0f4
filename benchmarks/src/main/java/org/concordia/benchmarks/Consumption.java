package org.concordia.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.embedded.KraftBroker;
import org.concordia.platform.config.PlatformDefaults;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.concordia.platform.inbox.InboxProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

/**
 * Consumption, measured against one baseline: a topic of CloudEvents records as the relay publishes them, read by a
 * {@link KafkaConsumer} configured as the platform configures every binding (byte[] key and value, the inbox batch
 * size as {@code max.poll.records}, as {@link PlatformDefaults} sets it), first doing nothing with the
 * records (raw consume), then handing each poll to {@link IdempotentConsumers} as the binder does in batch mode: one
 * message per poll built by Spring Kafka's batch converter. Beside them the store's part of the batch path, raw:
 * {@code insertMany} of processed marks and {@code _id $in} lookups of them, a batch per round trip.
 */
final class Consumption {

    private static final String TOPIC = "consumption-baseline";

    private final KraftBroker kafka;
    private final MongoClient client;
    private final int events;
    private final int batch = new InboxProperties(null, null, null).batchSize();

    Consumption(KraftBroker kafka, MongoClient client, int events) {
        this.kafka = kafka;
        this.client = client;
        this.events = events;
    }

    List<String[]> measure() throws Exception {
        produce();
        List<String[]> rows = new ArrayList<>();
        double raw = consume(records -> {});
        rows.add(new String[] {
            "raw Kafka consume, CloudEvents records, platform consumer config",
            rate(raw),
            String.format("%,d records, max.poll.records %d", events, batch)
        });
        double[] marks = rawMarks();
        rows.add(new String[] {
            "raw MongoDB insertMany of processed marks, " + batch + " per write",
            rate(marks[0]),
            String.format("%.0f %% of raw consume: the store's part of a new event", 100 * marks[0] / raw)
        });
        rows.add(new String[] {
            "raw MongoDB find _id $in of processed marks, " + batch + " per read",
            rate(marks[1]),
            String.format(
                    "%.0f %% of raw consume: the store's part of a replayed event outside the consumer's offset range",
                    100 * marks[1] / raw)
        });

        MongoTemplate mongo = new MongoTemplate(client, "inbox");
        IdempotentConsumers consumers =
                new IdempotentConsumers(mongo, new EventJson(), Clock.systemUTC(), new SimpleMeterRegistry());
        AtomicLong handled = new AtomicLong();
        IdempotentConsumer consumer = consumers.consumer(
                "benchmark", EventHandlers.create().on(OrganizationRegistered.class, e -> handled.incrementAndGet()));
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setHeaderMapper(new SimpleKafkaHeaderMapper());
        double fresh = consume(records -> consumer.accept(asBinderMessage(converter, records)));
        long handledNew = handled.getAndSet(0);
        rows.add(new String[] {
            "IdempotentConsumers, batch per poll: new events",
            rate(fresh),
            String.format("%.1f %% of raw consume (goal >= 10 %%); %,d handled", 100 * fresh / raw, handledNew)
        });
        // the service restarted (its ranges written as it stopped) and its consumer group reset to the start
        consumer.destroy();
        IdempotentConsumer restarted = consumers.consumer(
                "benchmark", EventHandlers.create().on(OrganizationRegistered.class, e -> handled.incrementAndGet()));
        double replay = consume(records -> restarted.accept(asBinderMessage(converter, records)));
        rows.add(new String[] {
            "IdempotentConsumers, batch per poll: replay (all duplicates) after a restart",
            rate(replay),
            String.format(
                    "%.1f %% of raw consume (goal >= 25 %%); %,d handled again", 100 * replay / raw, handled.get())
        });
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Message<byte[]> asBinderMessage(
            BatchMessagingMessageConverter converter, List<ConsumerRecord<byte[], byte[]>> records) {
        return (Message<byte[]>) converter.toMessage((List) records, null, null, null);
    }

    private void produce() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        EventJson json = new EventJson();
        EventType type = EventCatalogue.of(OrganizationRegistered.class);
        AtomicLong failed = new AtomicLong();
        String description = "Община член на Регионална асоциация на общините „Тракия“ ".repeat(4);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                String id = UUID.randomUUID().toString();
                OrganizationRegistered event = new OrganizationRegistered(
                        id,
                        "Община " + i,
                        null,
                        "municipality",
                        "BG",
                        "Пловдив",
                        null,
                        List.of("bg", "en"),
                        description,
                        null,
                        Instant.now());
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, bytes(id), json.write(event));
                record.headers()
                        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
                        .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
                        .add(CloudEventHeaders.TYPE, bytes(type.type()))
                        .add(CloudEventHeaders.SOURCE, bytes(type.source()))
                        .add(CloudEventHeaders.SUBJECT, bytes(id))
                        .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                        .add("content-type", bytes("application/json"));
                if (i == 0) {
                    // the topic is created by this first record: wait until it has its leaders
                    producer.send(record).get();
                    continue;
                }
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records were not acknowledged");
            }
        }
    }

    /** The consumer settings of every binding, as {@link PlatformDefaults} and the binder give them. */
    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** Reads the topic from its beginning, a poll at a time, handing each poll to the sink; records per second. */
    private double consume(Consumer<List<ConsumerRecord<byte[], byte[]>>> sink) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the clock starts with the first records, so that the first fetch's metadata round trips are not counted
            ConsumerRecords<byte[], byte[]> polled = ConsumerRecords.empty();
            while (polled.isEmpty()) {
                polled = consumer.poll(Duration.ofMillis(500));
            }
            long start = System.nanoTime();
            int read = 0;
            while (read < events) {
                if (read > 0) {
                    polled = consumer.poll(Duration.ofMillis(500));
                }
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                sink.accept(records);
                read += records.size();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Marks as the consumer writes them, then looked up as a replay does: per second each. */
    private double[] rawMarks() {
        MongoCollection<Document> marks = client.getDatabase("marks").getCollection(IdempotentConsumers.COLLECTION);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < events; i += batch) {
            List<String> ids = new ArrayList<>(batch);
            for (int j = i; j < Math.min(events, i + batch); j++) {
                ids.add("benchmark:" + UUID.randomUUID());
            }
            batches.add(ids);
        }
        long start = System.nanoTime();
        for (List<String> ids : batches) {
            Date now = new Date();
            List<Document> documents = new ArrayList<>(ids.size());
            for (String id : ids) {
                documents.add(new Document("_id", id).append("processedAt", now));
            }
            marks.insertMany(documents, new InsertManyOptions().ordered(false));
        }
        double inserts = events / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        long found = 0;
        for (List<String> ids : batches) {
            for (Document ignored : marks.find(new Document("_id", new Document("$in", ids)))
                    .projection(new Document("_id", 1))
                    .batchSize(ids.size())) {
                found++;
            }
        }
        double lookups = found / ((System.nanoTime() - start) / 1e9);
        return new double[] {inserts, lookups};
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
