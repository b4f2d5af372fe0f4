package org.concordia.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concordia.contracts.EventCatalogue;
import org.concordia.contracts.EventType;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.inbox.EventHandlers;
import org.concordia.platform.inbox.IdempotentConsumer;
import org.concordia.platform.inbox.IdempotentConsumers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Consumption only, in one run on the same broker and store: the raw Kafka consume rate of a topic of CloudEvents
 * records, then {@link IdempotentConsumers} reading the same topic from Kafka poll by poll (one batch per poll): new
 * events (dedup lookup, handler, marks) and a replay of all of them (every one a duplicate), and for comparison the
 * same consumer given one record at a time. Rates are printed as events per second and as a share of raw consume.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar -Dloader.main=org.concordia.benchmarks.ConsumerBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher}; sizes: {@code -Dconsumer.events} (100,000),
 * {@code -Dconsumer.batch} (500, the platform's {@code concordia.inbox.batch-size}), {@code -Dconsumer.single} (10,000
 * events for the one-at-a-time comparison).
 */
public final class ConsumerBenchmark {

    private static final String TOPIC = EventCatalogue.ORGANIZATION_EVENTS;

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("consumer.events", 100_000);
        int batch = Integer.getInteger("consumer.batch", 500);
        int single = Integer.getInteger("consumer.single", 10_000);
        System.out.printf(
                "Concordia consumer benchmark on %d cores, Java %s: %,d events, batches of up to %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), events, batch);
        try (KraftBroker kafka = KraftBroker.start(0, 6, Map.of());
                WireProtocolMongo mongoServer = WireProtocolMongo.start(0);
                MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            produce(kafka, events);
            MongoTemplate mongo = new MongoTemplate(client, "consumers");
            IdempotentConsumers consumers =
                    new IdempotentConsumers(mongo, new EventJson(), Clock.systemUTC(), new SimpleMeterRegistry());
            AtomicLong handled = new AtomicLong();
            EventHandlers handlers =
                    EventHandlers.create().on(OrganizationRegistered.class, e -> handled.incrementAndGet());

            double raw = consume(kafka, batch, events, records -> {});
            IdempotentConsumer batched = consumers.consumer("benchmark", handlers);
            double fresh = consume(kafka, batch, events, records -> batched.acceptAll(messages(records)));
            long handledNew = handled.getAndSet(0);
            double replay = consume(kafka, batch, events, records -> batched.acceptAll(messages(records)));
            long handledAgain = handled.getAndSet(0);
            IdempotentConsumer oneByOne = consumers.consumer("benchmark-one-by-one", handlers);
            double singleFresh =
                    consume(kafka, batch, single, records -> messages(records).forEach(oneByOne));
            double singleReplay =
                    consume(kafka, batch, single, records -> messages(records).forEach(oneByOne));

            System.out.println();
            System.out.printf("%-66s %12s %10s  %s%n", "measurement", "per second", "% of raw", "notes");
            line("raw Kafka consume (KafkaConsumer.poll, nothing done)", raw, raw, events + " records");
            line("IdempotentConsumers, batch per poll: new events", fresh, raw, handledNew + " handled; goal >= 10 %");
            line(
                    "IdempotentConsumers, batch per poll: replay (all duplicates)",
                    replay,
                    raw,
                    handledAgain + " handled again; goal >= 25 %");
            line("IdempotentConsumers, one record at a time: new events", singleFresh, raw, single + " events");
            line("IdempotentConsumers, one record at a time: replay", singleReplay, raw, single + " events");
        }
    }

    private static void produce(KraftBroker kafka, int events) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        EventJson json = new EventJson();
        EventType type = EventCatalogue.of(OrganizationRegistered.class);
        AtomicLong failed = new AtomicLong();
        String description = "Община член на Регионална асоциация на общините „Тракия“ ".repeat(4);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                String id = UUID.randomUUID().toString();
                OrganizationRegistered event = new OrganizationRegistered(
                        id,
                        "Община " + i,
                        null,
                        "municipality",
                        "BG",
                        "Plovdiv",
                        description,
                        List.of("bg"),
                        null,
                        null,
                        Instant.now());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, id, json.write(event));
                record.headers()
                        .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
                        .add(CloudEventHeaders.TYPE, bytes(type.type()))
                        .add(CloudEventHeaders.SOURCE, bytes(type.source()))
                        .add(CloudEventHeaders.SUBJECT, bytes(id))
                        .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
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

    /** Reads the topic from its beginning until {@code count} records were handed to the sink; records per second. */
    private static double consume(
            KraftBroker kafka, int batch, int count, Consumer<List<ConsumerRecord<String, byte[]>>> sink) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long available = consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            if (available < count) {
                throw new IllegalStateException("the topic holds " + available + " records, fewer than " + count);
            }
            // the clock starts with the first records, so that joining and the first fetch are not counted
            ConsumerRecords<String, byte[]> polled = ConsumerRecords.empty();
            while (polled.isEmpty()) {
                polled = consumer.poll(Duration.ofMillis(500));
            }
            long start = System.nanoTime();
            int read = 0;
            while (read < count) {
                if (read > 0) {
                    polled = consumer.poll(Duration.ofMillis(500));
                }
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, byte[]> record : polled) {
                    if (read + records.size() < count) {
                        records.add(record);
                    }
                }
                sink.accept(records);
                read += records.size();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The records as the binder hands them over: byte[] payloads, Kafka headers as byte[] values. */
    private static List<Message<byte[]>> messages(List<ConsumerRecord<String, byte[]>> records) {
        List<Message<byte[]>> messages = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            MessageBuilder<byte[]> builder = MessageBuilder.withPayload(record.value());
            for (Header header : record.headers()) {
                builder.setHeader(header.key(), header.value());
            }
            messages.add(builder.build());
        }
        return messages;
    }

    private static void line(String name, double rate, double raw, String notes) {
        System.out.printf("%-66s %,12.0f %9.1f %%  %s%n", name, rate, 100 * rate / raw, notes);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
